// Package selfid holds voluntary self-identification: the categories asked
// and their answers (editable, with defaults), who may record or read a
// person's answers (the recruiter alone), and the per-role fairness report
// built from them with app/fairness (docs/FAIRNESS.md). Answers leave the
// app only as aggregates: the report's export form hides small cells.
package selfid

import (
	"fmt"
	"strings"

	"hirebench/app/model"
)

const (
	// PreferNot is offered in every category, always; it is a group of its
	// own, kept out of the ratios.
	PreferNot = "Prefer not to say"
	// NotAnswered is the group of people with no answer in a category.
	NotAnswered = "Not answered"
	// NotCompared is what an undisclosed group's row says.
	NotCompared = "counted, not compared"
	// SettingKey is the workspace setting holding the categories as JSON.
	SettingKey = "selfid.categories"
)

// Limits on the categories.
const (
	MaxCategories = 20
	MaxOptions    = 30
	MaxName       = 60
	MaxOption     = 100
)

// Category is one question asked, with its answers (PreferNot is added to
// them, never stored).
type Category struct {
	Name    string   `json:"name"`
	Options []string `json:"options"`
}

// Offered is what a person may answer: the options, then PreferNot.
func (c Category) Offered() []string {
	return append(append([]string{}, c.Options...), PreferNot)
}

// Defaults are the categories a workspace starts with: the ones US equal
// employment reports ask about (EEO-1 race and ethnicity categories; age
// 40 or over, the line the Age Discrimination in Employment Act draws).
func Defaults() []Category {
	return []Category{
		{Name: "Gender", Options: []string{"Woman", "Man", "Non-binary", "Another gender"}},
		{Name: "Race/ethnicity", Options: []string{"Hispanic or Latino", "White", "Black or African American", "Asian",
			"Native Hawaiian or Other Pacific Islander", "American Indian or Alaska Native", "Two or more races"}},
		{Name: "Age 40 or over", Options: []string{"Under 40", "40 or over"}},
		{Name: "Disability", Options: []string{"Has a disability", "No disability"}},
		{Name: "Veteran status", Options: []string{"Protected veteran", "Not a protected veteran"}},
	}
}

// Normalize tidies names and options (one line, trimmed).
func Normalize(cats []Category) []Category {
	out := make([]Category, len(cats))
	for i, c := range cats {
		out[i] = Category{Name: model.OneLine(c.Name), Options: make([]string, len(c.Options))}
		for j, o := range c.Options {
			out[i].Options[j] = model.OneLine(o)
		}
	}
	return out
}

// CheckCategories lists every problem in a set of categories: at least
// one, at most MaxCategories; names unique, 1..MaxName characters; each
// with 1..MaxOptions unique options of 1..MaxOption characters, none of
// them PreferNot or NotAnswered (those two are the app's own groups).
func CheckCategories(cats []Category) error {
	var v model.ValidationError
	if len(cats) == 0 || len(cats) > MaxCategories {
		addf(&v, "categories", fmt.Sprintf("give between 1 and %d categories", MaxCategories))
	}
	names := map[string]bool{}
	for i, c := range cats {
		field := fmt.Sprintf("categories[%d]", i)
		key := strings.ToLower(c.Name)
		switch {
		case !model.Visible(c.Name) || len([]rune(c.Name)) > MaxName:
			addf(&v, field+".name", fmt.Sprintf("a category needs a name of 1 to %d characters", MaxName))
		case names[key]:
			addf(&v, field+".name", fmt.Sprintf("category %q is listed twice", c.Name))
		}
		names[key] = true
		if len(c.Options) == 0 || len(c.Options) > MaxOptions {
			addf(&v, field+".options", fmt.Sprintf("category %q needs between 1 and %d answers", c.Name, MaxOptions))
		}
		seen := map[string]bool{}
		for j, o := range c.Options {
			f := fmt.Sprintf("%s.options[%d]", field, j)
			k := strings.ToLower(o)
			switch {
			case !model.Visible(o) || len([]rune(o)) > MaxOption:
				addf(&v, f, fmt.Sprintf("an answer needs 1 to %d characters", MaxOption))
			case k == strings.ToLower(PreferNot) || k == strings.ToLower(NotAnswered):
				addf(&v, f, fmt.Sprintf("%q is the app's own group; it is always offered or counted", o))
			case seen[k]:
				addf(&v, f, fmt.Sprintf("answer %q is listed twice in %q", o, c.Name))
			}
			seen[k] = true
		}
	}
	if len(v.Fields) > 0 {
		return &v
	}
	return nil
}

// addf records a message already worded (it may quote user text with %),
// starting with a capital as every validation message does.
func addf(v *model.ValidationError, field, msg string) { v.Add(field, "%s", model.UpperFirst(msg)) }
