// Package durability holds the tests of the workspace's promises under
// crashes and contention: a writer killed at random moments keeps every
// acknowledged scorecard (crash_test.go), and the window, an import, an
// export and a second process working at once never show a lock error
// (concurrency_test.go). It has no code of its own; being its own package
// lets these long tests run beside the others.
package durability
