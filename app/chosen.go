// Files the user chose in the open dialog, remembered under a token so the
// page never holds a path or the bytes: Go reads the file when it is used.

package app

import (
	"crypto/rand"
	"encoding/hex"
	"path/filepath"
	"sync"

	"hirebench/app/files"
	"hirebench/app/model"
)

// ImportFile is a file the user chose to import: the token stands for it in
// later calls (an import preview and commit, a rubric import).
type ImportFile struct {
	Token string `json:"token"`
	Name  string `json:"name"`
	Size  int64  `json:"size"`
}

// keepChosen is how many chosen files stay valid: a wizard needs only the
// latest, a few spare ones cover answers still on their way.
const keepChosen = 4

// chooser asks for a file in the native dialog, checks it without reading
// it and remembers its path under a random token.
type chooser struct {
	rt                   Shell
	title                string // the dialog's title
	pattern, patternName string
	what                 string // what the limit is for, in Refusal's words
	limit                int64

	mu     sync.Mutex
	chosen []chosenFile // newest last
}

type chosenFile struct {
	token, path, name string
}

// choose shows the dialog; nil when the user cancelled.
func (c *chooser) choose() (*ImportFile, error) {
	path, err := c.rt.openPath(c.title, c.pattern, c.patternName)
	if err != nil || path == "" {
		return nil, err
	}
	name := filepath.Base(path)
	st, err := files.Check(path, c.limit)
	if err != nil {
		return nil, files.Refusal(name, c.what, c.limit, err)
	}
	var b [16]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand)
	f := chosenFile{token: hex.EncodeToString(b[:]), path: path, name: name}
	c.mu.Lock()
	c.chosen = append(c.chosen, f)
	if len(c.chosen) > keepChosen {
		c.chosen = append([]chosenFile(nil), c.chosen[len(c.chosen)-keepChosen:]...)
	}
	c.mu.Unlock()
	return &ImportFile{Token: f.token, Name: name, Size: st.Size()}, nil
}

// read reads the file a token stands for again, checking it again; it
// returns the name the user sees with the bytes.
func (c *chooser) read(token string) (string, []byte, error) {
	f, ok := c.lookup(token)
	if !ok {
		return "", nil, model.Invalid("file", "choose the file again")
	}
	data, err := files.ReadLimited(f.path, c.limit)
	if err != nil {
		return f.name, nil, files.Refusal(f.name, c.what, c.limit, err)
	}
	return f.name, data, nil
}

func (c *chooser) lookup(token string) (chosenFile, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, f := range c.chosen {
		if token != "" && f.token == token {
			return f, true
		}
	}
	return chosenFile{}, false
}

// forgetAll drops every chosen file: the profile changed, and a file one
// person chose is not the next person's to import.
func (c *chooser) forgetAll() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.chosen = nil
}

// forget spends a token once its file has been used.
func (c *chooser) forget(token string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, f := range c.chosen {
		if f.token == token {
			c.chosen = append(c.chosen[:i:i], c.chosen[i+1:]...)
			return
		}
	}
}
