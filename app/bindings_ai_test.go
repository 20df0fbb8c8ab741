// The AI bindings' rows of the error-mapping table (bindings_test.go), and
// the helper the AI tests share.

package app

import (
	"errors"
	"testing"

	"github.com/zalando/go-keyring"

	"hirebench/app/assist"
)

// aiOf is the AI facade over the bench's workspace and window, on a
// computer without a keyring (the key is kept in memory).
func aiOf(b *bench) *AI {
	keyring.MockInitWithError(errors.New("no Secret Service here"))
	return NewAI(assist.NewDesk(b.ws.store, b.iv.svc, assist.NewKeyStore(func(string) string { return "" })), b.ws, b.shell)
}

func aiCases() []bindingCase {
	return []bindingCase{
		{method: "AI.Status", input: "nobody signed in", code: "invalid", fields: "profile", says: "Choose who you are",
			call: func(t *testing.T, b *bench) error {
				b.ws.SignOut()
				defer b.ws.SwitchProfile(b.riley.ID, "")
				return errOf(aiOf(b).Status())
			}},
		{method: "AI.SetEnabled", input: "an interviewer switching AI on", code: "conflict", says: "Only the recruiter switches AI help on or off",
			call: func(t *testing.T, b *bench) error {
				return b.as(t, b.sam, func() error { return errOf(aiOf(b).SetEnabled(true)) })
			}},
		{method: "AI.SaveSettings", input: "a negative budget and an address that is not http", code: "invalid", fields: "budgetUsd baseUrl",
			says: "between $0 (no limit) and $100,000",
			call: func(t *testing.T, b *bench) error {
				s := assist.DefaultSettings()
				s.BudgetUSD, s.BaseURL = -5, "ftp://models.example"
				return errOf(aiOf(b).SaveSettings(s))
			}},
		{method: "AI.SaveKey", input: "an empty key", code: "invalid", fields: "key", says: "Paste the API key",
			call: func(t *testing.T, b *bench) error { return errOf(aiOf(b).SaveKey("  ")) }},
		{method: "AI.ForgetKey", input: "an interviewer", code: "conflict", says: "Only the recruiter",
			call: func(t *testing.T, b *bench) error {
				return b.as(t, b.sam, func() error { return errOf(aiOf(b).ForgetKey()) })
			}},
		{method: "AI.SetAskFirst", input: "a feature the window does not have", code: "invalid", fields: "feature", says: "not an AI feature",
			call: func(t *testing.T, b *bench) error { return errOf(aiOf(b).SetAskFirst("horoscope", false)) }},
		{method: "AI.TestConnection", input: "an address that is not http", code: "invalid", fields: "baseUrl", says: "not an http(s) address",
			call: func(t *testing.T, b *bench) error { return errOf(aiOf(b).TestConnection("gopher://models")) }},
		{method: "AI.Usage", input: "an unreadable workspace", broken: true, code: "internal", says: "Something went wrong",
			call: func(t *testing.T, b *bench) error { return errOf(aiOf(b).Usage()) }},
		{method: "AI.Offer", input: "a candidate that is gone", code: "not_found", says: "candidate 999999",
			call: func(t *testing.T, b *bench) error { return errOf(aiOf(b).Offer(999999)) }},
		{method: "AI.SetHumanOnly", input: "a candidate that is gone", code: "not_found", says: "candidate 999999",
			call: func(t *testing.T, b *bench) error { return errOf(aiOf(b).SetHumanOnly(999999, true)) }},
		{method: "AI.Preview", input: "AI switched off", code: "conflict", says: "AI help is off in this workspace",
			call: func(t *testing.T, b *bench) error { return errOf(aiOf(b).Preview(b.appID)) }},
		{method: "AI.Preview", input: "a candidate without resume text", code: "invalid", fields: "resume", says: "no resume text",
			call: func(t *testing.T, b *bench) error {
				a := aiOf(b)
				if _, err := a.SetEnabled(true); err != nil {
					t.Fatal(err)
				}
				return errOf(a.Preview(b.appID))
			}},
		{method: "AI.SuggestScreen", input: "AI switched off", code: "conflict", says: "AI help is off in this workspace",
			call: func(t *testing.T, b *bench) error {
				a := aiOf(b)
				if _, err := a.SetEnabled(false); err != nil {
					t.Fatal(err)
				}
				return errOf(a.SuggestScreen(b.appID))
			}},
		{method: "AI.SummaryOffer", input: "a role the candidate has not applied to", code: "not_found", says: "has not applied",
			call: func(t *testing.T, b *bench) error {
				return errOf(aiSwitched(t, b, true).SummaryOffer(b.otherRoleID, b.adaID))
			}},
		{method: "AI.SummaryPreview", input: "AI switched off", code: "conflict", says: "AI help is off in this workspace",
			call: func(t *testing.T, b *bench) error {
				a := aiSwitched(t, b, false)
				return errOf(a.SummaryPreview(b.roleID, b.adaID))
			}},
		{method: "AI.SuggestSummary", input: "a request id with a space in it", code: "invalid", fields: "requestId", says: "request id",
			call: func(t *testing.T, b *bench) error {
				return errOf(aiSwitched(t, b, true).SuggestSummary("sum 1", b.roleID, b.adaID))
			}},
		{method: "AI.FollowUpOffer", input: "a scorecard that is gone", code: "not_found", says: "no longer exists",
			call: func(t *testing.T, b *bench) error { return errOf(aiOf(b).FollowUpOffer(999999)) }},
		{method: "AI.FollowUpPreview", input: "a question the card's rubric does not have", code: "invalid", fields: "question", says: "no question",
			call: func(t *testing.T, b *bench) error {
				a := aiSwitched(t, b, true)
				return b.as(t, b.sam, func() error { return errOf(a.FollowUpPreview(b.draftID, "no-such-question")) })
			}},
		{method: "AI.SuggestFollowUps", input: "nobody signed in", code: "invalid", fields: "profile", says: "who you are (top right)",
			call: func(t *testing.T, b *bench) error {
				a := aiSwitched(t, b, true)
				b.ws.SignOut()
				defer b.ws.SwitchProfile(b.riley.ID, "")
				return errOf(a.SuggestFollowUps("fu-1", b.draftID, "any"))
			}},
		// The AI second rater in the window and the quality figures (Q).
		{method: "AI.Opinions", input: "a scorecard that is gone", code: "not_found", says: "no longer exists",
			call: func(t *testing.T, b *bench) error { return errOf(aiSwitched(t, b, true).Opinions(999999)) }},
		{method: "AI.AskOpinion", input: "AI switched off", code: "conflict", says: "AI help is off in this workspace",
			call: func(t *testing.T, b *bench) error { return errOf(aiSwitched(t, b, false).AskOpinion(b.cardID, "any")) }},
		{method: "AI.AskOpinion", input: "a question the card's rubric does not have", code: "invalid", fields: "question", says: "no question",
			call: func(t *testing.T, b *bench) error {
				return errOf(aiSwitched(t, b, true).AskOpinion(b.cardID, "no-such-question"))
			}},
		{method: "AI.RoleAgreement", input: "a role that is gone", code: "not_found", says: "role 999999",
			call: func(t *testing.T, b *bench) error { return errOf(aiOf(b).RoleAgreement(999999)) }},
		{method: "AI.Quality", input: "an interviewer", code: "conflict", says: "Only the recruiter sees the AI quality figures",
			call: func(t *testing.T, b *bench) error {
				return b.as(t, b.sam, func() error { return errOf(aiOf(b).Quality()) })
			}},
	}
}

// aiSwitched is the AI facade with AI help switched on or off by Riley.
func aiSwitched(t *testing.T, b *bench, on bool) *AI {
	t.Helper()
	a := aiOf(b)
	if _, err := a.SetEnabled(on); err != nil {
		t.Fatal(err)
	}
	return a
}
