// End-to-end step on the demo workspace: the recruiter records an outcome
// after the hire (a 90-day rating) in a hired candidate's drawer, then opens
// the debrief's Validity view: one person with an outcome, Go's small-sample
// warning and range-restriction caveat. An interviewer is offered neither.
import { BASE, bothThemes, browser, check, errors, page } from './kit.mjs';

const ROLES = ['Senior AI Engineer', 'LLM Platform Engineer'];
const go = (screen) => page.getByRole('button', { name: screen, exact: true }).click();
const drawer = page.getByRole('complementary', { name: 'Candidate detail' });
const hired = page.locator('section[data-stage="Hired"]').getByTestId('board-card');
// By name: an option says more than the name ("Riley Chen (recruiter)").
const as = async (name) => {
  await page.locator('#profile').selectOption(await page.locator('#profile option', { hasText: name }).getAttribute('value'));
  await page.locator('#profile option:checked', { hasText: name }).waitFor({ state: 'attached' });
};

try {
  await page.goto(BASE, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.go && window.go.app && window.go.app.Interviews, null, { timeout: 30000 });
  const riley = page.getByRole('button', { name: /Riley Chen/ });
  await Promise.race([riley.waitFor(), page.locator('#profile').waitFor()]);
  if (await riley.isVisible()) await riley.click();
  await page.locator('#profile').waitFor();
  await as('Riley Chen');

  // The first demo role with someone hired.
  await go('Board');
  let role = '';
  for (const r of ROLES) {
    await page.getByRole('tab', { name: r }).click();
    await page.locator('section[data-stage="Applied"]').waitFor();
    if (await hired.count()) {
      role = r;
      break;
    }
  }
  check(role !== '', `a demo role has someone hired (${role})`);
  await hired.first().click();
  const form = drawer.getByTestId('outcome');
  await form.getByRole('button', { name: 'Save outcome' }).waitFor();
  check(/Ratings: 1 \(well below expectations\) to 5/.test(await form.textContent()), "the form states Go's rating scale");
  await form.getByLabel('Rating at 90 days').selectOption('4');
  // Leaving asks for the date and whether it was regretted; they have not left.
  await form.getByLabel('They have left').check();
  await form.getByLabel('Regretted?').waitFor();
  await form.scrollIntoViewIfNeeded();
  await bothThemes('validity-outcome-form');
  await form.getByLabel('They have left').uncheck();
  await form.getByRole('button', { name: 'Save outcome' }).click();
  await form.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  check(/Recorded by Riley Chen/.test(await form.textContent()), 'the outcome was saved, with who recorded it');
  await drawer.getByRole('button', { name: 'Close detail' }).click();

  await go('Debrief');
  await page.getByRole('tab', { name: role }).click();
  await page.getByRole('button', { name: 'Validity', exact: true }).click();
  const view = page.getByTestId('validity');
  await view.getByTestId('validity-measure').first().waitFor();
  const intro = (await view.locator('.intro').textContent()).replace(/\s+/g, ' ');
  check(intro.includes('1 hired person has an outcome recorded'), `the view counts the outcome (${intro.trim()})`);
  check((await view.getByTestId('validity-measure').count()) === 3, 'three outcomes: 90 days, 1 year, stayed');
  check(/Only 1 pair:/.test(await view.getByTestId('validity-measure').first().textContent()), "Go's small-sample warning is shown");
  check(/Only hired candidates have outcomes/.test(await view.getByTestId('range-restriction').textContent()), "Go's range-restriction caveat is shown");
  await bothThemes('validity-view');

  await as('Sam Okafor');
  check(!(await page.getByRole('button', { name: 'Validity', exact: true }).isVisible()), 'an interviewer is not offered the Validity view');
  await as('Riley Chen');

  check(errors.length === 0, `no page errors (${errors.join('; ')})`);
} finally {
  await browser.close();
}
