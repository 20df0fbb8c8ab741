// Reading a JSON rubric file into the generic document: duplicate keys,
// nesting depth, and syntax errors with their line and column.

package rubric

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"hirebench/app/model"
)

type jsonParser struct {
	dec  *json.Decoder
	errs *model.ValidationError
}

func parseJSON(data []byte, errs *model.ValidationError) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	p := &jsonParser{dec: dec, errs: errs}
	v, err := p.value("", 0)
	if err == nil {
		if _, err = dec.Token(); err == io.EOF {
			return v, nil
		}
	}
	if errors.Is(err, errTooDeep) {
		return nil, fmt.Errorf("invalid JSON: %w", err)
	}
	// The streaming decoder's offsets are not always those of the offending
	// byte; the one-shot scanner's are (it counts the byte it fails on).
	var syntax *json.SyntaxError
	if err := json.Unmarshal(data, new(any)); errors.As(err, &syntax) {
		offset := syntax.Offset - 1
		if strings.Contains(syntax.Error(), "unexpected end") {
			return nil, fmt.Errorf("invalid JSON: %s: the file ends in the middle of a value", position(data, int64(len(data))))
		}
		return nil, fmt.Errorf("invalid JSON: %s: %s", position(data, offset), strings.TrimPrefix(syntax.Error(), "json: "))
	}
	return nil, fmt.Errorf("invalid JSON: %w", err)
}

// position turns a byte offset into "line L, column C" (1-based; columns
// count characters).
func position(data []byte, offset int64) string {
	offset = min(max(offset, 0), int64(len(data)))
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	col := utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return fmt.Sprintf("line %d, column %d", line, col)
}

var errTooDeep = fmt.Errorf("values are nested more than %d levels deep", maxDepth)

func (p *jsonParser) value(path string, depth int) (any, error) {
	tok, err := p.dec.Token()
	if err != nil {
		if err == io.EOF && depth > 0 {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	delim, ok := tok.(json.Delim)
	if !ok {
		return tok, nil // string, json.Number, bool or nil
	}
	if depth >= maxDepth {
		return nil, errTooDeep
	}
	switch delim {
	case '{':
		var obj object
		seen := map[string]bool{}
		for p.dec.More() {
			kt, err := p.dec.Token()
			if err != nil {
				return nil, err
			}
			key, _ := kt.(string)
			child := joinKey(path, key)
			v, err := p.value(child, depth+1)
			if err != nil {
				return nil, err
			}
			if seen[key] {
				p.errs.Add(child, "duplicate key; each field may appear once")
				continue
			}
			seen[key] = true
			obj = append(obj, member{key, v})
		}
		if obj == nil {
			obj = object{}
		}
		_, err := p.dec.Token() // '}'
		return obj, eofIsUnexpected(err)
	default: // '['
		arr := []any{}
		for i := 0; p.dec.More(); i++ {
			v, err := p.value(joinIndex(path, i), depth+1)
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
		}
		_, err := p.dec.Token() // ']'
		return arr, eofIsUnexpected(err)
	}
}

func eofIsUnexpected(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}
