// The demo's cast: forty people who build on the OpenAI platform, each with a
// resume in their own words, how good they really are and how far they got.
// A resume's evidence (shipped to users, cost figures, scale, evaluation, or
// only tutorials and claims) matches the competencies their interviewers
// later score high or low, so the debrief agrees with what a recruiter read.

package demo

// path is how far a candidate has come in their role's pipeline.
type path int

const (
	applied     path = iota
	screened         // in Screen
	tookHome         // LLM Platform Engineer's take-home stage
	turnedAway       // rejected before any interview (reason given)
	waiting          // the first two rounds held; system design still to come
	interviewed      // every round held: the debrief decides where they go
)

// Competencies of the built-in rubric, as the cast's strengths and gaps.
const (
	prompt = "prompting-model-choice"
	cost   = "cost-tokens"
	rate   = "errors-rate-limits"
	eval   = "evaluation"
	tools  = "tools-structured-output"
	rag    = "retrieval-finetuning"
	mon    = "monitoring-caching"
	conv   = "conversation-memory"
	prod   = "production-reliability"
)

// The demo's roles, by their index in roles.
const (
	seniorAI = iota
	conversational
	platform
)

type note struct {
	by   int // index into profiles
	text string
}

type person struct {
	name string
	role int
	path path
	// level is how good they really are on the rubric's 1–4 scale; strong
	// and weak competencies sit half a level above or below it.
	level        float64
	strong, weak []string
	headline     string
	lines        []string
	skills       string
	tags         []string
	notes        []note // written while they moved through the early stages
	reason       string // why they were turned away
	// split: Priya champions them and Jonas doubts them, so the debrief
	// shows questions to discuss.
	split bool
	// offer: the committee makes an offer the ranking alone would not
	// give, and the recruiter writes why.
	offer string
	amend bool   // Jonas raises a deep-dive score after reading the others
	later string // the recruiter's note once the interviews held are done
}

// Profiles, by index in profiles.
const (
	riley = iota
	sam
	priya
	jonas
)

var cast = []person{
	{name: "Ada Liskov", role: seniorAI, path: applied,
		headline: "Software engineer, three years at a news publisher.",
		lines: []string{
			"Built the tool editors use to draft headline variants and social posts; it suggests five options and an editor always chooses.",
			"Wrote style checks that flag generated text breaking the house style before it reaches the editor.",
			"Cut the cost per article from 4 cents to under 1 cent by trimming the prompt and moving social posts to a cheaper model.",
		},
		skills: "TypeScript, Next.js, Python, Postgres", tags: []string{"typescript", "content-gen", "cost-aware"}},
	{name: "Grace Sammet", role: conversational, path: interviewed, level: 1.9, weak: []string{cost, rate, eval},
		headline: "AI enthusiast and certified ChatGPT power user.",
		lines: []string{
			"Created a customer-service GPT in the GPT Store that has been shared in several online communities.",
			"Knows every parameter of the chat endpoint, including temperature, presence and frequency penalties and function definitions.",
		},
		skills: "ChatGPT, Zapier, Bubble, prompt design", tags: []string{"chatbots"},
		notes: []note{{riley, "Enthusiastic on the call; every example was a personal project. Interviewing to be sure."}}},
	{name: "Linus Allen", role: platform, path: applied,
		headline: "Systems programmer, twelve years; kernel and networking background, new to LLM work.",
		lines: []string{
			"Wrote a rate limiter in Rust for an API gateway that handles a million requests a second.",
			"Currently building a small local-model inference server as a learning project.",
		},
		skills: "C, Rust, Linux, eBPF", tags: []string{"production"}},
	{name: "Margaret Matsumoto", role: seniorAI, path: applied,
		headline: "Senior data scientist, nine years; leads experimentation for a marketplace's search team.",
		lines: []string{
			"Ran the offline and online evaluation of semantic search against keyword search across 14 markets.",
			"Set up LLM-graded relevance judgements and checks them each month against 500 human labels.",
		},
		skills: "Python, SQL, statsmodels, OpenAI embeddings", tags: []string{"python", "evals", "rag"}},
	{name: "Alan Spärck Jones", role: conversational, path: waiting, level: 3.0, strong: []string{conv, eval}, weak: []string{cost},
		headline: "Conversation designer and developer, eight years; worked on voice assistants for car makers before LLMs.",
		lines: []string{
			"Rebuilt an in-car assistant's dialogue manager so the model asks at most one clarifying question before acting.",
			"Ran usability tests with 60 drivers and tracked task success, turns per task and escalations.",
		},
		skills: "Python, Kotlin, Rasa, speech recognition", tags: []string{"chatbots", "evals"}},
	{name: "Barbara van Rossum", role: platform, path: interviewed, level: 2.55, strong: []string{rate}, weak: []string{eval, rag},
		headline: "Backend developer, four years; integrates third-party APIs for a logistics company.",
		lines: []string{
			"Added shipment-status summaries written by a model to the customer portal, used by 300 business customers.",
			"Wrote the retry wrapper and timeouts the team puts around every external API, the model included.",
		},
		skills: "Java, Python, MySQL, RabbitMQ", tags: []string{"production"}},
	{name: "Ken Fernández", role: seniorAI, path: waiting, level: 3.1, strong: []string{mon, rate}, weak: []string{prompt},
		headline: "Site reliability engineer turned LLM developer, nine years in operations.",
		lines: []string{
			"Runs on-call for a translation service that makes 2 million model calls a day; wrote its runbooks for provider incidents.",
			"Set the alerts for latency, refusal rate and spend per tenant, and built the dashboards support reads first.",
		},
		skills: "Go, Prometheus, Grafana, Kubernetes", tags: []string{"go", "production", "cost-aware"},
		later: "System design booked for next week with Sam and Priya."},
	{name: "Frances Volkov", role: conversational, path: interviewed, level: 2.2, weak: []string{rate, mon, cost},
		headline: "Junior developer, two years; built a student-support chatbot during a university placement.",
		lines: []string{
			"The chatbot answers timetable and enrolment questions from the student handbook; one faculty used it as a pilot.",
			"Wrote the prompts and tested them by hand with classmates.",
		},
		skills: "Python, Flask, JavaScript", tags: []string{"python", "chatbots"}},
	{name: "Dennis Gosling", role: platform, path: tookHome,
		headline: "Senior backend engineer, ten years at a travel search company.",
		lines: []string{
			"Built the fare-rules summariser that explains ticket conditions in plain words on 3 million bookings a year.",
			"Caches summaries by a hash of the fare rule, so nine requests in ten never reach the model.",
		},
		skills: "Java, Scala, Redis, Kafka", tags: []string{"production", "cost-aware"},
		notes: []note{{riley, "Take-home sent: add budgets and backoff to a toy gateway. Due Friday."}}},
	{name: "Radia Shaw", role: seniorAI, path: screened,
		headline: "Mobile lead, ten years; added voice and vision features to a fitness app with 600k users.",
		lines: []string{
			"Shipped meal-photo logging with a vision model; on-device checks keep blurry images from ever reaching the API.",
			"Transcribes coach voice notes with Whisper and turns them into weekly plans.",
			"Negotiated a committed-use discount and capped spend per user per day.",
		},
		skills: "Swift, Kotlin, Python, Firebase", tags: []string{"production", "cost-aware"}},
	{name: "Tim Lovelace", role: conversational, path: turnedAway, reason: "Compensation mismatch",
		headline: "Senior engineer, eleven years; tech lead for a helpdesk product's AI features.",
		lines: []string{
			"Led the team that added suggested replies to a helpdesk used by 9,000 companies.",
			"Introduced prompt versioning and a review step for every prompt change.",
		},
		skills: "Ruby, Rails, Python, Sidekiq", tags: []string{"chatbots", "mentor"},
		notes: []note{{riley, "Strong profile, but expects well above the band and will not move. Parked with his agreement."}}},
	{name: "Hedy Knuth", role: platform, path: tookHome,
		headline: "Machine-learning platform engineer, five years; runs evaluation infrastructure at a healthcare startup.",
		lines: []string{
			"Built the eval service that scores every model and prompt change on clinical-safety test sets before release.",
			"Keeps personal health data out of prompts with a redaction step and an allow-list of fields.",
		},
		skills: "Python, Ray, Kubernetes, MLflow", tags: []string{"python", "evals"}},
	{name: "Guido Pike", role: seniorAI, path: interviewed, level: 3.45, strong: []string{rag, rate, tools}, weak: []string{cost},
		headline: "Senior backend developer, eight years; built search and LLM products for a legal publisher.",
		lines: []string{
			"Rebuilt the retrieval pipeline behind a case-law assistant: hybrid keyword and vector search, reranking, citations checked against the source.",
			"Put a provider-neutral client in front of every model call, which let the team move off the legacy Completions endpoint in a week.",
			"Handles 429s with a token-bucket scheduler per customer tier; peak load is 300 requests a second.",
		},
		skills: "Python, Elasticsearch, pgvector, Redis, Terraform", tags: []string{"python", "rag", "production"},
		notes: []note{{riley, "Nothing on cost in the resume; asked on the call and the answer was thin. Probe it in the deep dive."}}},
	{name: "Katherine Wirth", role: conversational, path: screened,
		headline: "Support operations analyst turned developer, four years; automates a travel agency's inbox.",
		lines: []string{
			"Classifies 5,000 customer emails a day by intent and urgency and drafts replies for the agents.",
			"Reports weekly on draft acceptance: agents send 72% of drafts with light edits.",
		},
		skills: "Python, SQL, Freshdesk, Looker", tags: []string{"python", "chatbots", "evals"}},
	{name: "Bjarne Diffie", role: platform, path: interviewed, level: 1.8, weak: []string{rate, mon, prod},
		headline: "LLM specialist, two years, with a portfolio of AI side projects.",
		lines: []string{
			"Created bots for Discord and Telegram that forward messages to GPT and post the reply.",
			"Familiar with every OpenAI model name and its context length.",
		},
		skills: "Python, Discord.py, OpenAI", tags: []string{"python", "chatbots"}},
	{name: "Shafi Turing", role: seniorAI, path: turnedAway, reason: "Experience does not match the level",
		headline: "Recent bootcamp graduate looking for a first role in AI engineering.",
		lines: []string{
			"Followed an online course to build a chat-with-your-PDF app in Streamlit; the code is on my GitHub.",
			"Completed a certificate in prompt engineering and a Kaggle notebook on sentiment analysis.",
		},
		skills: "Python, Streamlit, LangChain", tags: []string{"python"},
		notes: []note{{riley, "Promising, but a senior role is too early. Suggested our graduate programme in the spring."}}},
	{name: "Edsger Clarke", role: conversational, path: interviewed, level: 2.6, strong: []string{conv}, weak: []string{eval, cost, rag},
		headline: "Chatbot developer, seven years; moved from rule-based bots to LLM assistants in 2023.",
		lines: []string{
			"Maintained 40 intent-based Rasa bots for utility companies, then replaced their FAQ flows with a model-backed assistant.",
			"Writes the conversation flows and tone guidelines together with each client's service team.",
		},
		skills: "Python, Rasa, Botpress, Twilio", tags: []string{"chatbots"}},
	{name: "Sophie Goldberg", role: platform, path: interviewed, level: 2.8, strong: []string{eval, prod}, weak: []string{cost},
		headline: "DevOps engineer, six years; supports data science teams at an insurer.",
		lines: []string{
			"Packaged prompts and model settings as versioned configs, so a deployment rolls back like code.",
			"Built a shadow mode that runs a new model beside the old one on live traffic and compares answers before a switch.",
		},
		skills: "Python, GitLab CI, Terraform, AWS", tags: []string{"python", "production", "evals"}},
	{name: "Yukihiro Berezin", role: seniorAI, path: interviewed, level: 2.0, weak: []string{cost, eval, prod},
		headline: "Generative AI expert and prompt engineering specialist with deep knowledge of the whole OpenAI API surface.",
		lines: []string{
			"Expert in chat completions, embeddings, moderation, logit_bias, top_p, seed and the Assistants threads endpoints.",
			"Built more than 30 GPT demos, including a recipe bot, a poem generator and a resume rewriter.",
		},
		skills: "Prompt engineering, LangChain, ChatGPT, Midjourney", tags: []string{"function-calling", "content-gen"},
		notes: []note{{riley, "Many claims, few decisions behind them. Interviewing because the referral came from the team."}}},
	{name: "Joan Thompson", role: conversational, path: interviewed, level: 3.6, strong: []string{conv, prompt, eval},
		headline: "Conversational AI lead, nine years in customer service software; three of them on LLM support bots.",
		lines: []string{
			"Shipped the returns and delivery bot for a fashion retailer in six languages; it resolves 61% of chats without an agent.",
			"Designed the hand-over: the bot summarises the chat for the agent after two failed clarifications or any sign of anger.",
			"Keeps long chats inside the context window with a rolling summary and the order facts pinned in the system message.",
		},
		skills: "Python, TypeScript, Zendesk, Redis", tags: []string{"chatbots", "production", "mentor"}},
	{name: "Leslie Johnson", role: platform, path: applied,
		headline: "Backend engineer, three years; builds reporting tools for an accounting firm.",
		lines: []string{
			"Added questions in plain language over ledger data: the model writes SQL, which runs on a read-only replica after a check.",
		},
		skills: "Python, SQL Server, Power BI", tags: []string{"python", "function-calling"}},
	{name: "Mary Goldwasser", role: seniorAI, path: interviewed, level: 3.2, strong: []string{eval, rag, cost}, weak: []string{rate},
		headline: "Machine-learning engineer, six years; moved from recommendation models to LLM applications two years ago.",
		lines: []string{
			"Designed the A/B test showing that generated product summaries lifted add-to-basket by 3.1% before they went to every shopper.",
			"Fine-tuned a small model for attribute extraction from supplier spreadsheets after prompting alone stalled at 82% field accuracy.",
			"Wrote the cost model finance uses to forecast monthly token usage per feature.",
		},
		skills: "Python, PyTorch, Spark, BigQuery", tags: []string{"python", "evals", "fine-tuning"}},
	{name: "Niklaus Conway", role: conversational, path: applied,
		headline: "Graduate engineer, one year; built a tutoring chatbot for a maths course as a thesis project.",
		lines: []string{
			"Compared three prompting strategies for step-by-step hints with 45 students and reported which confused them least.",
		},
		skills: "Python, Jupyter, Gradio", tags: []string{"python", "chatbots"}},
	{name: "Anita Dwork", role: platform, path: interviewed, level: 2.0, weak: []string{prod, mon, rate},
		headline: "Software engineer, three years; builds internal prototypes at company hackathons.",
		lines: []string{
			"Won a hackathon with a meeting-notes summariser; it was never taken further.",
			"Built a proof of concept for semantic search over our wiki that the team demoed internally.",
		},
		skills: "Python, FastAPI, Docker", tags: []string{"python", "rag"}},
	{name: "Donald Borg", role: seniorAI, path: interviewed, level: 2.6, strong: []string{tools, mon}, weak: []string{eval, rag}, amend: true,
		headline: "Backend engineer, four years, mostly Java; the last year on an internal HR assistant.",
		lines: []string{
			"Connected the HR assistant to the leave-booking API with function calling; about 900 staff use it each month.",
			"Added per-user caching of policy answers, which halved response time for the twenty most common questions.",
		},
		skills: "Java, Spring Boot, Kotlin, Azure OpenAI", tags: []string{"function-calling", "production"}},
	{name: "Karen Berners-Lee", role: conversational, path: interviewed, level: 2.95, strong: []string{conv, mon}, weak: []string{cost, rate},
		headline: "Product engineer, five years; built an AI tutor for language learners.",
		lines: []string{
			"The tutor holds spoken practice dialogues, corrects grammar gently and remembers each learner's weak spots between sessions.",
			"Tracks lesson completion and learner ratings per prompt version in a Metabase dashboard.",
		},
		skills: "TypeScript, React Native, Node.js, Whisper", tags: []string{"typescript", "chatbots", "streaming"}},
	{name: "John Lerdorf", role: platform, path: turnedAway, reason: "Accepted another offer",
		headline: "Senior engineer, nine years; builds chat features on LLM APIs for a games studio in Montreal.",
		lines: []string{
			"Moderates player chat in real time for 200,000 daily players: a small model first, a larger one for appeals.",
		},
		skills: "C++, Go, Python", tags: []string{"go", "production"},
		notes: []note{{riley, "Accepted an offer elsewhere before the take-home. Would welcome him back."}}},
	{name: "Lynn Tanaka", role: seniorAI, path: applied,
		headline: "Freelance developer, four years; builds small AI features for agencies.",
		lines: []string{
			"Delivered a product-description generator for three online shops; each shop approves a sample of 50 items before the full run.",
			"Added a moderation pass and a banned-words list after one client's draft copy named a competitor.",
		},
		skills: "PHP, Laravel, Vue, Python", tags: []string{"content-gen", "remote"}},
	{name: "Rasmus Torvalds", role: conversational, path: screened,
		headline: "Full-stack developer, six years; built chat and search for a Danish bank's web app.",
		lines: []string{
			"Answers account questions from the bank's help pages with embedding search and quoted sources.",
			"Keeps chats within budget by capping history at the last eight turns plus a running summary.",
		},
		skills: "C#, .NET, TypeScript, Azure", tags: []string{"typescript", "rag", "chatbots"}},
	{name: "Jean McCarthy", role: platform, path: screened,
		headline: "Cloud engineer, five years; manages cost and capacity for a SaaS company's AI features.",
		lines: []string{
			"Forecasts monthly token use per customer and moved the company up a usage tier ahead of a product launch.",
			"Introduced per-tenant spend alerts after one customer's script ran up a $9,000 bill over a weekend.",
		},
		skills: "Python, AWS, Datadog, FinOps", tags: []string{"cost-aware", "production"}},
	{name: "Brian Shaw", role: seniorAI, path: screened,
		headline: "Platform engineer, six years at a bank; leads the team that decides which internal apps may call external models.",
		lines: []string{
			"Built the gateway every internal LLM call passes through: customer data redacted, quotas per team, an audit log.",
			"Migrated twelve teams from direct vendor SDKs to the gateway without downtime.",
		},
		skills: "Go, Envoy, Vault, Kubernetes", tags: []string{"go", "production"}},
	{name: "Evelyn Perlman", role: conversational, path: applied,
		headline: "Customer experience manager learning to code, with nine years leading support teams.",
		lines: []string{
			"Wrote the bot persona, escalation rules and test conversations for our vendor's support assistant.",
			"Completed two courses on building chatbots with the OpenAI API.",
		},
		skills: "Zendesk, Python (beginner), Excel", tags: []string{"chatbots"}},
	{name: "Whitfield Wilson", role: platform, path: interviewed, level: 3.7, strong: []string{rate, mon, cost, prod},
		headline: "Principal infrastructure engineer, thirteen years; built the model-serving platform at a large marketplace.",
		lines: []string{
			"Runs the internal LLM gateway: 40 teams, 25 million requests a week, budgets and quotas enforced before a call leaves.",
			"Spread traffic over two providers and three regions; an outage now costs seconds of errors, not an afternoon.",
			"Published the cost dashboard that led teams to drop needless top-tier calls, saving about $70k a quarter.",
		},
		skills: "Go, Rust, Envoy, Kubernetes, ClickHouse", tags: []string{"go", "production", "cost-aware", "mentor"},
		later: "Accepted. Role on hold until the second headcount is approved."},
	{name: "Carol Cunningham", role: seniorAI, path: interviewed, level: 3.75, strong: []string{cost, eval, mon, rate},
		headline: "Staff engineer with twelve years in payments and logistics; has run LLM features in production since early 2023.",
		lines: []string{
			"Shipped a claims-triage assistant that reads 18,000 insurance emails a day and drafts replies agents approve with one click.",
			"Brought the feature's API bill from $41k to $16k a month by batching overnight jobs and sending short classifications to a mini model.",
			"Owns the regression suite: 1,200 graded cases run in CI on every prompt or model change, with a weekly drift report to product.",
		},
		skills: "Python, Go, Kafka, Postgres, OpenTelemetry", tags: []string{"python", "go", "evals", "cost-aware", "production"},
		notes: []note{{riley, "Referred by a former colleague of Priya's; available in six weeks."}}},
	{name: "Rob Hamilton", role: conversational, path: turnedAway, reason: "Candidate withdrew",
		headline: "Developer relations engineer, five years; writes sample apps and talks about chat interfaces.",
		lines: []string{
			"Maintains a public sample of a streaming chat UI with tool calls, starred by about 3,000 developers.",
			"Gave talks on conversation memory patterns at two European conferences.",
		},
		skills: "TypeScript, Next.js, Python", tags: []string{"typescript", "streaming", "chatbots"},
		notes: []note{{riley, "Withdrew after the screen: took an internal move."}}},
	{name: "Adele Lamarr", role: platform, path: waiting, level: 3.2, strong: []string{rag, rate}, weak: []string{prompt},
		headline: "Infrastructure engineer, seven years; the last two on an AI search product for developer documentation.",
		lines: []string{
			"Keeps the embedding index fresh for 80,000 pages with incremental re-indexing instead of nightly rebuilds.",
			"Load-tested the query path at five times launch traffic and set the autoscaling rules from the results.",
		},
		skills: "Go, Kubernetes, Qdrant, Grafana", tags: []string{"go", "rag", "production"},
		later: "System design moved: she is travelling. Rebooked for the week after next."},
	{name: "Ward Hopper", role: seniorAI, path: interviewed, level: 2.75, strong: []string{tools}, weak: []string{cost}, split: true,
		headline: "Full-stack developer, five years; founding engineer at a small developer-tools startup.",
		lines: []string{
			"Shipped an in-editor code review bot to 2,400 paying teams; it calls linters and the test runner as tools and comments on pull requests.",
			"Every tool call has a strict JSON schema, and arguments that fail validation are rejected before any code runs.",
			"Kept the product up through two provider outages with a queue that retries later and a plain-text fallback message.",
		},
		skills: "TypeScript, Node.js, Rust, GitHub Apps, SQLite", tags: []string{"typescript", "function-calling", "production"},
		offer: "Offer approved below the ranking: Priya saw the best tool design of this round, Jonas doubts the evaluation depth " +
			"(see the questions to discuss in the debrief). Agreed a three-month goal on evals with the hiring manager."},
	{name: "Cynthia Lamport", role: conversational, path: interviewed, level: 3.35, strong: []string{cost, eval}, weak: []string{rag},
		headline: "Backend developer, six years; builds chat assistants for a telecom's customer care.",
		lines: []string{
			"Rolled out a billing assistant to 1.2 million customers over three months, starting with 1% of traffic.",
			"Reviews 200 sampled conversations a week with the care team and turns the misses into new test cases.",
			"Routes greetings and simple balance questions to a small model, which cut the cost per conversation to 0.6 cents.",
		},
		skills: "Kotlin, Python, Kafka, Genesys", tags: []string{"chatbots", "evals", "cost-aware"}},
	{name: "James Ritchie", role: platform, path: interviewed, level: 3.3, strong: []string{rate, cost, mon}, weak: []string{conv},
		headline: "Senior software engineer, eight years; owns the async job system behind an AI writing product.",
		lines: []string{
			"Moved bulk rewriting jobs to the batch endpoint and a priority queue, halving cost and ending nightly rate-limit errors.",
			"Added tracing from user click to model response, which found a retry storm that had tripled token use.",
		},
		skills: "Python, Celery, RabbitMQ, Postgres, Honeycomb", tags: []string{"python", "production", "cost-aware"},
		later: "Second in the ranking. The role went on hold once Whitfield accepted; keep in touch for the next headcount."},
	{name: "Ellen Kernighan", role: seniorAI, path: interviewed, level: 2.45, strong: []string{eval}, weak: []string{tools, prompt},
		headline: "Data engineer, seven years; started building LLM extraction jobs last spring.",
		lines: []string{
			"Pulls contract dates and parties out of scanned PDFs for a property manager, 40,000 pages a month through the batch endpoint.",
			"Measures extraction accuracy on a hand-labelled sample of 300 leases at each release.",
		},
		skills: "Python, Airflow, Snowflake, Tesseract", tags: []string{"python", "evals"}},
}
