// Package stats computes inter-rater reliability statistics for interview
// ratings: the six intraclass correlations of Shrout & Fleiss, Krippendorff's
// alpha at four levels of measurement, and per-rater leniency/severity. It is
// pure Go (distributions from gonum's stat/distuv), does no I/O apart from
// ReadCSV, and every statistic is checked in the tests against a published
// worked example or a hand computation written out in the test comments.
//
// Input is a flat list of Rating triples (subject, rater, score). A subject is
// what is rated (a candidate, or a candidate's answer to one question); a rater
// is an interviewer. Missing cells are allowed: ICC uses complete cases only,
// Krippendorff's alpha uses every unit with at least two values.
//
// Analyze also writes what the numbers mean for recruiters
// (Report.Explanations, Report.Caveats, RaterLeniency.Verdict and Meaning;
// words.go): the app and the committee workbook show these words and
// compute none of their own.
//
// References:
//
//   - Shrout, P. E., & Fleiss, J. L. (1979). Intraclass correlations: uses in
//     assessing rater reliability. Psychological Bulletin, 86(2), 420–428.
//     (ICC(1,1) … ICC(3,k), their F-based confidence intervals, and the
//     worked example in their Table 2.)
//   - McGraw, K. O., & Wong, S. P. (1996). Forming inferences about some
//     intraclass correlation coefficients. Psychological Methods, 1(1), 30–46.
//     (Same estimators in "consistency"/"absolute agreement" terms; their
//     ICC(A,k) interval equals the Spearman–Brown step-up of the ICC(A,1)
//     interval used here.)
//   - Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability.
//     Annenberg School for Communication, University of Pennsylvania.
//     (Coincidence-matrix method, the nominal/ordinal/interval/ratio metrics,
//     and the worked examples reproduced in the tests.)
//   - Koo, T. K., & Li, M. Y. (2016). A guideline of selecting and reporting
//     intraclass correlation coefficients for reliability research. Journal
//     of Chiropractic Medicine, 15(2), 155–163. (Interpretation bands used by
//     Explain.)
package stats
