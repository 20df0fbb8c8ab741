package selfid

import (
	"fmt"
	"strings"
)

func find(cats []Category, name string) (Category, bool) {
	for _, c := range cats {
		if equalFold(c.Name, name) {
			return c, true
		}
	}
	return Category{}, false
}

func equalFold(a, b string) bool { return strings.EqualFold(a, b) }

func names(cats []Category) string {
	out := make([]string, len(cats))
	for i, c := range cats {
		out[i] = c.Name
	}
	return quoteAll(out)
}

func quoteAll(s []string) string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(out, ", ")
}
