//go:build unix

package durability_test

import (
	"fmt"
	"os"
)

// runScorecards runs the crash test's writer (crash_test.go, unix only: it
// is killed with SIGKILL).
func runScorecards(j job) int {
	if err := writeScorecards(j); err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		return 1
	}
	return 0
}
