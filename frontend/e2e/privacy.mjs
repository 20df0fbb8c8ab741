// End-to-end step: a throwaway candidate (a note, resume text) is exported as a
// subject access zip through the native save dialog, then erased from the
// drawer after its confirmation; the app says which copies outside the data
// folder may still hold them, the Data… dialog lists the erasure and the
// retention policy can be set and turned off again, and no file in the data
// folder (database, WAL, snapshots, log) holds their words any more.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerDialog, bothThemes, check, page } from './kit.mjs';

const NAME = 'Zeno Erasewell';
const EMAIL = 'zeno.erasewell@example.com';
const RESUME = 'Maintains the Quillfeather tokenizer at Vexmoor Labs.';
const TOKENS = ['erasewell', 'quillfeather', 'vexmoor'];

// leftovers lists the files under dir holding any of the words, case-insensitively.
function leftovers(dir) {
  const found = [];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath ?? e.path, e.name);
    const text = readFileSync(path).toString('latin1').toLowerCase();
    for (const t of TOKENS) if (text.includes(t)) found.push(`${t} in ${path.slice(dir.length + 1)}`);
  }
  return found;
}

async function search(q) {
  const box = page.getByLabel('Search candidates');
  await box.fill('');
  await box.fill(q);
}

export async function privacy() {
  const { dataDir } = await page.evaluate(() => window.go.app.Workspace.Info());
  const out = mkdtempSync(join(tmpdir(), 'hirebench-e2e-subject-'));
  try {
    await page.getByTitle('New candidate (n)').click();
    const form = page.getByRole('dialog', { name: 'New candidate' });
    await form.getByLabel('Full name').fill(NAME);
    await form.getByLabel('Email').fill(EMAIL);
    await form.getByRole('button', { name: 'Add candidate' }).click();
    await form.waitFor({ state: 'detached' });
    await search('erasewell');
    await page.getByTestId('candidate-row').filter({ hasText: NAME }).click();
    const drawer = page.getByRole('complementary', { name: 'Candidate detail' });
    await drawer.getByLabel('Resume text').fill(RESUME);
    await drawer.getByLabel('New note').fill(`${NAME} asked for everything we hold, then to be forgotten.`);
    await drawer.getByRole('button', { name: 'Add note' }).click();
    await drawer.getByText('asked for everything we hold').waitFor();
    await page.waitForTimeout(1500); // the resume autosave
    check(leftovers(dataDir).length > 0, 'before erasing, the data folder holds the candidate (the scan can see them)');

    const zip = join(out, 'zeno-subject.zip');
    await answerDialog('save', 'Export everything held about a candidate', zip,
      () => drawer.getByRole('button', { name: 'Export everything held…' }).click());
    await page.getByText(`Saved everything held about ${NAME}`).waitFor({ timeout: 30000 });
    const bytes = readFileSync(zip);
    check(statSync(zip).size > 0 && bytes.subarray(0, 2).toString() === 'PK' && bytes.includes('subject.json'),
      'the subject access export is a zip holding subject.json');

    await drawer.getByRole('button', { name: 'Erase…' }).click();
    const ask = page.getByRole('dialog', { name: `Erase ${NAME}?` });
    const go = ask.getByRole('button', { name: 'Erase for good' });
    check(await go.isDisabled(), 'erasing waits for "I understand this cannot be undone"');
    await ask.getByLabel('I understand this cannot be undone').check();
    await bothThemes('erase-confirm');
    await go.click();
    const done = page.getByRole('dialog', { name: 'Done' });
    const said = await done.getByRole('status').textContent({ timeout: 60000 });
    check(said.includes(`${NAME} was erased`) && /\d+ rewritten without them/.test(said), `the app says what was erased (${said.replace(/\s+/g, ' ').trim()})`);
    const outside = await done.locator('.outside').textContent();
    check(outside.includes('may still hold this person'), `the app says which copies outside may still hold them (${outside.trim()})`);
    await bothThemes('erase-done');
    await done.getByRole('button', { name: 'Done' }).click();
    await drawer.waitFor({ state: 'detached' });
    await search('erasewell');
    await page.getByText('No candidates match').waitFor();
    check(true, 'the erased candidate is gone from search');

    await page.getByRole('button', { name: 'Data…' }).click();
    const data = page.getByRole('dialog', { name: 'Workspace data — backups and privacy' });
    await data.getByText('erased (on request)').first().waitFor({ timeout: 30000 });
    check(true, 'the Data… dialog lists the erasure');
    const section = data.getByRole('region', { name: 'Privacy' });
    const months = section.getByLabel('Review rejected or withdrawn candidates idle for more than');
    await months.fill('24');
    await section.getByRole('button', { name: 'Save', exact: true }).click();
    await data.getByText(/Nobody is due/).waitFor();
    await bothThemes('privacy');
    await months.fill('0');
    await section.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Retention policy off').waitFor();
    check(true, 'the retention policy was set and turned off again');
    await data.getByRole('button', { name: 'Close' }).first().click();
    await search('');

    const left = leftovers(dataDir);
    check(left.length === 0, `no file in the data folder holds the erased candidate's words (${left.join(', ')})`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
