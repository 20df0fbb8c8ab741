// Command e2epg is the shared workspace's server of `make e2e`: a throwaway
// PostgreSQL (storage/pgtest: initdb in a temp folder, its socket in that
// 0700 folder, no TCP) with one empty database, "hiring". It writes the
// owner's connection URL to -url-file once the server takes connections and
// stops the server, leaving no folder, at SIGTERM or SIGINT (or however it
// ends: pgtest's watchdog). Not part of the app.
//
//	go run ./build/e2epg -url-file FILE
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"hirebench/storage/pgtest"
)

func main() {
	urlFile := flag.String("url-file", "", "where to write the owner's URL (required)")
	flag.Parse()
	if *urlFile == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "e2epg: usage: e2epg -url-file FILE")
		os.Exit(2)
	}
	if err := run(*urlFile); err != nil {
		fmt.Fprintln(os.Stderr, "e2epg:", err)
		os.Exit(1)
	}
}

func run(urlFile string) error {
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	srv, err := pgtest.StartServer()
	if err != nil {
		return err
	}
	defer srv.Stop()
	url, err := srv.CreateDatabase("hiring")
	if err != nil {
		return err
	}
	// Written whole and renamed, so the script never reads half a URL.
	tmp := filepath.Join(filepath.Dir(urlFile), "."+filepath.Base(urlFile)+".tmp")
	if err := os.WriteFile(tmp, []byte(url+"\n"), 0o600); err != nil {
		return err
	}
	if err := os.Rename(tmp, urlFile); err != nil {
		return err
	}
	<-stop
	return nil
}
