// # Workbook
//
// [WriteWorkbook] writes one role's committee workbook (.xlsx, excelize)
// with these sheets, in order:
//
//   - Summary (first and active): one row per candidate — Candidate ID,
//     Name, Stage, Composite, one 0–100 mean per competency (the app's
//     values), the recommendation counts Strong no / No / Yes / Strong yes,
//     Disagreements, Discuss ("yes" when Disagreements > 0), Scorecards,
//     Spread. Row 1 is the header (frozen, with an autofilter; Candidate ID
//     and Name are frozen too); composite and competency columns have the
//     number format 0.0 and one fixed 3-colour scale (0 red, 50 yellow,
//     100 green) so a colour means the same score in every column.
//   - Weights: Key ("competency/question"), Competency, Question, Default
//     weight (the rubric's), Weight — the committee's, initially the
//     default, filled yellow and validated as a decimal ≥ 0. A note (G2 and
//     a comment on E1) says: "The committee may change the Weight column;
//     Summary's composite recomputes. Default = the rubric's weight."
//     Nothing is protected.
//   - Scorecards: long format, one row per answer (candidate × round ×
//     interviewer × question): Candidate ID, Candidate, Round, Interviewer,
//     Key, Competency, Question, Score, Scale ("1–4"), Level label,
//     Normalised (0–100, empty when skipped), Weight (a formula looking the
//     key up in Weights), Skipped, Skip reason, Notes, Recommendation,
//     Submitted at, Scorecard SHA-256, Amended. Written with excelize's
//     StreamWriter (inline strings), so 100k+ rows stream through
//     temporary files instead of memory.
//   - Calibration: each ICC form with its value, 95 % confidence interval
//     and stats.Explain sentence, the four Krippendorff's alphas with their
//     sentences, the counts, the Errors and Notes lines, a per-interviewer
//     leniency table (Rater, N, Mean deviation, Z, Mean, SD) and
//     references (https links).
//   - Chart: a bar chart of Summary's composites (left out when there are
//     no candidates).
//
// Document properties: Title "<role> — committee workbook"; Subject and
// Description name the role, the export time (RFC 3339) and the app
// version; custom properties AppVersion, ExportedAt, RoleID, RoleTitle.
// The workbook asks for a full recalculation on load (fullCalcOnLoad).
//
// # Composite formula
//
// The app's composite (scoring.BuildDebrief) is the weighted mean, over all
// scored answers of the candidate's submitted cards pooled together, of the
// normalised score (score−min)/(max−min)·100, weighted by the committee
// weight of the answer's key; skipped answers have no normalised score and
// are left out. Summary!D<r> computes exactly that from the sheets, for
// Scorecards data in rows 2…N:
//
//	=IFERROR(SUMPRODUCT((Scorecards!$A$2:$A$N=$A<r>)*Scorecards!$K$2:$K$N*Scorecards!$L$2:$L$N)
//	  /SUMPRODUCT((Scorecards!$A$2:$A$N=$A<r>)*ISNUMBER(Scorecards!$K$2:$K$N)*Scorecards!$L$2:$L$N),"")
//
// and each Scorecards!L<n> is
//
//	=IFERROR(VLOOKUP($E<n>,Weights!$A$2:$E$W,5,FALSE),0)
//
// so editing Weights!E recomputes every composite. The cell's cached value
// is the app's composite (empty without scores), so a viewer that does not
// recalculate still shows the right number; excelize stores numbers with
// Excel's 15 significant digits. VLOOKUP ignores case and reads * ? ~ as
// wildcards, so WriteWorkbook refuses keys that would make the lookup
// ambiguous (rubric ids are lower-case kebab-case, so this never happens
// with the app's data), as well as duplicate candidates or keys and rows
// whose key has no Weights row.
//
// LibreOffice does not recalculate .xlsx files on load unless its
// OOXMLRecalcMode setting says so; TestLibreOfficeRecalculates sets it in
// a throw-away profile.
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
//     cell, without changing the stored value (filters, lookups and copies
//     see the real text). No apostrophe is added to the value.
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
// [WriteSummaryCSV] and [WriteScorecardsCSV] write the Summary and
// Scorecards columns with values instead of formulas (Composite = the
// app's composite, Weight = the default weight) as RFC 4180 CSV: UTF-8,
// optional byte-order mark for Excel, CRLF after each record, fields
// quoted only when needed. Numbers use the shortest decimal form that reads
// back as the same float64.
package exports
