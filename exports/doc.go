// # Workbook
//
// [WriteWorkbook] writes one role's committee workbook (.xlsx, excelize).
// Its composites, coverage, completeness and ranks are live formulas over
// the plan's weights, written twice: as planned (fixed) and as a what-if
// copy the committee may edit. Every formula cell caches the app's own
// number at the planned weights, so a viewer that does not recalculate
// still shows what the app shows; the workbook also asks for a full
// recalculation on load (fullCalcOnLoad). Nothing is protected.
//
// The definition the formulas implement is scoring.Compose's
// (app/scoring/composite.go, docs/SCORING.md):
//
//  1. A question's effective weight = (its competency's weight ÷ the sum of
//     all competency weights) × (its question weight ÷ the sum of the
//     question weights in its competency). Effective weights sum to 1.
//  2. A question's mean for a candidate = the mean over interviewers of
//     their normalised scores, (score − min) ÷ (max − min) × 100; an
//     interviewer who scored it twice (two rounds) counts once, with the
//     mean of their scores. Skipped answers have no score.
//  3. Composite = Σ effective × mean ÷ Σ effective over the answered
//     questions; coverage = Σ effective of the answered questions (0–1).
//     Questions nobody scored drop out of both.
//  4. Complete = there is a composite and ROUND(coverage × 100) ≥
//     ROUND(threshold × 100). Rank (complete candidates only) = 1 + the
//     complete candidates whose composite is higher by more than 1E-09
//     (scoring.TieTolerance), so equal composites share a rank.
//
// Sheets, in order:
//
// Summary (first, active). A1 (bold): Committee.WeightsNote, or
// [DefaultSummaryNote] when that is empty. Row 2: the header (autofilter;
// rows 1–2 and columns A–B frozen). From row 3, one row per candidate in
// the order given: A Candidate ID, B Name, C Stage, D Rank (planned),
// E Composite (planned), F Coverage (planned), G Complete (planned),
// H Uncertainty (value, empty without one), I Uncertainty (words),
// J Interviewers, K Rank (what-if), L Composite (what-if), M Coverage
// (what-if), N Complete (what-if), one column per competency (the app's
// planned mean, 0–100, empty when missing), then Strong no, No, Yes,
// Strong yes, Disagreements, Discuss (yes/no), Scorecards, Scored after
// seeing others (cards submitted or amended after other interviewers' cards
// were open to their author). Composites, uncertainty and competency means use 0.0,
// coverage 0%; both composites and the competency means share one fixed
// 3-colour scale (0 red, 50 yellow, 100 green). With Q = Questions data in
// rows 2…NA and N candidates in rows 3…NS, the planned formulas of row r
// are (the what-if ones read Questions L and M, Weights!$E$T and Summary
// K…N instead):
//
//	F  =SUMPRODUCT((Questions!$A$2:$A$NA=$Ar)*Questions!$K$2:$K$NA)
//	E  =IF(Fr>0,SUMPRODUCT((Questions!$A$2:$A$NA=$Ar)*Questions!$J$2:$J$NA)/Fr,"")
//	G  =IF(AND(ISNUMBER(Er),ROUND(Fr*100,0)>=ROUND(Weights!$C$T*100,0)),"yes","no")
//	D  =IF(Gr="yes",COUNTIFS($G$3:$G$NS,"yes",$E$3:$E$NS,">"&(Er+1E-09))+1,"")
//
// Weights. The competency table, header in row 1, competencies in rows
// 2…NC: A Competency ID, B Competency, C Planned weight, D Planned share,
// E What-if weight, F What-if share. Two rows below it (row T = NC + 3,
// or 4 with no competencies):
// A "Coverage needed to rank", C the planned threshold and E the what-if
// threshold, both 0%. A note below that (merged A–F, and a comment on E1
// and N1) reads [WeightsNote]. The question table, header in row 1,
// questions in rows 2…NQ: H Key ("competency/question"), I Competency ID,
// J Competency, K Question, L Planned question weight, M Planned effective
// weight, N What-if question weight, O What-if effective weight. Shares
// and effective weights are 0.0%. The planned cells (C, L and C T) are
// plain; the what-if cells (E, N and E T) are filled yellow and validated:
// weights as a decimal > 0, the threshold as a decimal from 0 to 1. Both
// copies start equal. Formulas of row r (what-if: E and N for C and L):
//
//	D  =Cr/SUM(C$2:C$NC)
//	M  =IFERROR(SUMPRODUCT(($A$2:$A$NC=Ir)*$C$2:$C$NC)/SUM($C$2:$C$NC)*Lr/SUMPRODUCT(($I$2:$I$NQ=Ir)*$L$2:$L$NQ),0)
//
// M's cached value is the app's effective weight.
//
// Questions: one row per candidate × plan question (Committee.Answers),
// streamed: A Candidate ID, B Candidate, C Key, D Competency, E Question,
// F Interviewers, G Mean (0–100), H Planned weight, I What-if weight,
// J Planned weighted mean, K Planned answered weight, L What-if weighted
// mean, M What-if answered weight (header frozen, autofilter). With
// Scorecards data in rows 2…N:
//
//	F  =SUMPRODUCT((Scorecards!$A$2:$A$N=$Ar)*(Scorecards!$F$2:$F$N=$Cr)*Scorecards!$M$2:$M$N)
//	G  =IF(Fr>0,SUMPRODUCT((Scorecards!$A$2:$A$N=$Ar)*(Scorecards!$F$2:$F$N=$Cr)*Scorecards!$M$2:$M$N*Scorecards!$L$2:$L$N)/Fr,"")
//	H  =SUMPRODUCT((Weights!$H$2:$H$NQ=$Cr)*Weights!$M$2:$M$NQ)     (I: Weights!$O)
//	J  =IF(Fr>0,Gr*Hr,0)      K  =IF(Fr>0,Hr,0)
//	L  =IF(Fr>0,Gr*Ir,0)      M  =IF(Fr>0,Ir,0)
//
// Scorecards: long format, one row per answer (candidate × round ×
// interviewer × question), values only, streamed: A Candidate ID,
// B Candidate, C Round, D Interviewer ID, E Interviewer, F Key,
// G Competency, H Question, I Score, J Scale ("1–4"), K Level label,
// L Normalised (0–100, empty when skipped), M Counts as, N Skipped, O Skip
// reason, P Notes, Q Recommendation, R Submitted at, S Scorecard SHA-256,
// T Amended ("", "yes", "after seeing others", or "submitted after seeing
// others" when the author had read others' cards before submitting). Counts as is a value:
// 1 ÷ the rows of the same candidate, key and interviewer that have a
// score, 0 for a skipped row — so each interviewer counts once per
// question (the comment on M1 says so) and Questions' sums give the number
// of interviewers and the mean of their means. Rows whose key the plan no
// longer asks are kept; no Questions row refers to them.
//
// Weight history: Changed at, By, What, Old, New, After scoring began
// (yes/no), Reason; one row "(no changes)" when there are none.
//
// Calibration: row 1 names the first group that has a report (the pooled
// one, e.g. "All questions (1–5 scale): 4 candidates, 2 interviewers"), or
// says there is none; row 2 states what the ratings are ([RatingsNote]).
// Then that group's report: every ICC form with its value, 95 % confidence
// interval and its sentence from the report (stats.Report.Explanations, the
// same words the app shows), the four Krippendorff's alphas, the counts,
// the plain caveats (Report.Caveats), the technical Errors and Notes lines,
// and a per-interviewer leniency table with each verdict and its meaning. Then one row per group: Group, Scale, Candidates, Items, Scored
// by 2+, Interviewers, ICC(2,1), ICC(2,k), Alpha (ordinal), Alpha
// (interval), What it means (the ordinal alpha's sentence, or why the
// group is not reported). Then references (https links).
//
// Chart: a bar chart of Summary's planned composites (E3…), left out when
// there are no candidates.
//
// Document properties: Title "<role> — committee workbook"; Subject and
// Description name the role, the export time (RFC 3339), the app version
// and the definition above; custom properties AppVersion, ExportedAt,
// RoleID, RoleTitle.
//
// # Exact matching
//
// Every formula that matches a candidate id, key or competency id does so
// with SUMPRODUCT and =, never with SUMIF, COUNTIF, VLOOKUP or MATCH, so a
// key that looks like a criterion (">0", "<>") or holds a wildcard ("*",
// "?", "~") only ever matches itself. (COUNTIFS is used only on the
// yes/no Complete column and a numeric criterion.) A spreadsheet's =
// ignores case, so WriteWorkbook refuses competency ids or keys that
// differ only in case — and duplicates, empty ones, ones longer than 255
// UTF-16 units, weights that are not finite numbers > 0, effective
// weights the weights do not give, a threshold outside 0–1, Answers rows
// that are not plan questions or repeat a candidate × key, and duplicate
// candidates. It writes nothing then.
//
// LibreOffice does not recalculate .xlsx files on load unless its
// OOXMLRecalcMode setting says so; TestLibreOfficeRecalculates sets it in
// a throw-away profile and checks the recalculated workbook against the
// app and against an independent hand computation, with edited what-if
// cells.
//
// # Formula injection
//
// A text that starts with = + - @ TAB or CR (OWASP's CSV-injection list)
// is never written as a formula:
//
//   - In the workbook every text is a string cell (shared or inline
//     string), never a formula, and its value is exactly the original text.
//     Text starting with one of those characters also gets a cell style
//     with quotePrefix — Excel's own record of a typed leading apostrophe —
//     so Excel shows it as text and keeps it text when someone edits the
//     cell, without changing the stored value (filters and the = matches
//     see the real text). No apostrophe is added to the value. The only
//     formulas are the ones listed above.
//   - In the CSV files, which have no cell types, such a field is prefixed
//     with a single quote (') as OWASP recommends; the reader sees '=1+1.
//     Numbers the app computed (ids, counts, scores) are never prefixed.
//
// Only https:// and mailto: targets become hyperlinks (see safeLink);
// anything else stays plain text. Text is capped at Excel's 32,767
// characters per cell (UTF-16 units), ending in "… [truncated]" when cut.
//
// # CSV
//
// [WriteSummaryCSV] writes the app's numbers at the planned weights:
// Candidate ID, Name, Stage, Rank (empty when not ranked), Composite,
// Coverage (a share from 0 to 1), Complete (yes/no), Uncertainty,
// Uncertainty (words), Interviewers, one mean per competency, Strong no,
// No, Yes, Strong yes, Disagreements, Discuss, Scorecards, Scored after
// seeing others. [WriteScorecardsCSV] writes the Scorecards sheet's
// columns, Counts as included. Both are RFC 4180 CSV: UTF-8, optional
// byte-order mark for Excel, CRLF after each record, fields quoted only
// when needed. Numbers use the shortest decimal form that reads back as
// the same float64.
package exports
