// The streamed answers: a debrief summary built from the notes it was sent
// (every sentence citing its notes but the last, which cites none, so the
// window has one to flag) and follow-up questions from the question being
// asked (one line a level, which the app must drop). Both come word by word
// or line by line with a pause between pieces, slowly enough for the e2e to
// watch the text grow and to cancel it midway.

package main

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"hirebench/app/ai"
	"hirebench/app/assist/openaitest"
)

// Gaps between pieces: a summary of ~55 words takes about 8 s.
const (
	summaryGap  = 150 * time.Millisecond
	followUpGap = 400 * time.Millisecond
)

var (
	noteLine     = regexp.MustCompile(`(?m)^\[(N\d+)\] (Interviewer \w+), (.+)\. Score: (.+)\.$`)
	questionLine = regexp.MustCompile(`(?m)^Question being asked: (.+)$`)
	compLine     = regexp.MustCompile(`(?m)^Competency: ([^.\n]+)`)
)

// streamed answers a summary or follow-up request (true), else false.
func streamed(body []byte) (openaitest.Reply, bool) {
	var req struct {
		Model    string       `json:"model"`
		Stream   bool         `json:"stream"`
		Messages []ai.Message `json:"messages"`
	}
	if err := json.Unmarshal(body, &req); err != nil || !req.Stream || len(req.Messages) < 2 {
		return openaitest.Reply{}, false
	}
	user := req.Messages[1].Content
	var text string
	var chunks []string
	gap := summaryGap
	switch {
	case strings.Contains(user, "Scorecard notes (") && strings.Contains(user, "<notes>"):
		text = summary(user)
		chunks = strings.SplitAfter(text, " ")
	case questionLine.MatchString(user):
		text = followUps(user)
		chunks, gap = strings.SplitAfter(text, "\n"), followUpGap
	default:
		return openaitest.Reply{}, false
	}
	sent := ai.Request{Messages: req.Messages}
	return openaitest.Reply{Chunks: chunks, Gap: gap, Fingerprint: "fp_e2e",
		PromptTokens: ai.EstimateTokens(req.Model, sent), CompletionTokens: len(text) / 4}, true
}

type note struct {
	id, who, topic string
	score          int // 0: a recommendation or a skip
}

// summary cites the best- and worst-scored notes and a recommendation.
func summary(user string) string {
	var notes []note
	for _, m := range noteLine.FindAllStringSubmatch(user, -1) {
		n := note{id: m[1], who: m[2], topic: topicOf(m[3])}
		if f := strings.Fields(m[4]); len(f) > 0 {
			n.score, _ = strconv.Atoi(f[0])
		}
		notes = append(notes, n)
	}
	var best, worst, rec *note
	for i := range notes {
		n := &notes[i]
		if n.score == 0 {
			if rec == nil && n.topic == "Overall" {
				rec = n
			}
			continue
		}
		if best == nil || n.score > best.score {
			best = n
		}
		if worst == nil || n.score < worst.score {
			worst = n
		}
	}
	if best == nil {
		return "Strengths:\nNone.\nConcerns:\nNone.\nDisagreements to discuss:\nNone."
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Strengths:\n%s gave concrete, measured evidence on %s [%s].", best.who, best.topic, best.id)
	if rec != nil {
		fmt.Fprintf(&b, " %s recommended moving forward [%s].", rec.who, rec.id)
	}
	b.WriteString("\nConcerns:\n")
	if worst != best {
		fmt.Fprintf(&b, "%s found the answer on %s thinner than the anchors ask for [%s].", worst.who, worst.topic, worst.id)
	} else {
		b.WriteString("None.")
	}
	b.WriteString("\nDisagreements to discuss:\n")
	if worst != best && worst.score != best.score {
		fmt.Fprintf(&b, "The interviewers scored %s and %s differently [%s][%s]. ", best.topic, worst.topic, best.id, worst.id)
	}
	b.WriteString("The candidate would clearly thrive in a larger team.")
	return b.String()
}

// topicOf is the competency of "Round. Competency — question".
func topicOf(s string) string {
	_, rest, ok := strings.Cut(s, ". ")
	if !ok {
		return s
	}
	comp, _, _ := strings.Cut(rest, " — ")
	return comp
}

// followUps: three questions on the competency, and one line giving a
// level (the app drops it).
func followUps(user string) string {
	comp := "this"
	if m := compLine.FindStringSubmatch(user); m != nil {
		comp = strings.ToLower(strings.TrimSpace(m[1]))
	}
	return "- What did you measure first, and how did it change your plan?\n" +
		"- Which trade-off in " + comp + " would you make differently today, and why?\n" +
		"- So that answer is a level 3?\n" +
		"- Who used the result, and what did they do with it?\n"
}
