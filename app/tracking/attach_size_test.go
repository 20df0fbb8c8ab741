// Tests that an attachment over the limit is refused with its size and the
// limit, never its size as if it were the limit ("20.0 MB; limited to 20 MB").

package tracking_test

import (
	"errors"
	"testing"

	"hirebench/app/model"
)

func TestAttachTooBigStatesTheSizeAndTheLimit(t *testing.T) {
	e := newEnv(t)
	c := e.candidate(t, model.CandidateInput{Name: "Hedy Lamarr"})
	data := make([]byte, model.MaxAttachment+1)
	copy(data, "%PDF-1.7\n")
	_, err := e.svc.Attach(e.ctx, c.ID, "scan.pdf", data, e.actor)
	var ve *model.ValidationError
	want := "scan.pdf is 20.1 MB, over the 20 MB limit for attachments"
	if !errors.As(err, &ve) || len(ve.Fields) != 1 || ve.Fields[0].Field != "file" || ve.Fields[0].Message != want {
		t.Errorf("got %v, want the file field saying %q", err, want)
	}
}
