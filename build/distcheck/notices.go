package main

import (
	"debug/buildinfo"
	"os"
	"strings"
)

// checkNotices: the licence texts travel with the binaries, one section for
// every Go module each binary was built from (its build info lists them) and
// for Svelte, whose runtime is in the frontend bundle.
func (c *checker) checkNotices(what, notices string, bins ...string) {
	data, err := os.ReadFile(notices)
	if err != nil {
		c.fail("%s: %v", what, err)
		return
	}
	text := string(data)
	missing := missingNotices(text, bins, c)
	if !strings.Contains(text, "\nnpm package svelte ") || !strings.Contains(text, "The Go standard library") {
		missing = append(missing, "svelte or the Go standard library")
	}
	if len(missing) > 0 {
		c.fail("%s: THIRD_PARTY_NOTICES.txt lacks %s", what, strings.Join(missing, ", "))
		return
	}
	c.ok("%s: THIRD_PARTY_NOTICES.txt covers every module the binaries are built from", what)
}

func missingNotices(text string, bins []string, c *checker) []string {
	var missing []string
	seen := map[string]bool{}
	for _, bin := range bins {
		info, err := buildinfo.ReadFile(bin)
		if err != nil {
			c.fail("%s: build info: %v", bin, err)
			continue
		}
		for _, d := range info.Deps {
			if d.Replace != nil {
				d = d.Replace
			}
			key := d.Path + " " + d.Version
			if seen[key] {
				continue
			}
			seen[key] = true
			if !strings.Contains(text, "\nGo module "+key+"\n") {
				missing = append(missing, key)
			}
		}
	}
	return missing
}
