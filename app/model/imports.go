// What a candidate-file import changed: the result the service and the
// window share, so no facade has to return a storage type.

package model

// ImportResult says what an import of candidates (CSV/XLSX) changed.
type ImportResult struct {
	Created int `json:"created"`
	Merged  int `json:"merged"`
	// Skipped counts rows left alone: duplicates under the skip policy and,
	// with "import the valid rows", rows with errors (also in Invalid).
	Skipped int `json:"skipped"`
	Invalid int `json:"invalid"`
	// Applications counts new applications to the role; Notes new notes.
	Applications int     `json:"applications"`
	Notes        int     `json:"notes"`
	CreatedIDs   []int64 `json:"createdIds"`
	MergedIDs    []int64 `json:"mergedIds"`
}
