// End-to-end: AI quality on the demo workspace, after ai.mjs switched AI on
// against the fake OpenAI server (build/e2eopenai) and ran a resume screen.
// The recruiter interviews a candidate: while the card is a draft no second
// opinion is offered; once it is submitted, "Second opinion (AI)" sits
// beside the one scored question with notes and shows the AI's level, the
// anchor it matched and the verified passage of the notes (the invented one
// counted as left out); reopened, the kept level is shown without asking.
// The AI… dialog's "AI quality" tab shows figures from those calls, and the
// calibration says how many more answers its agreement needs.
import { BASE, bothThemes, browser, check, errors, OUT, page } from './kit.mjs';

const ROLE = 'Senior AI Engineer';
const FIRST = 'Compared two model tiers on an eval set of 200 prompts and kept the cheap one for extraction.';
const NOTES = `${FIRST} Could not say what a call costs.`;

const drawer = () => page.getByRole('complementary', { name: 'Candidate detail' });
const asks = () => page.locator('[data-testid^="ask-opinion-"]');
const text = async (l) => (await l.textContent()).replace(/\s+/g, ' ').trim();

// openRunner starts the phone screen of the first candidate the recruiter may interview.
async function openRunner() {
  await page.getByRole('button', { name: 'Board', exact: true }).click();
  await page.getByRole('tab', { name: ROLE }).click();
  for (const stage of ['Applied', 'Screen']) {
    const cards = page.locator(`section[data-stage="${stage}"]`).getByTestId('board-card');
    await cards.first().waitFor();
    for (let i = 0; i < Math.min(await cards.count(), 6); i++) {
      await cards.nth(i).click();
      const round = drawer().getByRole('article', { name: /^Phone screen/ });
      await round.first().waitFor({ timeout: 5000 }).catch(() => {});
      const action = round.getByTestId('round-action').filter({ hasText: 'Start interview' });
      if (await action.count()) {
        const name = (await drawer().getByLabel('Name', { exact: true }).inputValue()).trim();
        await action.first().click();
        await page.getByTestId('question').waitFor();
        return name;
      }
      await page.getByRole('button', { name: 'Close detail' }).click();
    }
  }
  throw new Error('no candidate whose phone screen the recruiter can start');
}

async function openAI() {
  await page.getByRole('button', { name: 'AI…' }).click();
  const d = page.getByRole('dialog', { name: 'AI assist' });
  await d.getByLabel('Offer AI suggestions in this workspace').waitFor();
  return d;
}

try {
  await page.goto(BASE, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.go && window.go.app && window.go.app.AI, null, { timeout: 30000 });
  const riley = page.getByRole('button', { name: /Riley Chen/ });
  await Promise.race([riley.waitFor(), page.locator('#profile').waitFor()]);
  if (await riley.isVisible()) await riley.click();
  await page.locator('#profile').waitFor();

  // ---- a draft: nothing offered, so the AI cannot anchor the score.
  const name = await openRunner();
  const ids = await page.getByRole('navigation', { name: 'Questions' }).getByTestId(/^jump-(?!finish)/).evaluateAll((els) => els.map((e) => e.dataset.testid.slice(5)));
  await page.getByTestId(`jump-${ids[0]}`).click();
  await page.getByTestId('question-notes').fill(NOTES);
  await page.keyboard.press('Escape');
  for (const id of ids) {
    await page.locator(`[data-testid="question"][data-question-id="${id}"]`).waitFor();
    await page.keyboard.press('4');
  }
  await page.getByTestId('finish').waitFor();
  check((await asks().count()) === 0 && (await page.locator('[data-testid^="second-opinion-"]').count()) === 0,
    `while ${name}'s phone screen is a draft (every question scored), no second opinion is offered`);
  await page.getByTestId('rec-yes').click();
  await page.getByTestId('submit').click();
  await page.getByTestId('submitted-confirmation').waitFor();

  // ---- submitted: offered beside the scored question with notes; Go says why not elsewhere.
  await asks().first().waitFor();
  const notes = await page.getByText('No notes on this question for the AI to read.').count();
  check((await asks().count()) === 1 && notes === ids.length - 1,
    `once submitted, "Second opinion (AI)" is offered beside the one question with notes; the other ${notes} say there are no notes to read`);
  await asks().first().click();
  const box = page.locator('[data-testid^="second-opinion-"]');
  await box.waitFor({ timeout: 30000 });
  const said = await text(box);
  check(/^Second opinion \(AI\) \d \S+/.test(said) && said.includes('Anchor it matched:') && said.includes("1 level below the interviewer's 4."),
    `the AI's level, the anchor it matched and how it stands to the interviewer's 4 show beside the score (${said.slice(0, 120)}…)`);
  check((await box.locator('mark').first().textContent()).trim() === FIRST && said.includes('1 passage it cited is not in the notes and was left out.'),
    'the passage of the notes it rested on is shown verbatim; the one it invented is counted as left out');
  await box.scrollIntoViewIfNeeded();
  await bothThemes('ai-second-opinion');

  // ---- reopened: the kept level is shown, not asked again.
  await page.getByTestId('runner-close').click();
  await page.getByTestId('interview-runner').waitFor({ state: 'detached' });
  await drawer().getByRole('article', { name: /^Phone screen/ }).getByTestId('round-action').filter({ hasText: 'View my scorecard' }).first().click();
  await page.locator('[data-testid^="second-opinion-"]').waitFor();
  check((await asks().count()) === 0, 'reopened, the kept second opinion is shown without asking again');
  await page.getByTestId('runner-close').click();
  await page.getByTestId('interview-runner').waitFor({ state: 'detached' });
  const close = page.getByRole('button', { name: 'Close detail' });
  await close.waitFor({ timeout: 5000 }).catch(() => {});
  if (await close.isVisible()) await close.click();

  // ---- the AI quality tab: the figures of the calls made.
  const d = await openAI();
  await d.getByRole('tab', { name: 'AI quality' }).click();
  const rows = d.getByTestId('ai-quality-row');
  await rows.first().waitFor();
  // Cells: feature and model, calls, cache hits, failed, cost, quotes verified (and dropped), runs disagreed, repairs.
  const all = await rows.evaluateAll((rs) => rs.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent.replace(/\s+/g, ' ').trim())));
  const screen = all.find((r) => r[0].startsWith('Screening resumes'));
  const rate = all.find((r) => r[0].startsWith('Second opinion on a score'));
  check(screen && Number(screen[1]) >= 3 && /^\d+ of \d+ \(\d+%\)[1-9]\d* dropped$/.test(screen[5]) && /^\d+ of \d+$/.test(screen[6]),
    `the resume screen's calls, cache hits, cost, quotes verified and dropped and runs disagreeing (${screen && screen.join(' | ')})`);
  check(rate && rate[0].endsWith('gpt-4.1') && rate[1] === '1' && rate[5] === '1 of 2 (50%)1 dropped' && rate[7] === '0',
    `the second opinion on its own model: 1 call, 1 of 2 passages verified, 1 dropped, no repair (${rate && rate.join(' | ')})`);
  check((await d.getByTestId('ai-quality-probe-note').textContent()).includes('has not been probed yet'), 'the tab says the screening model has not been probed yet');
  check((await text(d.getByTestId('ai-quality-agreement'))).includes('9 more answers and 2 more candidates are needed'),
    'the agreement says how many more answers it needs');
  await bothThemes('ai-quality');
  await d.getByRole('button', { name: 'Close' }).first().click();

  // ---- beside the calibration.
  await page.getByRole('button', { name: 'Debrief', exact: true }).click();
  await page.getByRole('tab', { name: ROLE }).click();
  await page.getByRole('button', { name: 'Calibration' }).click();
  const agreement = page.getByTestId('ai-agreement');
  await agreement.waitFor();
  check((await text(agreement.getByTestId('ai-agreement-says').first())).startsWith('Too few to say yet: 1 answer rated by both the AI and the interviewer'),
    'beside the calibration, the AI\'s agreement says it is too few to say yet, and how many more are needed');
  await agreement.scrollIntoViewIfNeeded();
  await bothThemes('ai-agreement');

  check(errors.length === 0, `no page errors (${errors.join('; ')})`);
} catch (e) {
  await page.screenshot({ path: `${OUT}/failure-ai-quality.png` }).catch(() => {});
  console.error(e);
  process.exitCode = 1;
} finally {
  await browser.close();
}
