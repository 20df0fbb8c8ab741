// Reading a YAML rubric file into the generic document: one document, no
// merge keys, bounded aliases, scalars typed as JSON would type them.

package rubric

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"hirebench/app/model"
)

func parseYAML(data []byte, errs *model.ValidationError) (any, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err == io.EOF {
			return nil, errors.New("the file is empty")
		}
		return nil, yamlError(err)
	}
	var next yaml.Node
	if err := dec.Decode(&next); err != io.EOF {
		if err != nil {
			return nil, yamlError(err)
		}
		return nil, fmt.Errorf("invalid YAML: line %d: a second document starts here; a rubric file holds one document", max(next.Line-1, 1))
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return nil, errors.New("the file is empty")
		}
		root = root.Content[0]
	}
	c := &yamlConverter{errs: errs, budget: maxAliasValues, active: map[*yaml.Node]bool{}}
	return c.value(root, "", 0)
}

func yamlError(err error) error {
	return fmt.Errorf("invalid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
}

type yamlConverter struct {
	errs   *model.ValidationError
	budget int                 // values aliases may still expand to
	active map[*yaml.Node]bool // anchors being expanded, to refuse cycles
}

func (c *yamlConverter) value(n *yaml.Node, path string, depth int) (any, error) {
	if len(c.active) > 0 {
		if c.budget--; c.budget < 0 {
			return nil, fmt.Errorf("invalid YAML: aliases expand to more than %d values", maxAliasValues)
		}
	}
	if depth >= maxDepth {
		return nil, fmt.Errorf("invalid YAML: line %d: %w", n.Line, errTooDeep)
	}
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil || c.active[n.Alias] {
			return nil, fmt.Errorf("invalid YAML: line %d: alias *%s refers to a value containing itself", n.Line, n.Value)
		}
		c.active[n.Alias] = true
		v, err := c.value(n.Alias, path, depth+1)
		delete(c.active, n.Alias)
		return v, err
	case yaml.MappingNode:
		obj := object{}
		seen := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.AliasNode && k.Alias != nil {
				k = k.Alias
			}
			if k.Kind != yaml.ScalarNode {
				c.errs.Add(path, "line %d: a key must be a plain name, not a list or mapping", k.Line)
				continue
			}
			if k.ShortTag() == "!!merge" {
				c.errs.Add(joinKey(path, k.Value), "line %d: merge keys (<<) are not supported; write the fields out", k.Line)
				continue
			}
			key := k.Value
			child := joinKey(path, key)
			if line, dup := seen[key]; dup {
				c.errs.Add(child, "duplicate key on line %d (first on line %d); each field may appear once", k.Line, line)
				continue
			}
			seen[key] = k.Line
			val, err := c.value(v, child, depth+1)
			if err != nil {
				return nil, err
			}
			obj = append(obj, member{key, val})
		}
		return obj, nil
	case yaml.SequenceNode:
		arr := make([]any, 0, len(n.Content))
		for i, item := range n.Content {
			v, err := c.value(item, joinIndex(path, i), depth+1)
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
		}
		return arr, nil
	case yaml.ScalarNode:
		return c.scalar(n, path), nil
	}
	return nil, fmt.Errorf("invalid YAML: line %d: unexpected node", n.Line)
}

// scalar converts a YAML scalar to its JSON value; problems are recorded
// under path and yield badValue.
func (c *yamlConverter) scalar(n *yaml.Node, path string) any {
	switch tag := n.ShortTag(); tag {
	case "!!str", "!!timestamp":
		// An unquoted date is still text here (e.g. a name "2024-05-01").
		return n.Value
	case "!!null":
		return nil
	case "!!bool":
		var b bool
		if err := n.Decode(&b); err == nil {
			return b
		}
	case "!!int":
		var v any
		if err := n.Decode(&v); err == nil {
			switch v := v.(type) {
			case int, int64, uint64:
				return json.Number(fmt.Sprint(v))
			case float64:
				return floatNumber(c, n, path, v)
			}
		}
	case "!!float":
		var f float64
		if err := n.Decode(&f); err == nil {
			return floatNumber(c, n, path, f)
		}
	default:
		c.errs.Add(path, "line %d: unsupported YAML tag %s", n.Line, n.Tag)
		return badValue{}
	}
	c.errs.Add(path, "line %d: cannot read %q as %s", n.Line, n.Value, n.ShortTag())
	return badValue{}
}

func floatNumber(c *yamlConverter, n *yaml.Node, path string, f float64) any {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		c.errs.Add(path, "must be a finite number, not %s", n.Value)
		return badValue{}
	}
	return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
}
