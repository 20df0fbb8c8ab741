package privacy

import "testing"

// The attachments in a subject-access zip unpack on Windows too: no folders,
// no characters Windows refuses, no trailing dots or spaces.
func TestSubjectZipNamesUnpackEverywhere(t *testing.T) {
	cases := []struct {
		name string
		id   any
		want string
	}{
		{"vantablack-cv.txt", int64(7), "7-vantablack-cv.txt"},
		{`C:\Users\q\cv: final?.pdf`, int64(7), "7-cv_ final_.pdf"},
		{"../../etc/notes. ", int64(8), "8-notes"},
		{"a<b>|c*.docx", int64(9), "9-a_b__c_.docx"},
		{"con", int64(3), "3-con_"},
		{"..", int64(4), "4-file"},
		{"", nil, "2-file"}, // no id: its place in the zip
		{"Zoë – CV.pdf", int64(5), "5-Zoë – CV.pdf"},
	}
	for _, tc := range cases {
		row := map[string]any{"file_name": tc.name}
		if tc.id != nil {
			row["id"] = tc.id
		}
		if got := fileNameOf(row, 2); got != tc.want {
			t.Errorf("fileNameOf(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}
