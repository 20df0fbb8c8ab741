// What a candidate-file import changed: the result the service and the
// window share, so no facade has to return a storage type.

package model

// ImportResult says what an import of candidates (CSV/XLSX) changed. Its
// counts are the preview's, row for row: Imported = Created + Merged is
// the preview's "to import", Skipped its "skipped", Invalid its "with errors".
type ImportResult struct {
	Imported int `json:"imported"`
	Created  int `json:"created"`
	Merged   int `json:"merged"`
	// Skipped counts rows left alone (a duplicate under the skip policy, a
	// job skipped), why in Skips; rows with errors are counted in Invalid only.
	Skipped int          `json:"skipped"`
	Skips   []ImportSkip `json:"skips"`
	// Invalid counts the rows with errors left out ("import the valid rows"),
	// InvalidRows names the first of them by the file's row number.
	Invalid     int   `json:"invalid"`
	InvalidRows []int `json:"invalidRows"`
	// Applications counts new applications to the role; Notes new notes.
	Applications int     `json:"applications"`
	Notes        int     `json:"notes"`
	CreatedIDs   []int64 `json:"createdIds"`
	MergedIDs    []int64 `json:"mergedIds"`
}

// ImportSkip is one reason rows of an import are skipped, with the count
// and the first of those rows by the file's row number.
type ImportSkip struct {
	// Reason is ImportSkipOnFile or ImportSkipJob.
	Reason string `json:"reason"`
	// Job is the file's job title, for ImportSkipJob.
	Job string `json:"job"`
	// Words say why, as the preview, the result and the command line show it.
	Words string `json:"words"`
	Count int    `json:"count"`
	Rows  []int  `json:"rows"`
}

// Why rows of an import are skipped.
const (
	ImportSkipOnFile = "on_file" // the email is on file and duplicates are skipped
	ImportSkipJob    = "job"     // the row's job is skipped (no role chosen for it)
)
