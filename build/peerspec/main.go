// Command peerspec rebuilds the small OpenAPI document the Prism mock
// server serves in `make test` (build/scripts/ai-peers.sh):
//
//	go run ./build/peerspec PATH/openapi.yaml
//
// PATH/openapi.yaml is the official OpenAI spec (openai/openai-openapi,
// 3 MB). The output keeps only what our client calls, POST /chat/completions
// and GET /models, with everything they $ref and the API-key security, so a
// clean clone runs Prism without the original. The same input gives the
// same bytes.
package main

import (
	"flag"
	"fmt"
	"os"
)

const defaultOut = "build/aipeers/openai-chat.openapi.json"

func main() {
	out := flag.String("o", defaultOut, "file to write")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: go run ./build/peerspec [-o FILE] PATH/openapi.yaml")
		os.Exit(2)
	}
	spec, err := os.ReadFile(flag.Arg(0))
	if err == nil {
		var trimmed []byte
		if trimmed, err = Trim(spec); err == nil {
			err = os.WriteFile(*out, trimmed, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "peerspec:", err)
		os.Exit(1)
	}
}
