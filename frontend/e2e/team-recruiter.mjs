// End-to-end step for team mode, the recruiter's window (BASE_URL, signed in
// with Riley's login): on a shared workspace self-identification is
// write-only. The drawer's form shows no answer and sends only what changed;
// the recruiter's own SQL client (RILEY_URL) lists no answer; the role's
// fairness report (the command line, BIN) counts the new one.
import { execFileSync } from 'node:child_process';
import { BASE, bothThemes, browser, check, errors, page } from './kit.mjs';

const RILEY_URL = process.env.RILEY_URL;
const BIN = process.env.BIN;
const ROLE = 'Senior AI Engineer';
const NAME = 'Tess Teamwell';

const answersRileyLists = () =>
  Number(execFileSync('psql', [RILEY_URL, '-XAtqc', 'SELECT count(*) FROM self_id'], { encoding: 'utf8' }).trim());
const responded = () =>
  JSON.parse(execFileSync(BIN, ['--db', RILEY_URL, 'fairness', '--role', ROLE, '--json'], { encoding: 'utf8' })).responded;

try {
  await page.goto(BASE, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.go && window.go.app && window.go.app.Workspace, null, { timeout: 30000 });
  await page.locator('#profile').waitFor();
  const names = await page.locator('#profile option').allTextContents();
  check(names.length === 1 && names[0].includes('Riley Chen'), `the recruiter's window is Riley's (${names.join(', ')})`);
  const before = responded();
  await page.getByRole('button', { name: 'Board', exact: true }).click();
  await page.getByRole('tab', { name: ROLE }).click();
  await page.getByTestId('board-card').filter({ hasText: NAME }).click();
  const form = page.getByTestId('selfid');
  await form.getByText('never shown again once recorded').waitFor();
  const shown = (label) => form.getByLabel(label).evaluate((s) => s.selectedOptions[0].textContent);
  check((await shown('Gender')) === 'Keep as recorded', 'the form shows no answer: each list starts on "Keep as recorded"');
  await form.getByLabel('Gender').selectOption('Woman');
  await form.getByRole('button', { name: 'Save self-identification' }).click();
  await form.getByRole('status').filter({ hasText: 'Recorded' }).waitFor();
  check((await shown('Gender')) === 'Keep as recorded', 'once recorded, the answer is not shown back');
  check(answersRileyLists() === 0, "the recruiter's own SQL client lists no answer, hers or anyone's");
  const after = responded();
  check(after === before + 1, `the role's fairness report counts her answer (${before} → ${after} people answered)`);
  await form.scrollIntoViewIfNeeded();
  await bothThemes('team-selfid-write-only');
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
} catch (e) {
  await page.screenshot({ path: `${process.env.OUT ?? '../build/e2e'}/team-recruiter-failure.png` }).catch(() => {});
  console.error(e);
  process.exitCode = 1;
} finally {
  await browser.close();
}
