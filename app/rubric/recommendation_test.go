// Tests the overall recommendations' order and the words shown for each.

package rubric

import (
	"slices"
	"testing"
)

func TestRecommendationOptions(t *testing.T) {
	want := []RecommendationOption{{"strong_no", "Strong no"}, {"no", "No"}, {"yes", "Yes"}, {"strong_yes", "Strong yes"}}
	if got := RecommendationOptions(); !slices.Equal(got, want) {
		t.Errorf("RecommendationOptions() = %q, want %q", got, want)
	}
	if RecommendationLabel("maybe") != "" || RecommendationLabel("") != "" {
		t.Error("an unknown recommendation has a label")
	}
}
