//go:build !race

package durability_test

const raceDetector = false
