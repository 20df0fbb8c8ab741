//go:build race

package durability_test

// raceDetector: the crash loop is skipped under -race, which slows SQLite
// tenfold and has nothing to find in a single-threaded writer; `make gotest`
// runs it on a line of its own without -race.
const raceDetector = true
