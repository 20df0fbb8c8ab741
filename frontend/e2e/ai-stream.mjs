// End-to-end: the streamed AI features in the real window against the fake
// OpenAI server (build/e2eopenai streams a summary word by word and
// follow-ups line by line). Run in the demo phase after ai.mjs, which
// switched AI on and saved the fake server's key. On a candidate's debrief
// the recruiter previews what is sent, watches the summary grow, cancels it
// (the text stays, marked incomplete), runs it again to the end (every
// sentence checked, the one without a citation marked); in the interview
// runner the author gets follow-up drafts and copies one into the notes.
import { BASE, bothThemes, browser, check, errors, OUT, page } from './kit.mjs';

const ROLE = 'Senior AI Engineer';
const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

async function openRunner() {
  await page.getByRole('button', { name: 'Board', exact: true }).click();
  await page.getByRole('tab', { name: ROLE }).click();
  for (const stage of ['Applied', 'Screen']) {
    const cards = page.locator(`section[data-stage="${stage}"]`).getByTestId('board-card');
    await cards.first().waitFor();
    for (let i = 0; i < Math.min(await cards.count(), 6); i++) {
      await cards.nth(i).click();
      const drawer = page.getByRole('complementary', { name: 'Candidate detail' });
      const round = drawer.getByRole('article', { name: /^Phone screen/ });
      await round.first().waitFor({ timeout: 5000 }).catch(() => {});
      const action = round.getByTestId('round-action').filter({ hasText: /Start interview|Resume interview/ });
      if (await action.count()) {
        await action.first().click();
        await page.getByTestId('question').waitFor();
        return;
      }
      await page.getByRole('button', { name: 'Close detail' }).click();
    }
  }
  throw new Error('no candidate whose phone screen the recruiter can start');
}

try {
  await page.goto(BASE, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.go && window.go.app && window.go.app.AI, null, { timeout: 30000 });
  const riley = page.getByRole('button', { name: /Riley Chen/ });
  await Promise.race([riley.waitFor(), page.locator('#profile').waitFor()]);
  if (await riley.isVisible()) await riley.click();
  await page.locator('#profile').waitFor();

  // ---- a candidate's debrief: the preview first.
  await page.getByRole('button', { name: 'Debrief', exact: true }).click();
  await page.getByRole('tab', { name: ROLE }).click();
  await page.getByTestId('ranked-group').getByTestId('ranking-row').first().getByRole('button').first().click();
  const name = squash(await page.getByTestId('candidate-debrief').getByRole('heading', { level: 2 }).textContent());
  const box = page.getByTestId('ai-debrief-summary');
  const summarise = box.getByRole('button', { name: 'Summarise with AI' });
  await summarise.click();
  const preview = page.getByRole('dialog', { name: 'Before sending to the AI' });
  const sent = await preview.getByTestId('ai-sent').textContent();
  check(/\[N1\] Interviewer A, /.test(sent) && !name.split(' ').some((part) => sent.includes(part)),
    `the preview shows the scorecard notes under their ids, interviewers by letter, without ${name}'s name`);
  const estimate = squash(await preview.getByTestId('ai-estimate').textContent());
  check(/About [\d,]+ tokens in and 400 tokens out: about \$0\.\d{4}/.test(estimate) && /This month: \$[\d.]+ of the \$[\d.]+ budget spent/.test(estimate),
    `the preview estimates tokens and cost, and says this month's spend against the budget (${estimate})`);
  await bothThemes('ai-stream-preview');

  // ---- it grows piece by piece; Cancel keeps what was shown, marked incomplete.
  await preview.getByRole('button', { name: 'Send' }).click();
  const text = box.getByTestId('ai-summary-text');
  await text.waitFor({ timeout: 20000 });
  const first = squash(await text.textContent());
  await page.waitForFunction((t) => {
    const el = document.querySelector('[data-testid="ai-summary-text"]');
    return el && el.textContent.replace(/\s+/g, ' ').trim().length > t.length + 10;
  }, first, { timeout: 10000 });
  const second = squash(await text.textContent());
  check(first.length > 0 && second.startsWith(first) && second.length > first.length,
    `the summary appears progressively ("${first}" then "${second}")`);
  await box.getByRole('button', { name: 'Cancel' }).click();
  const incomplete = box.getByTestId('ai-summary-incomplete');
  await incomplete.waitFor();
  const kept = squash(await text.textContent());
  check(kept.startsWith(second) && /Incomplete: you cancelled it\. What was shown is kept here/.test(squash(await incomplete.textContent())),
    `Cancel stops it: the ${kept.length} characters shown stay, marked incomplete`);
  await page.waitForTimeout(800);
  check(squash(await text.textContent()) === kept, 'nothing more arrives after Cancel');
  await bothThemes('ai-stream-cancelled');

  // ---- again, to the end: every sentence checked, the unsupported one marked.
  await summarise.click();
  await preview.getByLabel("Don't ask again before sending debrief summaries").check();
  await preview.getByRole('button', { name: 'Send' }).click();
  await incomplete.waitFor({ state: 'detached' });
  await page.waitForFunction(() => (document.querySelector('[data-testid="ai-summary-text"]')?.textContent ?? '').length > 40, null, { timeout: 20000 });
  await bothThemes('ai-stream-partial');
  const result = box.getByTestId('ai-summary-result');
  await result.waitFor({ timeout: 30000 });
  const sentences = await result.getByTestId('ai-summary-sentence').allTextContents();
  const marked = await result.getByTestId('ai-unsupported').allTextContents();
  const meta = squash(await result.getByTestId('ai-summary-meta').textContent());
  check(sentences.length >= 3 && marked.length === 1 && marked[0].includes('no note cited') &&
    new RegExp(`${sentences.length - 1} of ${sentences.length} sentences cite a scorecard note; 1 cites none and is marked`).test(meta),
    `the finished summary is checked: ${sentences.length} sentences, the one without a citation marked (${meta})`);
  check(/Interviewer A is \w+/.test(await result.getByTestId('ai-interviewers').textContent()), 'it says who each interviewer label stands for');
  await result.scrollIntoViewIfNeeded();
  await bothThemes('ai-stream-summary');

  // ---- the interview runner: follow-up drafts for the card's author.
  await openRunner();
  const fu = page.getByTestId('ai-followups');
  await fu.waitFor();
  await fu.getByRole('button', { name: 'Suggest follow-ups' }).click();
  const fuPreview = page.getByRole('dialog', { name: 'Before sending to the AI' });
  check((await fuPreview.getByTestId('ai-sent').textContent()).includes('Question being asked:'), 'the follow-up preview shows the question and the notes as sent');
  await fuPreview.getByRole('button', { name: 'Send' }).click();
  await fu.getByTestId('ai-followups-text').waitFor({ timeout: 20000 });
  check(true, 'the follow-up reply streams in');
  const drafts = fu.getByTestId('ai-followup-draft');
  await drafts.first().waitFor({ timeout: 20000 });
  const questions = (await drafts.locator('.q').allTextContents()).map(squash);
  check(questions.length === 3 && questions.every((q) => q.endsWith('?')) && !questions.some((q) => /level/i.test(q)),
    `three follow-up drafts, the one giving a level dropped (${questions.join(' | ')})`);
  const notes = page.getByTestId('question-notes');
  const before = await notes.inputValue();
  check(!questions.some((q) => before.includes(q)), 'nothing is put into the notes by itself');
  await fu.getByRole('button', { name: `Copy to notes: ${questions[1]}` }).click();
  check((await notes.inputValue()).endsWith(questions[1]), 'a draft the interviewer picks is copied into the notes');
  await fu.getByRole('button', { name: `Ignore: ${questions[0]}` }).click();
  check((await drafts.count()) === 2, 'an ignored draft goes away');
  await bothThemes('ai-stream-followups');
  await page.getByTestId('runner-close').click();
  await page.getByTestId('interview-runner').waitFor({ state: 'detached' });

  const usage = await page.evaluate(() => window.go.app.AI.Usage());
  const calls = (f) => usage.rows.filter((r) => r.feature === f);
  const sum = (rows, k) => rows.reduce((n, r) => n + r[k], 0);
  check(sum(calls('summary'), 'calls') >= 2 && sum(calls('summary'), 'failed') >= 1 && sum(calls('followup'), 'calls') >= 1,
    `the ledger holds the summaries (the cancelled one as failed) and the follow-ups (${JSON.stringify(usage.rows.map((r) => [r.feature, r.calls, r.failed]))})`);
  check(errors.length === 0, `no page errors (${errors.join('; ')})`);
} catch (e) {
  await page.screenshot({ path: `${OUT}/failure-ai-stream.png` }).catch(() => {});
  console.error(e);
  process.exitCode = 1;
} finally {
  await browser.close();
}
