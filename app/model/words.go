package model

import "strings"

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
