// The words for each AI feature of the ledger, one home for the window,
// the command line and the committee workbook.

package ai

// featureProbe is the ledger's name for the name-swap probe's calls
// (assist.FeatureProbe: a screen request under another name).
const featureProbe = "screen-probe"

var featureLabels = map[string]string{
	FeatureScreen:   "Screening resumes",
	FeatureRate:     "Second opinion on a score",
	FeatureSummary:  "Debrief summary",
	FeatureFollowUp: "Follow-up questions",
	featureProbe:    "Name-swap probe",
}

// FeatureLabel names a ledger feature in words; an unknown one keeps its name.
func FeatureLabel(feature string) string {
	if l, ok := featureLabels[feature]; ok {
		return l
	}
	return feature
}
