// End-to-end flow through the real app: `wails dev` serves the UI at
// BASE_URL with live Go bindings over the real SQLite workspace, and
// Chromium drives it. Phase "main" runs the recruiter's first session;
// phase "reopen" runs after the app was restarted and checks nothing was lost.
import { BASE, answerDialog, bothThemes, browser, check, errors, OUT, page, shot } from './kit.mjs';
import { rubricImport } from './rubrics.mjs';
import { backups } from './backups.mjs';
import { privacy } from './privacy.mjs';

const PHASE = process.argv[2] ?? 'main';
const ROLE = 'E2E Platform Engineer';
const NAME = 'Grace Hopper-Testwell';
const EMAIL = 'grace.testwell@example.com';

const card = (name) => page.getByTestId('board-card').filter({ hasText: name });
const column = (stage) => page.locator(`section[data-stage="${stage}"]`);

try {
  await page.goto(BASE, { waitUntil: 'domcontentloaded' });
  // Wails injects window.go once its IPC is connected.
  await page.waitForFunction(() => window.go && window.go.app && window.go.app.Workspace, null, { timeout: 30000 });

  if (PHASE === 'main') {
    // First launch: say who I am.
    await page.getByRole('heading', { name: 'Welcome to hirebench' }).waitFor();
    await shot('welcome-light');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('alert').filter({ hasText: 'name' }).waitFor();
    await page.getByLabel('Your name').fill('Eve Recruiter');
    await page.getByLabel('I am the recruiter').check();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.locator('#profile').waitFor();
    check((await page.locator('#profile option:checked').textContent()).includes('Eve Recruiter'), 'profile created and current');

    // Empty workspace: the board invites creating a role.
    await page.getByRole('button', { name: 'Create the first role' }).waitFor();
    await bothThemes('empty-board');

    // Create a role.
    await page.getByRole('button', { name: 'Create the first role' }).click();
    await page.getByLabel('Title').fill(ROLE);
    await page.getByLabel('Team').fill('Applied AI');
    await page.getByLabel('Location').fill('Remote');
    await page.getByRole('button', { name: 'Create role' }).click();
    await page.getByRole('tab', { name: ROLE }).waitFor();
    for (const s of ['Applied', 'Screen', 'Interview', 'Offer', 'Hired', 'Rejected']) {
      await column(s).waitFor();
    }
    check(true, 'role created with the default pipeline');

    // Add a candidate with the keyboard shortcut; a bad email is refused inline.
    await page.locator('body').click({ position: { x: 640, y: 700 } });
    await page.keyboard.press('n');
    await page.getByRole('dialog', { name: 'New candidate' }).waitFor();
    await page.getByLabel('Full name').fill(NAME);
    await page.getByLabel('Email').fill('grace@nowhere');
    await page.getByLabel('Tags').fill('python, evals');
    await page.getByRole('button', { name: 'Add candidate' }).click();
    await page.getByRole('alert').filter({ hasText: 'not a valid email' }).waitFor();
    await shot('new-candidate-error-light');
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Source').fill('Referral');
    await page.getByRole('button', { name: 'Add candidate' }).click();
    await page.getByRole('dialog', { name: 'New candidate' }).waitFor({ state: 'detached' });
    await page.getByRole('complementary', { name: 'Candidate detail' }).waitFor();
    await page.getByRole('button', { name: 'Close detail' }).click();
    await card(NAME).waitFor();
    check(await column('Applied').getByText(NAME).isVisible(), 'new candidate sits in Applied');

    // Duplicate email: the form offers to open the existing candidate.
    await page.keyboard.press('n');
    await page.getByLabel('Full name').fill('Someone Else');
    await page.getByLabel('Email').fill(EMAIL.toUpperCase());
    await page.getByRole('button', { name: 'Add candidate' }).click();
    await page.getByRole('button', { name: `Open ${NAME}` }).first().waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    check(true, 'duplicate email offers to open the existing candidate');

    // Drag to Screen, then move on to Interview with the keyboard.
    await card(NAME).dragTo(column('Screen'));
    await column('Screen').getByText(NAME).waitFor();
    check(true, 'drag and drop moved the card to Screen');
    await card(NAME).focus();
    await page.keyboard.press('Shift+ArrowRight');
    await column('Interview').getByText(NAME).waitFor();
    check(true, 'Shift+ArrowRight moved the card to Interview');
    await bothThemes('board');

    // Detail: edit a field (autosave), add a note, see the history.
    await card(NAME).click();
    const drawer = page.getByRole('complementary', { name: 'Candidate detail' });
    await drawer.getByLabel('Phone').fill('+44 20 7946 0000');
    await drawer.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
    await drawer.getByLabel('LinkedIn').fill('not a link');
    await drawer.getByLabel('LinkedIn').blur();
    await drawer.getByRole('alert').filter({ hasText: 'not a web address' }).waitFor();
    await shot('detail-error-light');
    await drawer.getByLabel('LinkedIn').fill('https://www.linkedin.com/in/grace-testwell');
    await drawer.getByLabel('LinkedIn').blur();
    await drawer.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
    await drawer.getByLabel('New note').fill('Explained token budgeting with a worked example. Strong on evals.');
    await drawer.getByRole('button', { name: 'Add note' }).click();
    await drawer.getByText('Explained token budgeting').waitFor();
    await drawer.getByText('moved from Screen to Interview').waitFor();
    check(true, 'detail autosaves, refuses a bad link inline, adds a note and shows history');
    await bothThemes('detail');
    await page.getByRole('button', { name: 'Close detail' }).click();

    // Search from anywhere with "/", matches highlighted.
    await page.keyboard.press('/');
    await page.keyboard.type('budgeting');
    await page.getByTestId('candidate-row').filter({ hasText: NAME }).waitFor();
    check((await page.locator('mark').first().textContent()).toLowerCase().startsWith('budgeting'), 'search highlights the matching note text');
    await bothThemes('table-search');
    await page.getByLabel('Search candidates').fill('');
    await page.getByRole('button', { name: 'Candidates', exact: true }).click();
    await page.getByTestId('candidate-row').first().waitFor();
  } else if (PHASE === 'interview') {
    // Structured interview, part 1: rubric, plan, and an interview left half-way.
    await page.locator('#profile').waitFor();
    await page.getByRole('button', { name: 'Rubrics', exact: true }).click();
    const list = page.getByRole('complementary', { name: 'Rubrics' });
    await list.getByText('OpenAI platform developer (built-in)').first().click();
    await page.getByRole('button', { name: 'Duplicate to edit' }).waitFor();
    await bothThemes('rubric-builtin');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('region', { name: 'Interviewer preview' }).waitFor();
    await shot('rubric-preview-light');
    await page.getByRole('button', { name: 'Duplicate to edit' }).click();
    await list.getByText('OpenAI platform developer (copy)').first().waitFor();
    await page.getByRole('region', { name: 'Question 1.1' }).first().waitFor();
    check(true, 'built-in rubric duplicated into an editable copy');
    await bothThemes('rubric-editor');
    await rubricImport();

    // Two interviewers share the laptop.
    for (const who of ['Sam Interviewer', 'Priya Panel']) {
      await page.locator('#profile').selectOption('new');
      await page.getByLabel('Your name').fill(who);
      await page.getByRole('button', { name: 'Start' }).click();
      await page.locator('#profile').waitFor();
    }
    await page.locator('#profile').selectOption({ label: 'Eve Recruiter (recruiter)' });

    // The role's interview plan: one round on the built-in rubric's rate-limit questions.
    await page.getByRole('button', { name: 'Board', exact: true }).click();
    await page.getByRole('tab', { name: ROLE }).click();
    await page.getByRole('button', { name: 'Interview plan…' }).click();
    const plan = page.getByRole('dialog');
    await plan.getByRole('button', { name: 'Add round' }).click();
    await plan.getByLabel('Round name').fill('Technical deep dive');
    await plan.getByLabel('Rubric').selectOption({ label: 'OpenAI platform developer (built-in)' });
    await plan.getByLabel('Error handling & rate limits').check();
    await plan.getByLabel('Sam Interviewer').check();
    await plan.getByLabel('Priya Panel').check();
    await plan.getByLabel('Duration (minutes)').fill('45');
    await plan.getByRole('button', { name: 'Save round' }).click();
    await plan.getByRole('listitem', { name: 'Round 1: Technical deep dive' }).waitFor();
    check(true, 'interview plan has the round');
    await shot('interview-plan-light');

    // Weights are set on the plan before anyone scores: no reason needed yet.
    await plan.getByRole('tab', { name: 'Weights' }).click();
    const fallbacks = plan.getByTestId('weight-question').filter({ hasText: 'partial outage' });
    await fallbacks.getByRole('spinbutton').fill('2');
    await plan.getByRole('button', { name: 'Save weights' }).click();
    await plan.getByRole('status').filter({ hasText: 'Saved 1 weight.' }).waitFor();
    check((await plan.getByLabel('Reason for the change').count()) === 0, 'before scoring, a weight changes without a reason');
    check((await plan.getByTestId('question-share').allTextContents()).some((t) => t.trim() === '50%'),
      'the two questions now share the plan equally (2 and 2)');
    await bothThemes('plan-weights');
    await plan.getByRole('button', { name: 'Close', exact: true }).click();
    await plan.waitFor({ state: 'detached' });

    // The recruiter protects her profile: switching back to it will ask.
    await page.locator('#profile').selectOption({ label: 'Protect me with a passphrase…' });
    const protect = page.getByRole('dialog', { name: 'Protect your profile with a passphrase' });
    await protect.getByLabel('New passphrase', { exact: true }).fill('blue heron at dawn');
    await protect.getByLabel('Repeat new passphrase').fill('blue heron at dawn');
    await protect.getByRole('button', { name: 'Protect my profile' }).click();
    await protect.waitFor({ state: 'detached' });
    check((await page.locator('#profile option:checked').textContent()).includes('🔒'), 'the recruiter profile is marked protected');

    // Sam starts the interview with the keyboard and stops half-way.
    await page.locator('#profile').selectOption({ label: 'Sam Interviewer' });
    await card(NAME).click();
    const round = page.getByRole('article', { name: 'Technical deep dive' });
    await round.getByTestId('round-action').filter({ hasText: 'Start interview' }).click();
    const runner = page.getByTestId('interview-runner');
    await runner.waitFor();
    await page.getByTestId('question').waitFor();
    // Notes first: a score moves on to the next question.
    await page.keyboard.press('n');
    await page.keyboard.type('Backoff with jitter, a queue, and alerts on 429 rates.');
    await page.keyboard.press('Escape');
    await page.keyboard.press('3');
    await page.locator('[data-testid="question"][data-question-id="degradation-fallbacks"]').waitFor();
    await page.getByTestId('jump-rate-limits').filter({ hasText: '✓ 3' }).waitFor();
    await page.keyboard.press('2');
    await page.getByTestId('jump-degradation-fallbacks').filter({ hasText: '✓ 2' }).waitFor();
    await page.getByTestId('runner-save-state').filter({ hasText: 'Saved' }).waitFor();
    check(true, 'scored two questions with the keyboard; the draft is saved');
    await bothThemes('runner');
  } else if (PHASE === 'interview-resume') {
    // Part 2, after the app was closed mid-interview: resume, submit, and the blind rule.
    await page.locator('#profile').waitFor();
    check((await page.locator('#profile option:checked').textContent()).includes('Sam Interviewer'), 'Sam is still the current profile');
    await page.getByRole('tab', { name: ROLE }).click();
    await card(NAME).click();
    let round = page.getByRole('article', { name: 'Technical deep dive' });
    await round.getByTestId('round-state').filter({ hasText: /in progress/i }).waitFor();
    await round.getByTestId('round-action').filter({ hasText: 'Resume interview' }).click();
    await page.locator('[data-testid="question"][data-question-id="degradation-fallbacks"]').waitFor();
    check((await page.getByTestId('score-2').getAttribute('aria-pressed')) === 'true', 'resumed on the second question with its score');
    await page.getByTestId('jump-rate-limits').click();
    check((await page.getByTestId('score-3').getAttribute('aria-pressed')) === 'true', 'first answer kept its score');
    check((await page.getByTestId('question-notes').inputValue()).startsWith('Backoff with jitter'), 'first answer kept its notes');
    await page.getByTestId('jump-finish').click();
    await page.getByTestId('rec-yes').click();
    await page.getByTestId('submit').click();
    await page.getByTestId('submitted-confirmation').waitFor();
    const hash = await page.getByTestId('submitted-hash').getAttribute('title');
    check(/^[0-9a-f]{64}$/.test(hash ?? ''), 'submitted scorecard carries its SHA-256');
    await bothThemes('scorecard-submitted');
    await page.getByTestId('runner-close').click();

    // Priya sees nothing of Sam's card until she submits her own.
    await page.locator('#profile').selectOption({ label: 'Priya Panel' });
    await card(NAME).click();
    round = page.getByRole('article', { name: 'Technical deep dive' });
    await round.getByTestId('hidden-count').filter({ hasText: '1 scorecard hidden until you have submitted every round you interview this candidate in' }).waitFor();
    check((await page.getByText('alerts on 429 rates').count()) === 0, "Sam's notes are not on Priya's screen");
    await shot('blind-hidden-light');
    await round.getByTestId('round-action').filter({ hasText: 'Start interview' }).click();
    await page.getByTestId('question').waitFor();
    check((await page.getByText('alerts on 429 rates').count()) === 0, "Sam's notes are not in Priya's runner");
    // Each score moves on: 4 on the first question, 3 on the second, then Finish.
    await page.keyboard.press('4');
    await page.locator('[data-testid="question"][data-question-id="degradation-fallbacks"]').waitFor();
    await page.keyboard.press('3');
    await page.getByTestId('jump-degradation-fallbacks').filter({ hasText: '✓ 3' }).waitFor();
    await page.getByTestId('rec-strong_yes').click();
    await page.getByTestId('submit').click();
    await page.getByTestId('submitted-confirmation').waitFor();
    await page.getByTestId('runner-close').click();
    round = page.getByRole('article', { name: 'Technical deep dive' });
    await round.getByTestId('round-state').filter({ hasText: /submitted/i }).waitFor();
    await round.getByText('Sam Interviewer — Yes').click();
    await page.getByText('alerts on 429 rates').first().waitFor();
    check(true, "after submitting, Priya sees Sam's scorecard");
    await bothThemes('blind-revealed');

    // Back to the recruiter: her profile asks for its passphrase.
    await page.locator('#profile').selectOption({ label: 'Eve Recruiter (recruiter) 🔒' });
    const unlock = page.getByRole('dialog', { name: 'Switch to Eve Recruiter' });
    await unlock.getByLabel('Passphrase', { exact: true }).fill('not her passphrase');
    await unlock.getByRole('button', { name: 'Unlock' }).click();
    await unlock.getByRole('alert').filter({ hasText: 'That passphrase is not right' }).waitFor();
    check((await page.locator('#profile option:checked').textContent()).includes('Priya'), 'a wrong passphrase keeps Priya in');
    await shot('unlock-wrong-light');
    await unlock.getByLabel('Passphrase', { exact: true }).fill('blue heron at dawn');
    await unlock.getByRole('button', { name: 'Unlock' }).click();
    await unlock.waitFor({ state: 'detached' });
    check((await page.locator('#profile option:checked').textContent()).includes('Eve Recruiter'), 'the right passphrase switches to Eve');

    // The debrief: one candidate, the whole plan answered by two interviewers.
    await page.getByRole('button', { name: 'Debrief', exact: true }).click();
    await page.getByRole('tab', { name: ROLE }).click();
    const row = page.getByTestId('ranking-row').filter({ hasText: NAME });
    await row.waitFor();
    check((await row.getByTestId('rank').textContent()).trim().startsWith('1'), 'the candidate is ranked first');
    check((await row.getByTestId('coverage').textContent()).includes('100%'), 'coverage 100%');
    check(/±\d+\.\d between 2 interviewers/.test(await row.getByTestId('uncertainty').textContent()), 'uncertainty in words over 2 interviewers');
    await bothThemes('debrief-e2e');

    // After scoring began, changing a weight needs a reason, and the debrief says so.
    await page.getByRole('button', { name: 'Board', exact: true }).click();
    if (await page.getByRole('button', { name: 'Close detail' }).count()) await page.getByRole('button', { name: 'Close detail' }).click();
    await page.getByRole('button', { name: 'Interview plan…' }).click();
    const plan2 = page.getByRole('dialog');
    await plan2.getByRole('tab', { name: 'Weights' }).click();
    await plan2.getByTestId('weight-question').filter({ hasText: 'partial outage' }).getByRole('spinbutton').fill('1');
    await plan2.getByRole('button', { name: 'Save weights' }).click();
    await plan2.getByRole('alert').filter({ hasText: 'say why the weights change' }).waitFor();
    await shot('plan-weights-reason-light');
    await plan2.getByLabel('Reason for the change').fill('The committee asked to weigh rate limits more');
    await plan2.getByRole('button', { name: 'Save weights' }).click();
    await plan2.getByRole('status').filter({ hasText: 'Saved 1 weight.' }).waitFor();
    await plan2.getByTestId('weight-change').filter({ hasText: 'after scoring began' }).first().waitFor();
    check(true, 'the change after scoring began is recorded with its reason');
    await plan2.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('button', { name: 'Debrief', exact: true }).click();
    await page.getByTestId('weights-note').filter({ hasText: 'Weights changed after scoring began' }).waitFor();
    check(true, 'the debrief says weights changed after scoring began');
    await bothThemes('debrief-weights-changed');

    // Leave the laptop on Priya's unprotected profile for the real-window test.
    await page.locator('#profile').selectOption({ label: 'Priya Panel' });
  } else if (PHASE === 'demo') {
    // The demo workspace `make run` opens: pick a seeded profile and look around.
    await page.getByRole('button', { name: /Riley Chen/ }).click();
    await page.getByTestId('board-card').first().waitFor();
    const cards = await page.getByTestId('board-card').count();
    check(cards >= 10, `demo board shows the first role's candidates (${cards})`);
    await bothThemes('demo-board');
    await page.getByRole('button', { name: 'Candidates', exact: true }).click();
    await page.getByTestId('candidate-row').first().waitFor();
    await bothThemes('demo-table');
    await page.getByTestId('candidate-row').nth(2).click();
    await page.getByRole('complementary', { name: 'Candidate detail' }).getByText('Stage history').waitFor();
    await bothThemes('demo-detail');
    await page.getByRole('button', { name: 'Close detail' }).click();
    await page.getByRole('button', { name: 'Board', exact: true }).click();
    await page.getByRole('button', { name: 'Role & pipeline…' }).click();
    await page.getByRole('dialog').getByRole('heading', { name: 'Pipeline', exact: true }).waitFor();
    await shot('demo-pipeline-light');
    await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).first().click();

    // The committee's view of the demo's submitted scorecards.
    await page.getByRole('button', { name: 'Debrief', exact: true }).click();
    await page.getByRole('tab', { name: 'Senior AI Engineer' }).click();
    await page.getByTestId('ranking-row').first().waitFor();
    const rows = await page.getByTestId('ranking-row').count();
    check(rows >= 3, `debrief lists the role's interviewed candidates (${rows})`);
    const ranked = page.getByTestId('ranked-group');
    const values = (await ranked.getByTestId('composite').allTextContents()).map((t) => parseFloat(t));
    check(values.length >= 3 && values.every((v, i) => i === 0 || values[i - 1] >= v), `ranked candidates are ordered by composite (${values.join(', ')})`);
    const ranks = (await ranked.getByTestId('rank').allTextContents()).map((t) => parseInt(t, 10));
    check(ranks.every((r, i) => r === i + 1), `ranks run 1..n (${ranks.join(', ')})`);
    const incomplete = page.getByTestId('incomplete-group');
    check((await incomplete.getByTestId('ranking-row').count()) >= 1, 'incomplete candidates are listed below the ranked ones');
    check((await incomplete.getByTestId('coverage').first().textContent()).includes('below the 80% needed to rank'),
      'an incomplete candidate says why it is not ranked');
    check((await page.getByTestId('amended-after-seeing').count()) >= 1, 'a card amended after seeing others is marked');
    await bothThemes('debrief-ranking');
    await ranked.getByTestId('ranking-row').first().getByRole('button').first().click();
    await page.getByTestId('matrix').waitFor();
    check((await page.getByTestId('matrix-row').count()) >= 3, 'who-said-what matrix shows the questions');
    await bothThemes('debrief-candidate');
    await page.getByRole('button', { name: '← Back to ranking' }).click();
    await page.getByRole('button', { name: 'Calibration', exact: true }).click();
    await page.getByTestId('calibration').waitFor();
    // The statistics sit one click below the bottom line (e2e/runner-debrief.mjs checks that line).
    await page.getByTestId('calibration-details-toggle').click();
    check((await page.getByTestId('leniency-row').count()) >= 3, 'calibration lists each interviewer\'s leniency');
    await bothThemes('calibration');

    // Export the committee workbook through the UI: the native save dialog is
    // answered by xdotool in the app's own X display.
    const out = process.env.EXPORT_PATH;
    if (out) {
      await answerDialog('save', 'Export committee workbook', out, () =>
        page.getByRole('button', { name: 'Export workbook…' }).click());
      await page.getByTestId('export-message').filter({ hasText: out }).waitFor({ timeout: 60000 });
      check(true, 'workbook exported through the UI');
      await shot('debrief-exported-light');
    }

    // The import wizard on an ATS export runs after this phase: e2e/import.mjs.

    // Back up now, restore a file and a snapshot (Data… dialog); the workspace ends as it began.
    await backups();

    // Export everything held about a throwaway candidate, erase them, and find nothing of them in the data folder.
    await privacy();
  } else {
    // Reopened app: the profile, role, stage, fields and note are all there.
    await page.locator('#profile').waitFor();
    check((await page.locator('#profile option:checked').textContent()).includes('Eve Recruiter'), 'profile remembered after restart');
    await page.getByRole('tab', { name: ROLE }).click();
    await column('Interview').getByText(NAME).waitFor();
    check(true, 'candidate still in Interview after restart');
    await card(NAME).click();
    const drawer = page.getByRole('complementary', { name: 'Candidate detail' });
    check((await drawer.getByLabel('Phone').inputValue()) === '+44 20 7946 0000', 'autosaved phone survived restart');
    await drawer.getByText('Explained token budgeting').waitFor();
    check(true, 'note survived restart');
    await page.getByRole('button', { name: 'Close detail' }).click();
    await page.keyboard.press('/');
    await page.keyboard.type('testwell');
    await page.getByTestId('candidate-row').filter({ hasText: NAME }).waitFor();
    check(true, 'search finds the candidate after restart');
    await shot('reopened-search-light');
  }
  check(errors.length === 0, `no page errors (${errors.join('; ')})`);
} catch (e) {
  await page.screenshot({ path: `${OUT}/failure-${PHASE}.png` }).catch(() => {});
  console.error(e);
  process.exitCode = 1;
} finally {
  await browser.close();
}
