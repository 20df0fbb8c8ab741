// Small helpers that word messages as sentences: joining lists with "and" and
// turning an error into a capitalised sentence.

package model

import (
	"strconv"
	"strings"
	"unicode"
)

// JoinAnd lists items as a sentence does: "a", "a and b", "a, b and c".
func JoinAnd(items []string) string {
	switch n := len(items); n {
	case 0:
		return ""
	case 1:
		return items[0]
	default:
		return strings.Join(items[:n-1], ", ") + " and " + items[n-1]
	}
}

// Sentence capitalises a message and ends it with a full stop.
func Sentence(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	if !strings.HasSuffix(s, ".") {
		r = append(r, '.')
	}
	return string(r)
}

// RefusalSentence is a refusal (an ErrConflict) as the app shows it: the
// message without the sentinel, as a sentence.
func RefusalSentence(err error) string {
	return Sentence(strings.TrimSuffix(err.Error(), ": "+ErrConflict.Error()))
}

// Plural is one when n is 1, else many: "question" or "questions".
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Count is n followed by Plural: "1 question", "3 questions".
func Count(n int, one, many string) string {
	return strconv.Itoa(n) + " " + Plural(n, one, many)
}
