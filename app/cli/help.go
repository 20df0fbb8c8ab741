package cli

// usage is what `hirebench help` prints: every command, one line or two each.
const usage = `usage: hirebench [--data-dir DIR] [--db URL] [command]

With no command, opens the desktop app. Commands:
  version                          print the version
  demo                             seed the demo workspace (only if it is empty)
  roles list [--json]              list roles and their pipelines
  roles create --title T [--stage NAME]... [--team T] [--location L] [--status S] [--json]
                                   add a role with its pipeline (default Applied, Screen,
                                   Interview, Offer, Hired), followed by Rejected
  roles add-stage --role R --name N [--json]
                                   add a stage before the closing ones (a trailing Offer…/Hired…
                                   run, and Rejected)
  candidates list [--json] [--role R] [--query Q] [--archived]
  candidates add --name N [--email E] [--role R]... [--phone P] [--source S] [--tag T]...
  candidates reject --candidate ID --role R --reason TEXT [--note TEXT] [--json]
                                   reject with a reason from the list and a note for the history
  candidates undo-move --candidate ID --role R [--json]
                                   undo the candidate's last move in the role (or its rejection):
                                   back to the stage it came from, recorded in the history
  candidates resume-text --candidate ID --from FILE [--save] [--json]
                                   the text of a PDF, DOCX or TXT resume, to check; --save attaches
                                   it, its text becoming the resume text if there is none yet
  candidates erase --email E --yes [--anonymise] [--json]
                                   erase a candidate for good (or anonymise: keep applications and
                                   scores under an anonymous name), here and in DIR/snapshots
  candidates retention [--json] [--set MONTHS|off] [--erase --yes | --anonymise --yes]
                                   the retention policy: rejected or withdrawn candidates idle longer
                                   than MONTHS, listed for review, then erased or anonymised together
  privacy audit [--json]           who erased or anonymised which candidate, and when
  rubric list [--json]             list rubrics (the built-in one first)
  rubric export (--builtin | --id ID) [--format json|yaml]
                                   print a rubric file
  rubric validate FILE             check a rubric file; problems go to stderr, one per line
  rubric import FILE               validate a rubric file and add it to the workspace
  rubric drafts [--json]           rubric edits saved as drafts and not published yet, by author
  export xlsx --role R --out FILE  the committee workbook of a role (submitted scorecards)
  export csv --role R --out FILE [--sheet summary|scorecards] [--bom]
  export subject --email E --out FILE.zip
                                   everything held about one candidate: JSON and their attachments
  import candidates FILE [--role R] [--dry-run] [--valid-only] [--duplicates skip|merge]
                    [--sheet NAME] [--map FIELD=HEADER]... [--map-job TITLE=ROLE]...
                    [--map-stage NAME=STAGE]... [--json]
                                   import a CSV or XLSX export; errors are listed by row and column;
                                   rows go to the role their Job column names (else --role) and to
                                   the stage their Current Stage column names
  bundle export --out FILE [--mine PROFILE] [--no-scorecards] [--no-attachments] [--json]
                                   write a bundle: the workspace, or PROFILE's submitted scorecards
  bundle import FILE [--json] [--skip-tampered]
                                   merge a bundle; prints created/unchanged/conflicts/refused
  debrief --role R [--json]        the role's ranking: composite, coverage, uncertainty and every
                                   score by question and interviewer (docs/SCORING.md)
  weights list --role R [--json]   the role's plan weights and their history
  weights set --role R --competency C [--question Q] --weight W [--reason TEXT]
                                   change a plan weight (a reason is needed once scoring began)
  weights coverage [--set 0.8]     print or set the share of the plan a candidate needs to be ranked
  rounds assign --role R --candidate EMAIL --round NAME (--interviewer P... | --plan)
                                   choose who interviews one candidate in one round
  profiles list [--json]           the people who use this workspace
  profiles unprotect --profile P   remove a forgotten passphrase (the data folder's owner may)
  profiles prefs --profile P [--advance on|off] [--json]
                                   the interview runner's preferences: move to the next question
                                   after scoring (on by default)
  backup --out FILE [--json]       save a checked copy of the workspace
  backup snapshots [--json] [--keep N]
                                   list the automatic snapshots (DIR/snapshots); keep the newest N
  restore FILE --yes [--json]      replace the workspace with a backup or snapshot (checked first;
                                   the current workspace is kept as a snapshot)
  ai screen --candidate EMAIL --role R [--json] [--base-url URL] [--model M] [--no-redact]
                                   AI suggestion for the candidate's resume screen (identity
                                   redacted; key from OPENAI_API_KEY or the OS keyring)
  ai usage [--json] [--since DAY]  AI calls, tokens and cost per day, feature and model
  ai price --model M --input USD --output USD
                                   what a model costs per million tokens (for estimates and the budget)
  ai budget --set USD              the monthly AI budget (0: no limit); calls stop once it is reached
  ai settings [--model TASK=MODEL]... [--json]
                                   the AI endpoint, budget and the model each task uses (screen,
                                   rate, summary, followup); --model changes one
  ai quality [--json]              AI quality: per feature and model the calls, cache hits, cost,
                                   quotes verified and dropped, runs disagreeing, repairs; the
                                   latest name-swap probes; AI-vs-interviewer agreement
  ai rate --scorecard ID --question QID [--json] [--base-url URL] [--model M] [--no-redact]
                                   AI level for one question of a submitted scorecard, from its
                                   notes (identity redacted), kept beside the interviewer's
  ai agreement (--role R | --rubric ID) [--model M] [--json]
                                   AI-vs-interviewer agreement per competency (ICC, alpha), beside
                                   the interviewers' agreement on the same questions
  ai probe --role R [--candidates N] [--json] [--model M] [--base-url URL] [--parallel N]
                                   name-swap fairness probe: screen N resumes again under 32 names
                                   across 8 groups; outcome change and impact ratio per group
  ai summary --candidate EMAIL --role R [--json] [--base-url URL] [--model M] [--preview]
                                   AI debrief summary of the submitted scorecards, printed as it
                                   streams; every sentence cites the notes it rests on (checked);
                                   --preview prints what would be sent and its cost, sends nothing
  ai followups --scorecard ID --question QID [--json] [--base-url URL] [--model M] [--preview]
                                   AI follow-up questions for one question of a draft scorecard,
                                   asked as the card's author; at most 3, never a score
  stats --in FILE [--json]         rater reliability (ICC, Krippendorff's alpha, leniency) of a
                                   CSV with header subject,rater,score
  composite --in FILE [--json] [--min-coverage 0.8]
                                   composite, coverage and uncertainty per candidate of a CSV with
                                   header candidate,interviewer,competency,competency_weight,
                                   question,question_weight,score,scale_min,scale_max
  fairness --in FILE [--json]      adverse impact of a CSV with header group,selected (0/1, a row
                                   a person): rate, impact ratio, four-fifths flag, Fisher p per group
  fairness --role R [--json]       the role's fairness report: per stage transition and the resume
                                   screen, each self-identified group's rate, impact ratio, Fisher p;
                                   mean composites and question scores by group (docs/FAIRNESS.md)
  candidates self-id --candidate ID [--set CATEGORY=ANSWER ...] [--json]
                                   record (or, without --set, show) voluntary self-identification
  self-id categories [--set "NAME=ANSWER|ANSWER|…" ...] [--remove NAME ...] [--json]
                                   the self-identification categories and their answers; --set adds
                                   a category or replaces its answers, --remove drops one (its
                                   answers stay stored, no longer asked or reported)
  validity --in FILE [--json]      how scores predict outcomes in a CSV with header score,outcome:
                                   n, Pearson r with its 95%% CI, Spearman rho, a warning below 30
  validity --role R [--json]       the role's Validity report: each outcome after a hire (ratings at
                                   90 days and 1 year, stayed) against the composite and each
                                   competency: n, Pearson r, 95%% CI, Spearman rho, the caveats
  candidates outcome --candidate ID [--role R --rating-90d N --rating-1y N --left DATE
                     --regretted yes|no] [--json]
                                   record (or, without them, show) a hired candidate's outcome;
                                   ratings 1–5, none clears one; --left none: still employed
  practice samples --rubric ID [--json]
                                   a rubric's calibration samples (sample id, question, answer;
                                   reference levels hidden) to score in a CSV sample_id,level
  practice score --rubric ID --as PROFILE --levels FILE [--json]
                                   score a drill: exact and within-one agreement with the rubric,
                                   mean bias, misread anchors; all samples complete practice
  practice status --rubric ID [--json]
                                   who completed practice on the rubric's latest version
  screen save --candidate EMAIL|ID --role R [--mark FLAG=present:QUOTE|absent|unclear ...]
              [--decision advance|reject] [--reason TEXT] [--override-reason TEXT]
              [--as PROFILE [--second]] [--json]
                                   save a resume screen, kept as a revision: present needs a quote
                                   from the resume, reject a reason, a decision against the marks'
                                   suggestion an override reason; --second: the second screener's
                                   independent screen (docs/SCREEN.md)
  screen revisions --candidate EMAIL|ID --role R [--as PROFILE] [--json]
                                   every save of the screens (who, when, decision, reasons); the
                                   other screener's only once the asker's screen is decided
  screen agreement --role R [--json]
                                   the two screeners' agreement on the role: Cohen's kappa on the
                                   decisions, Krippendorff's alpha on the flag marks
R is a role's id or title. Data lives in DIR/workspace.db (default %s).

--db URL opens a shared workspace on a PostgreSQL server instead (team mode, docs/TEAM.md), in
the window and for every command; without --db the environment variable HIREBENCH_DB is used,
and --db "" is the local workspace even when it is set. URL is postgres://USER@HOST:PORT/DATABASE
(or postgresql://); a remote server is reached with sslmode=verify-full unless the URL names
another sslmode. These work on a local workspace only and are refused on PostgreSQL: backup,
backup snapshots, restore. On PostgreSQL only the owner's login erases or anonymises (candidates
erase, candidates retention --erase|--anonymise).

Team mode (docs/TEAM.md):
  init [--json]                    as the workspace's owner: bring the schema up to date and grant
                                   people's logins (the role DATABASE_people) what the app needs
  people add --name N --login L [--recruiter] [--password-stdin] [--json]
                                   as the owner: a person's own login and the profile it signs in
                                   as; without --password-stdin a password is generated and shown once
  push [--json]                    as the owner: copy the --data-dir workspace into the empty --db one
                                   (all or nothing; submitted scorecards verified on arrival)
  pull [--json]                    copy the --db workspace into a new workspace in --data-dir
  login --password-stdin           keep the --db workspace's password in the OS keyring (one line
                                   on standard input); the server need not be reachable
  logout                           forget the --db workspace's password kept in the OS keyring
`
