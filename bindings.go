//go:build bindings

package main

// Wails builds and runs the app with the "bindings" tag to generate the
// TypeScript bindings; it must not open the user's workspace while doing so.
func init() { generatingBindings = true }
