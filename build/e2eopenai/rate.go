// The second rater's answers: a level one below the top of the scale (its
// anchor copied from the request), resting on the first sentence of the
// notes it was sent that carries no placeholder, plus one passage the notes
// do not hold (so the window has a dropped fragment to count).

package main

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"

	"hirebench/app/ai"
	"hirebench/app/assist/openaitest"
)

var (
	anchorLine  = regexp.MustCompile(`(?m)^- (\d+) \([^)]*\): (.+)$`)
	sentenceEnd = regexp.MustCompile(`[.!?](\s|$)`)
)

// invented is a fragment no interviewer wrote: the app must drop it.
const invented = "Designed the whole platform alone over a weekend."

// rated answers a second-rater request (true), else false.
func rated(body []byte) (openaitest.Reply, bool) {
	var req struct {
		Model          string       `json:"model"`
		Messages       []ai.Message `json:"messages"`
		ResponseFormat struct {
			JSONSchema struct {
				Name   string          `json:"name"`
				Schema json.RawMessage `json:"schema"`
			} `json:"json_schema"`
		} `json:"response_format"`
	}
	if err := json.Unmarshal(body, &req); err != nil || req.ResponseFormat.JSONSchema.Name != "rate_level" || len(req.Messages) < 2 {
		return openaitest.Reply{}, false
	}
	user := req.Messages[1].Content
	anchors := anchorLine.FindAllStringSubmatch(user, -1)
	if len(anchors) == 0 {
		return openaitest.Reply{}, false
	}
	pick := anchors[max(0, len(anchors)-2)]
	level, _ := strconv.Atoi(pick[1])
	_, notes, _ := strings.Cut(user, "<notes>\n")
	notes, _, _ = strings.Cut(notes, "\n</notes>")
	fragments := []string{invented}
	if s := firstSentence(notes); s != "" {
		fragments = []string{s, invented}
	}
	content, _ := json.Marshal(map[string]any{"fragments": fragments,
		"reason": "The notes describe a concrete example that fits this anchor.", "anchor": pick[2], "level": level})
	sent := ai.Request{Messages: req.Messages, SchemaName: req.ResponseFormat.JSONSchema.Name, Schema: req.ResponseFormat.JSONSchema.Schema}
	return openaitest.Reply{Content: string(content), Fingerprint: "fp_e2e",
		PromptTokens: ai.EstimateTokens(req.Model, sent), CompletionTokens: len(content) / 4}, true
}

// firstSentence is the notes' first sentence without a placeholder, as written.
func firstSentence(notes string) string {
	for _, line := range strings.Split(notes, "\n") {
		for line = strings.TrimSpace(line); line != ""; {
			end := len(line)
			if m := sentenceEnd.FindStringIndex(line); m != nil {
				end = m[0] + 1
			}
			s := strings.TrimSpace(line[:end])
			if len(s) > 15 && !strings.Contains(s, "[") {
				return s
			}
			line = strings.TrimSpace(line[end:])
		}
	}
	return ""
}
