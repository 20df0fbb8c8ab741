// What interviewers write on the demo's scorecards: a remark per question
// for a good answer and for a weak one, and a closing note per call.

package demo

// remarks holds, per question of the built-in rubric, what an interviewer
// notes after a good answer (3 or 4) and after a weak one.
var remarks = map[string][2]string{
	"model-tier-tradeoff": {"Picks the model per task from an offline comparison on real traffic and revisits it when prices change.",
		"Would send everything to the biggest model to be safe; no sense of the price gap."},
	"prompt-structure": {"Rules in the system message, two worked examples, user text fenced off; could say why for each.",
		"Puts everything into one long user message and hopes the model follows it."},
	"cost-estimate": {"Estimated tokens per request from logged samples, times traffic, plus a margin; checks it against the invoice weekly.",
		"Could not get from expected traffic to a monthly figure."},
	"cost-reduction": {"Would look for a retry loop or a growing prompt first, then caching, shorter context and a smaller model.",
		"Suggested asking the provider for a discount; did not look for the cause."},
	"rate-limits": {"Backoff with jitter now; later a queue paced to the quota and a tier upgrade backed by usage data.",
		"Said it just retries until it works."},
	"degradation-fallbacks": {"Timeouts well under a minute, a cached or plain answer and a banner; had rehearsed it.",
		"Had not thought about what users see while the provider is down."},
	"prompt-change-evaluation": {"A fixed test set with graded answers, run before and after, then a read of the cases that got worse.",
		"Would try a few more examples by hand and ship if it looks fine."},
	"quality-bar-tradeoffs": {"Set the bar with support leads from 100 rated summaries, then chose the cheapest model that meets it.",
		"No way to say what good enough means beyond gut feeling."},
	"output-format-control": {"Structured outputs against a schema, validated on our side, one repair attempt, then a clear failure.",
		"Asks for JSON in the prompt and parses whatever comes back."},
	"tool-use-safety": {"A few narrow tools, arguments validated like user input, a confirmation before anything that spends money.",
		"Would give the model a general run-any-query tool without limits."},
	"knowledge-source-choice": {"Retrieval, because the content changes weekly; fine-tuning only for tone. Clear reasoning.",
		"Would fine-tune on the whole knowledge base every week."},
	"retrieval-debugging": {"Logs what was retrieved per answer, builds a set of known questions and measures recall before touching the prompt.",
		"Would raise the number of chunks until it works."},
	"live-monitoring": {"Latency, errors, refusals, cost per request and a sampled quality score; pages on errors and runaway spend.",
		"Would watch the provider's status page."},
	"caching-strategy": {"Keys the cache on normalised input and prompt version; aware of stale answers and of caching personal data.",
		"Had not considered caching."},
	"long-conversation-context": {"Rolling summary plus pinned facts such as the order number; tested recall of early details at turn forty.",
		"Would drop the oldest messages when the window fills and hope nothing important was there."},
	"conversation-design": {"Hands over to a person on repeated confusion or frustration; measures resolution and repeat contacts.",
		"No plan for when the bot should give up and pass the chat to an agent."},
	"production-api-failures": {"A clear outage story: the alert fired, traffic moved to the fallback model, gaps written up afterwards.",
		"Could not name a production incident of their own."},
	"when-not-to-use-ai": {"Replaced a model call with a lookup table for postcodes; knows when plain code wins.",
		"Would use a model for every text problem."},
}

// remark is the note for an answer to a question scored score (1–4).
func remark(question string, score int) string {
	r, ok := remarks[question]
	if !ok {
		return ""
	}
	if score >= 3 {
		return r[0]
	}
	return r[1]
}

// cardNotes are closing notes, by call: strong no, no, yes, strong yes.
var cardNotes = [][]string{
	{"Could not back any claim with something they built or ran.",
		"Answers were memorised API details rather than decisions."},
	{"Knew the vocabulary but stayed abstract when pushed for specifics.",
		"Mostly prototype experience; unsure how it would hold up under real load."},
	{"Solid answers with real examples; a few gaps we could coach.",
		"Good instincts; would benefit from more exposure to scale."},
	{"Concrete production examples with numbers behind them; would raise the team's bar.",
		"Clear, structured answers and sharp clarifying questions."},
}
