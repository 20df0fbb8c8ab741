// Command blankwindow is the baseline of the startup figure of `make bench`:
// the same toolkit as hirebench (Wails, WebKitGTK 4.1, the same window
// options) showing a page with nothing on it, which prints the same marker
// after its first painted frame. What hirebench takes beyond it is ours:
// opening the workspace, the Svelte app, its first calls to Go and its
// first screen. Build it as Wails builds an app:
//
//	go build -tags desktop,production,webkit2_41 -o build/bench/blankwindow ./build/perf/blankwindow
package main

import (
	"embed"
	"fmt"
	"os"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/logger"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
)

// page prints the marker the way hirebench's frontend does
// (api.markInteractive in frontend/src/lib/api): after two animation
// frames, so the first frame has been painted, through the Wails runtime's
// LogPrint.
//
//go:embed index.html
var page embed.FS

func main() {
	err := wails.Run(&options.App{
		Title:            "hirebench",
		Width:            1280,
		Height:           800,
		AssetServer:      &assetserver.Options{Assets: page},
		BackgroundColour: &options.RGBA{R: 248, G: 249, B: 251, A: 255},
		LogLevel:         logger.WARNING,
		Linux: &linux.Options{
			ProgramName:         "hirebench",
			WebviewGpuPolicy:    linux.WebviewGpuPolicyNever,
			WindowIsTranslucent: false,
		},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "blankwindow:", err)
		os.Exit(1)
	}
}
