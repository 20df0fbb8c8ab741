// End-to-end: a blind resume screen in the real window on the demo workspace
// (demo phase). From the drawer, "Screen blind" covers the drawer with a screen
// that names "Candidate N" and shows the redacted resume (no name anywhere);
// a reject needs its reason; saving with a quote reveals who it was and keeps
// the save in the history. Screenshots light and dark.
import { BASE, bothThemes, browser, check, errors, OUT, page } from './kit.mjs';

const NAME = 'Brian Shaw';
const said = async (locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();

try {
  await page.goto(BASE, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.go && window.go.app && window.go.app.Interviews, null, { timeout: 30000 });
  const riley = page.getByRole('button', { name: /Riley Chen/ });
  await Promise.race([riley.waitFor(), page.locator('#profile').waitFor()]);
  if (await riley.isVisible()) await riley.click();
  await page.locator('#profile').waitFor();

  await page.getByRole('button', { name: 'Candidates', exact: true }).click();
  await page.getByLabel('Search candidates').fill('brian.shaw');
  await page.getByTestId('candidate-row').filter({ hasText: NAME }).first().click();
  const drawer = page.getByRole('complementary', { name: 'Candidate detail' });
  const open = drawer.getByRole('button', { name: 'Screen blind', exact: true }).first();
  await open.scrollIntoViewIfNeeded();
  await open.click();

  const blind = page.getByRole('dialog', { name: 'Blind resume screen' });
  // The heading says "Blind screen" until Go's screen arrives with its label.
  await blind.getByTestId('blind-resume').waitFor();
  const label = await said(blind.getByTestId('blind-label'));
  check(/^Candidate \d+$/.test(label), `the blind screen names "${label}", not the person`);
  const text = await said(blind);
  check(!/Brian|Shaw|brian\.shaw/i.test(text), 'no name or email anywhere on the blind screen while undecided');
  check((await said(blind.getByTestId('blind-resume'))).includes('[CANDIDATE]'), 'the resume is shown with the name taken out');
  const flag = blind.getByRole('group', { name: 'Has dealt with API throttling and growing traffic' });
  await flag.getByRole('button', { name: 'Present', exact: true }).click();
  await flag.getByRole('textbox', { name: 'Quote from the resume' }).fill('quotas per team');
  await blind.getByRole('group', { name: 'Decision' }).getByRole('button', { name: 'Reject' }).click();
  await blind.getByTestId('screen-suggested').filter({ hasText: 'Reject' }).waitFor();
  check(true, 'one green flag of six: Go suggests reject');
  await bothThemes('blind-screen-1-undecided');

  await blind.getByRole('button', { name: 'Save screen' }).click();
  const refused = await said(blind.getByRole('alert').first());
  check(/reject needs a reason/i.test(refused), `a reject without a reason is refused (${refused})`);
  await blind.getByRole('textbox', { name: 'Reason to reject' }).fill('No product shipped to users yet');
  await blind.getByRole('button', { name: 'Save screen' }).click();

  const reveal = blind.getByTestId('blind-reveal');
  await reveal.waitFor();
  const who = await said(reveal);
  check(who.includes(`This was ${NAME}`) && who.includes('Decision saved: Reject'), `after the decision, who it was is revealed (${who})`);
  const history = blind.locator('[data-testid^="screen-history-"]');
  await history.locator('summary').click();
  check((await said(history)).includes('Reject reason: No product shipped to users yet'), 'the save is in the history with its reason');
  await bothThemes('blind-screen-2-revealed');
  await blind.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Close detail' }).click();

  // From the board: the role's resumes one after another, nobody named before the decision.
  await page.getByRole('button', { name: 'Board', exact: true }).click();
  await page.getByRole('button', { name: 'Screen blind…' }).click();
  const queued = page.getByRole('dialog', { name: 'Blind resume screen' });
  await queued.getByTestId('blind-resume').waitFor();
  const first = await said(queued.getByTestId('blind-label'));
  check(/^Candidate \d+$/.test(first) && !(await said(queued)).includes('This was'), `the board's blind queue opens "${first}", undecided and unnamed`);
  await bothThemes('blind-screen-3-queue');
  await queued.getByRole('button', { name: 'Close' }).click();
  check(errors.length === 0, `no page errors (${errors.join('; ')})`);
} catch (e) {
  await page.screenshot({ path: `${OUT}/failure-blind-screen.png` }).catch(() => {});
  console.error(e);
  process.exitCode = 1;
} finally {
  await browser.close();
}
