package backup

import (
	"os"
	"testing"

	"hirebench/app/demo/demotest"
)

// Tests that want a seeded workspace copy one demo seed made per test run.
func TestMain(m *testing.M) { os.Exit(demotest.Main(m)) }
