// The app's version string, stamped at build time.

package app

// Version is stamped by the Makefile from git describe (-ldflags -X).
var Version = "0.1.0-dev"
