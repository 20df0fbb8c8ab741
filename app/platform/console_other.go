//go:build !windows

package platform

// AttachConsole does nothing here: on Linux and macOS a program started from a
// terminal already has it as its standard streams.
func AttachConsole() {}
