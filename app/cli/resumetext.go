// `candidates resume-text`: a resume file's text (PDF, DOCX, TXT), shown for
// a person to check, and with --save attached as the window attaches it.

package cli

import (
	"fmt"
	"path/filepath"
	"unicode/utf8"

	"hirebench/app/files"
	"hirebench/app/model"
	"hirebench/app/tracking"
)

// resumeTextResult is what --json prints.
type resumeTextResult struct {
	CandidateID int64  `json:"candidateId"`
	File        string `json:"file"`
	Characters  int    `json:"characters"`
	Text        string `json:"text"`
	// With --save: the file was attached, and whether its text became the
	// resume text (the candidate had none) or stays with the file.
	Saved        bool  `json:"saved"`
	AttachmentID int64 `json:"attachmentId,omitempty"`
	ResumeFilled bool  `json:"resumeFilled"`
}

func (c *command) candidatesResumeText(args []string) error {
	fs := newFlags("candidates resume-text")
	ref := fs.String("candidate", "", "candidate id or email (required)")
	from := fs.String("from", "", "the resume file: PDF, DOCX or TXT (required)")
	save := fs.Bool("save", false, "attach the file; its text becomes the resume text if the candidate has none")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *ref == "" || *from == "" {
		return usageError{fmt.Errorf("give --candidate ID and --from FILE")}
	}
	id, err := c.resolveCandidate(*ref)
	if err != nil {
		return err
	}
	// Bounded and checked as the window's attach dialog reads a file: a
	// FIFO, a device or a folder is refused before anything is read.
	data, err := files.ReadLimited(*from, model.MaxAttachment)
	if err != nil {
		return files.Refusal(*from, "attachments", model.MaxAttachment, err)
	}
	name := filepath.Base(*from)
	text, err := tracking.ResumeTextOf(name, data)
	if err != nil {
		return err
	}
	if text == "" {
		return model.Invalid("file", "%s has no text to read (a scanned image?); type the resume text instead", name)
	}
	out := resumeTextResult{CandidateID: id, File: name, Characters: utf8.RuneCountInString(text), Text: text}
	if *save {
		a, err := c.svc.Attach(c.ctx, id, name, data, c.by)
		if err != nil {
			return err
		}
		out.Saved, out.AttachmentID, out.ResumeFilled = true, a.ID, a.ResumeFilled
	}
	if *asJSON {
		return writeJSON(c.out, out)
	}
	fmt.Fprintln(c.out, text)
	switch {
	case out.ResumeFilled:
		fmt.Fprintf(c.out, "\n(attached %s; its text is now candidate %d's resume text: check it in the resume screen)\n", name, id)
	case out.Saved:
		fmt.Fprintf(c.out, "\n(attached %s and its text is searchable; candidate %d's resume text was already there and is kept)\n", name, id)
	}
	return nil
}
