// End-to-end step on the demo workspace: the recruiter records voluntary
// self-identification for three demo candidates in the drawer (Go's words
// above it, "Prefer not to say" offered), then opens the debrief's Fairness
// view (a table per decision, Go's explanations). An interviewer's drawer
// has no self-identification section and the debrief no Fairness button.
import { BASE, bothThemes, browser, check, errors, page } from './kit.mjs';

const ROLE = 'Senior AI Engineer';
const go = (screen) => page.getByRole('button', { name: screen, exact: true }).click();
const drawer = page.getByRole('complementary', { name: 'Candidate detail' });
const current = () => page.locator('#profile').evaluate((s) => s.selectedOptions[0]?.textContent.trim());
const as = async (label) => {
  if ((await current()) === label) return;
  await page.locator('#profile').selectOption({ label });
  await page.waitForFunction((l) => document.querySelector('#profile')?.selectedOptions[0]?.textContent.trim() === l, label);
};

try {
  await page.goto(BASE, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.go && window.go.app && window.go.app.Candidates, null, { timeout: 30000 });
  const riley = page.getByRole('button', { name: /Riley Chen/ });
  await Promise.race([riley.waitFor(), page.locator('#profile').waitFor()]);
  if (await riley.isVisible()) await riley.click();
  await page.locator('#profile').waitFor();
  await as('Riley Chen (recruiter)');

  await go('Candidates');
  for (let i = 0; i < 3; i++) {
    await page.getByTestId('candidate-row').nth(i).click();
    const section = drawer.getByTestId('selfid');
    await section.getByRole('button', { name: 'Save self-identification' }).waitFor();
    const note = await section.locator('p.note').textContent();
    check(note.startsWith('Voluntary') && note.includes('never shown to interviewers'), `candidate ${i + 1}: Go's line says self-ID is voluntary and kept from interviewers`);
    const gender = section.getByLabel('Gender');
    const options = await gender.locator('option').allTextContents();
    check(options.includes('Prefer not to say'), `candidate ${i + 1}: "Prefer not to say" is offered`);
    const now = await gender.inputValue();
    await gender.selectOption({ label: now === 'Prefer not to say' ? 'Woman' : 'Prefer not to say' });
    await section.getByLabel('Age 40 or over').selectOption({ label: i % 2 ? '40 or over' : 'Under 40' });
    await section.getByRole('button', { name: 'Save self-identification' }).click();
    await section.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    check(true, `candidate ${i + 1}: the answers were saved`);
    if (i === 0) {
      await section.scrollIntoViewIfNeeded();
      await bothThemes('fairness-drawer');
    }
    await drawer.getByRole('button', { name: 'Close detail' }).click();
  }

  await go('Debrief');
  await page.getByRole('tab', { name: ROLE }).click();
  await page.getByRole('button', { name: 'Fairness', exact: true }).click();
  const view = page.getByTestId('fairness');
  await view.getByTestId('fairness-decision').first().waitFor();
  const decisions = await view.getByTestId('fairness-decision').count();
  const rows = await view.getByTestId('fairness-row').count();
  check(decisions >= 2 && rows >= 4, `the Fairness view shows ${decisions} decisions with ${rows} group rows`);
  const intro = (await view.locator('.intro').textContent()).replace(/\s+/g, ' ').trim();
  check(/^\d+ of \d+ people in this role self-identified\.$/.test(intro), `it says who answered (${intro})`);
  await view.getByText('What these numbers mean').click();
  check(await view.getByText('Four-fifths rule', { exact: true }).isVisible(), "Go's explanation of the four-fifths rule is shown");
  await view.getByText('What these numbers mean').click();
  await page.locator('.pane').evaluate((p) => (p.scrollTop = 0));
  await bothThemes('fairness-view');
  const means = view.getByRole('region', { name: 'Interview scores by group' });
  check((await means.count()) === 1, 'mean interview scores by group are shown');
  await means.evaluate((m) => m.scrollIntoView({ block: 'start' }));
  await bothThemes('fairness-means');

  await as('Sam Okafor');
  check(!(await page.getByRole('button', { name: 'Fairness', exact: true }).isVisible()), 'an interviewer is not offered the Fairness view');
  await go('Candidates');
  await page.getByTestId('candidate-row').first().click();
  await drawer.getByRole('heading', { name: 'Stage history' }).waitFor();
  check((await drawer.getByRole('heading', { name: 'Self-identification' }).count()) === 0, "an interviewer's drawer has no self-identification section");
  await drawer.getByRole('button', { name: 'Close detail' }).click();
  await as('Riley Chen (recruiter)');

  check(errors.length === 0, `no page errors (${errors.join('; ')})`);
} finally {
  await browser.close();
}
