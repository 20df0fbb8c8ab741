package app

import "testing"

// The Data… dialog takes its input limits from Go: the largest value each
// status offers is exactly the largest the service accepts.
func TestStatusLimitsAreWhatTheServicesAccept(t *testing.T) {
	b := newBench(t)
	bk, _ := backupsOf(t, b)
	st, err := bk.Status()
	if err != nil || st.MaxKeep < 1 {
		t.Fatalf("status %+v, %v", st, err)
	}
	if _, err := bk.SetKeep(st.MaxKeep); err != nil {
		t.Errorf("SetKeep(%d), the offered maximum, was refused: %v", st.MaxKeep, err)
	}
	if _, err := bk.SetKeep(st.MaxKeep + 1); err == nil {
		t.Errorf("SetKeep(%d), above the offered maximum, was accepted", st.MaxKeep+1)
	}

	p := privacyOf(b)
	r, err := p.Retention()
	if err != nil || r.MaxMonths < 1 {
		t.Fatalf("review %+v, %v", r, err)
	}
	if _, err := p.SetRetention(r.MaxMonths); err != nil {
		t.Errorf("SetRetention(%d), the offered maximum, was refused: %v", r.MaxMonths, err)
	}
	if _, err := p.SetRetention(r.MaxMonths + 1); err == nil {
		t.Errorf("SetRetention(%d), above the offered maximum, was accepted", r.MaxMonths+1)
	}
	if again, err := p.Retention(); err != nil || again.MaxMonths != r.MaxMonths {
		t.Errorf("with a policy set the review still offers its maximum: %+v, %v", again, err)
	}
}
