// End-to-end: AI assist in the real window against the fake OpenAI server
// (build/e2eopenai, started by build/scripts/e2e.sh at AI_BASE_URL; its
// first completion answers 429 with Retry-After: 2). The recruiter switches
// AI on in the AI… dialog with a custom address and a key (no keyring under
// Xvfb: kept until hirebench closes), tests the connection, previews and
// runs a suggestion on a demo candidate (the retry is shown), sees the
// evidence, accepts a flag and saves the screen; the human-only switch takes
// the offer away; the usage tab counts the calls; the key is nowhere in the
// data folder. Run after the demo phase, on the demo workspace.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BASE, bothThemes, browser, check, errors, OUT, page } from './kit.mjs';

const BASE_URL = process.env.AI_BASE_URL ?? 'http://127.0.0.1:18089/v1';
const KEY = 'sk-openaitest'; // the key the fake server accepts

const dialog = () => page.getByRole('dialog', { name: 'AI assist' });

async function openAI() {
  const close = page.getByRole('button', { name: 'Close detail' });
  if (await close.isVisible()) await close.click();
  await page.getByRole('button', { name: 'AI…' }).click();
  await dialog().getByLabel('Offer AI suggestions in this workspace').waitFor();
  return dialog();
}

// keyFiles lists the files under dir holding the key.
function keyFiles(dir) {
  const found = [];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath ?? e.path, e.name);
    if (readFileSync(path).includes(KEY)) found.push(path.slice(dir.length + 1));
  }
  return found;
}

try {
  await page.goto(BASE, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.go && window.go.app && window.go.app.AI, null, { timeout: 30000 });
  const riley = page.getByRole('button', { name: /Riley Chen/ });
  await Promise.race([riley.waitFor(), page.locator('#profile').waitFor()]);
  if (await riley.isVisible()) await riley.click();
  await page.locator('#profile').waitFor();

  // Settings: on, a custom OpenAI-compatible address, the key, test connection.
  let d = await openAI();
  const on = d.getByLabel('Offer AI suggestions in this workspace');
  check(!(await on.isChecked()), 'AI help is off until the recruiter switches it on');
  await on.check();
  await d.getByLabel('Another OpenAI-compatible address').check();
  await d.getByLabel('Base URL').fill(BASE_URL);
  await d.getByRole('button', { name: 'Save connection' }).click();
  await page.getByText('AI settings saved').waitFor();
  await d.getByLabel('API key', { exact: true }).fill(KEY);
  await d.getByRole('button', { name: 'Save key' }).click();
  const state = d.getByTestId('ai-key-state');
  await state.filter({ hasText: 'ends in' }).waitFor();
  const said = (await state.textContent()).replace(/\s+/g, ' ').trim();
  check(said.includes('Kept until hirebench closes: no keyring on this computer') && said.includes('…test'),
    `without a keyring the key is kept in memory, and the window says so (${said})`);
  check((await d.getByLabel('API key', { exact: true }).inputValue()) === '', 'the key field is cleared once saved');
  await d.getByRole('button', { name: 'Test connection' }).click();
  await d.getByTestId('ai-test').scrollIntoViewIfNeeded();
  const test = (await d.getByTestId('ai-test').textContent()).replace(/\s+/g, ' ').trim();
  check(/^Connected to 127\.0\.0\.1:\d+ in \d+ ms: 3 models\. gpt-4o-mini is among them\./.test(test), `test connection lists the models and the latency (${test})`);
  await bothThemes('ai-settings');
  await d.getByRole('button', { name: 'Close' }).first().click();

  // A demo candidate's resume screen: preview, send (one retry), evidence.
  // A demo candidate whose resume has a line the fake server can quote.
  await page.getByLabel('Search candidates').fill('retrieval pipeline');
  await page.getByTestId('candidate-row').first().click();
  const drawer = page.getByRole('complementary', { name: 'Candidate detail' });
  const name = (await drawer.getByLabel('Name', { exact: true }).inputValue()).trim();
  const suggest = drawer.getByRole('button', { name: 'Suggest with AI' });
  await suggest.scrollIntoViewIfNeeded();
  await suggest.click();
  const preview = page.getByRole('dialog', { name: 'Before sending to the AI' });
  const sent = await preview.getByTestId('ai-sent').textContent();
  check(sent.includes('[CANDIDATE]') && !name.split(' ').some((part) => sent.includes(part)),
    `the preview shows the resume with ${name}'s name taken out`);
  const estimate = (await preview.getByTestId('ai-estimate').textContent()).replace(/\s+/g, ' ').trim();
  check(/About [\d,]+ tokens in and [\d,]+ tokens out: about \$0\.\d{4}/.test(estimate), `the preview estimates tokens and cost (${estimate})`);
  await bothThemes('ai-preview');
  await preview.getByRole('button', { name: 'Send' }).click();
  const retrying = await drawer.getByText(/Retrying in \d s…/).textContent({ timeout: 15000 });
  check(/HTTP 429/.test(retrying), `a rate-limited call says it is retrying (${retrying.trim()})`);
  const summary = drawer.getByTestId('ai-summary');
  await summary.waitFor({ timeout: 60000 });
  const sumText = (await summary.textContent()).replace(/\s+/g, ' ').trim();
  check(/3 quotes were not found in the resume and were dropped/.test(sumText) && /marked uncertain/.test(sumText),
    `the summary counts the dropped quotes and the uncertain flag (${sumText})`);
  const first = drawer.locator('[data-testid^="ai-flag-"]').first();
  const quote = (await first.locator('mark').textContent()).trim();
  check(quote.length > 20, `the first flag's evidence is highlighted in the resume ("${quote}")`);
  await first.scrollIntoViewIfNeeded();
  await bothThemes('ai-suggestion');

  // Accept one flag: the marks are filled as a person's edit; saving is the screen's own.
  await first.getByRole('button', { name: /Accept the AI suggestion/ }).click();
  const fieldset = drawer.locator('fieldset').filter({ has: page.locator('[data-testid^="ai-flag-"]') }).first();
  check((await fieldset.getByRole('textbox', { name: 'Quote from the resume' }).inputValue()) === quote, 'accepting fills the quote as evidence');
  check((await fieldset.getByRole('button', { name: 'Present', exact: true }).getAttribute('aria-pressed')) === 'true', 'accepting sets the suggested mark');
  await drawer.getByRole('button', { name: 'Save screen' }).click();
  await drawer.getByTestId('screen-saved-by').filter({ hasText: 'Saved by Riley Chen' }).first().waitFor();
  check(true, 'the accepted suggestion was saved as the recruiter\'s screen');

  // Human only: the offer goes away for this candidate, and comes back.
  const human = drawer.getByLabel('Human only: no AI for this candidate');
  await human.scrollIntoViewIfNeeded();
  await human.check();
  await suggest.waitFor({ state: 'detached' });
  check(true, 'a human-only candidate is offered no AI');
  await human.uncheck();
  await suggest.waitFor();

  // Usage: this month's calls and the budget bar.
  d = await openAI();
  await d.getByRole('tab', { name: 'Usage' }).click();
  const rows = d.getByTestId('usage-row');
  await rows.first().waitFor();
  const row = (await rows.first().textContent()).replace(/\s+/g, ' ');
  check(/Resume screen\s*gpt-4o-mini/.test(row), `the usage tab lists the calls per day, feature and model (${row.trim()})`);
  await d.getByTestId('ai-budget').waitFor();
  await bothThemes('ai-usage');
  await d.getByRole('button', { name: 'Close' }).first().click();

  const { dataDir } = await page.evaluate(() => window.go.app.Workspace.Info());
  const leaked = keyFiles(dataDir);
  check(leaked.length === 0, `the API key is in no file of the data folder (${leaked.join(', ')})`);
  check(errors.length === 0, `no page errors (${errors.join('; ')})`);
} catch (e) {
  await page.screenshot({ path: `${OUT}/failure-ai.png` }).catch(() => {});
  console.error(e);
  process.exitCode = 1;
} finally {
  await browser.close();
}
