// End-to-end step for team mode: two apps on one shared PostgreSQL workspace,
// each signed in with its own database login. BASE_URL is Sam's app (wails
// dev), SECOND_URL Priya's (the same dev build on another port); both
// interview in the demo's "Technical deep dive" and "System design" rounds.
// What it shows: each window is its login's person and no one else; a move in
// one window reaches the other's board by itself; the blind rule holds across
// the two apps and in the server itself (SAM_URL: psql as Sam reads Priya's
// card exactly when his window shows it).
import { execFileSync } from 'node:child_process';
import { BASE, bothThemes, browser, check, errors, OUT, page } from './kit.mjs';

const SECOND = process.env.SECOND_URL ?? 'http://localhost:34116';
const SAM_URL = process.env.SAM_URL;
const ROLE = 'Senior AI Engineer';
const NAME = 'Tess Teamwell';
const PRIYA_NOTE = 'Sketched a token bucket per tenant';

const other = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' })).newPage();
other.setDefaultTimeout(15000);
other.on('pageerror', (e) => errors.push(`second window: ${e}`));

// What Sam's own SQL client reads of Priya's cards for the candidate: the server's answer, not the app's.
function priyaCardsSamReads() {
  const sql = `SELECT count(*) FROM scorecards s JOIN applications a ON a.id = s.application_id
    JOIN candidates c ON c.id = a.candidate_id JOIN profiles p ON p.id = s.author_id
    WHERE c.name = '${NAME}' AND p.name = 'Priya Nair'`;
  return Number(execFileSync('psql', [SAM_URL, '-XAtqc', sql], { encoding: 'utf8' }).trim());
}

async function open(p, url, who) {
  await p.goto(url, { waitUntil: 'domcontentloaded' });
  await p.waitForFunction(() => window.go && window.go.app && window.go.app.Workspace, null, { timeout: 30000 });
  await p.locator('#profile').waitFor();
  const names = await p.locator('#profile option').allTextContents();
  check(names.length === 1 && names[0].includes(who), `${who}'s window is ${who}, with no one else to switch to (${names.join(', ')})`);
  await p.getByRole('button', { name: 'Board', exact: true }).click();
  await p.getByRole('tab', { name: ROLE }).click();
}

const card = (p) => p.getByTestId('board-card').filter({ hasText: NAME });
const column = (p, stage) => p.locator(`section[data-stage="${stage}"]`);
const round = (p, name) => p.getByRole('complementary', { name: 'Candidate detail' }).getByRole('article', { name });
const HIDDEN = '1 scorecard hidden until you have submitted every round you interview this candidate in';

const LABEL = { yes: 'Yes', strong_yes: 'Strong yes' };

// interview runs a round from the candidate's open drawer as who: a note on the
// first question, every question scored with key, then the recommendation and
// submit; the drawer then lists the card as one's own (the round stays in
// progress until everyone on its panel has submitted).
async function interview(p, roundName, key, rec, note) {
  await round(p, roundName).getByTestId('round-action').filter({ hasText: 'Start interview' }).click();
  await p.getByTestId('question').waitFor();
  if (note) {
    await p.keyboard.press('n');
    await p.keyboard.type(note);
    await p.keyboard.press('Escape');
  }
  const ids = await p.locator('[data-testid^="jump-"]:not([data-testid="jump-finish"])')
    .evaluateAll((els) => els.map((e) => e.dataset.testid.slice('jump-'.length)));
  for (const id of ids) {
    await p.getByTestId(`jump-${id}`).click();
    await p.locator(`[data-testid="question"][data-question-id="${id}"]`).waitFor();
    await p.keyboard.press(key);
    await p.getByTestId(`jump-${id}`).filter({ hasText: `✓ ${key}` }).waitFor();
  }
  await p.getByTestId('jump-finish').click();
  await p.getByTestId(`rec-${rec}`).click();
  await p.getByTestId('submit').click();
  await p.getByTestId('submitted-confirmation').waitFor();
  await p.getByTestId('runner-close').click();
  await round(p, roundName).getByText(`You — submitted · ${LABEL[rec]}`).waitFor();
  return ids.length;
}

try {
  await open(page, BASE, 'Sam Okafor');
  await open(other, SECOND, 'Priya Nair');
  await column(other, 'Applied').getByText(NAME).waitFor();
  check(true, "the candidate the recruiter added from the command line is on both boards");

  // Sam moves the card with the keyboard; Priya's board follows by itself.
  await card(page).focus();
  const moved = Date.now();
  await page.keyboard.press('Shift+ArrowRight');
  await column(other, 'Screen').getByText(NAME).waitFor({ timeout: 5000 });
  const took = Date.now() - moved;
  await column(page, 'Screen').getByText(NAME).waitFor();
  check(true, `Sam's move reached Priya's board ${took} ms after his key press, without a reload`);
  await bothThemes('team-board');

  // Priya interviews first and submits; Sam's open drawer learns of it and shows it hidden.
  await card(page).click();
  await round(page, 'Technical deep dive').waitFor();
  await card(other).click();
  const questions = await interview(other, 'Technical deep dive', '4', 'strong_yes', PRIYA_NOTE);
  check(questions >= 2, `Priya scored all ${questions} questions of the deep dive and submitted`);
  await round(page, 'Technical deep dive').getByTestId('hidden-count').filter({ hasText: HIDDEN }).waitFor({ timeout: 5000 });
  await round(page, 'Technical deep dive').getByText('Priya Nair — submitted (hidden)').waitFor();
  check((await page.getByText(PRIYA_NOTE).count()) === 0, "Priya's submitted card reached Sam's drawer hidden, her notes nowhere on his screen");
  check(priyaCardsSamReads() === 0, "Sam's own SQL client reads none of Priya's cards for the candidate either");
  await round(page, 'Technical deep dive').scrollIntoViewIfNeeded();
  await bothThemes('team-blind-hidden');

  // Sam's deep dive alone is not enough: he also interviews in the system design round.
  await interview(page, 'Technical deep dive', '3', 'yes');
  await round(page, 'Technical deep dive').getByTestId('hidden-count').filter({ hasText: HIDDEN }).waitFor();
  check(priyaCardsSamReads() === 0, 'with one of his two rounds submitted, the server still hides her card from Sam');
  await round(other, 'Technical deep dive').getByText('Sam Okafor — submitted (hidden)').waitFor({ timeout: 5000 });
  await round(other, 'Technical deep dive').getByTestId('hidden-count').filter({ hasText: HIDDEN }).waitFor();
  check(true, "Sam's submit reached Priya's drawer, hidden from her: she has the system design round still to do");
  await round(other, 'Technical deep dive').scrollIntoViewIfNeeded();
  await other.screenshot({ path: `${OUT}/team-second-window-light.png` });
  console.log(`screenshot ${OUT}/team-second-window-light.png`);

  await interview(page, 'System design', '3', 'yes');
  await round(page, 'Technical deep dive').getByText('Priya Nair — Strong yes').click();
  await page.getByText(PRIYA_NOTE).first().waitFor();
  check(priyaCardsSamReads() === 1, "once Sam submitted every round he interviews in, his window and his SQL client both read Priya's card");
  await bothThemes('team-blind-revealed');

  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
} catch (e) {
  for (const [p, n] of [[page, 'Sam'], [other, 'Priya']]) {
    const r = round(p, 'Technical deep dive');
    if (await r.count()) console.error(`${n}'s deep dive reads: ${(await r.innerText()).replace(/\s+/g, ' ')}`);
  }
  await page.screenshot({ path: `${OUT}/team-failure.png` }).catch(() => {});
  await other.screenshot({ path: `${OUT}/team-failure-second.png` }).catch(() => {});
  console.error(e);
  process.exitCode = 1;
} finally {
  await browser.close();
}
