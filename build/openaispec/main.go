// Command openaispec rebuilds the trimmed OpenAI schemas the fake server in
// app/assist/openaitest validates with:
//
//	go run ./build/openaispec PATH/openapi.yaml
//
// PATH/openapi.yaml is the official spec (openai/openai-openapi); the output
// is the same for the same input, so a re-run on an unchanged spec changes nothing.
package main

import (
	"flag"
	"fmt"
	"os"

	"hirebench/app/assist/openaitest"
)

func main() {
	out := flag.String("o", "app/assist/openaitest/testdata/openai-chat-schemas.json", "file to write")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: go run ./build/openaispec [-o FILE] PATH/openapi.yaml")
		os.Exit(2)
	}
	spec, err := os.ReadFile(flag.Arg(0))
	if err == nil {
		var trimmed []byte
		if trimmed, err = openaitest.Trim(spec); err == nil {
			err = os.WriteFile(*out, trimmed, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "openaispec:", err)
		os.Exit(1)
	}
}
