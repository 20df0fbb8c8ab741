// End-to-end step: the Data… dialog lists the snapshot taken when the app
// opened, "Back up now" saves a checked copy through the native save dialog,
// restoring that file (chosen in the open dialog, confirmed) takes back a
// change made since, and restoring the snapshot kept before it brings the
// change back, so the workspace ends as it began.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerDialog, bothThemes, check, page } from './kit.mjs';

const THROWAWAY = 'Rex Restorewell';

const dataDialog = () => page.getByRole('dialog', { name: 'Workspace data — backups and privacy' });

async function openData() {
  // The candidate drawer covers the header's tools: close it first, as a person would.
  const close = page.getByRole('button', { name: 'Close detail' });
  if (await close.isVisible()) await close.click();
  await page.getByRole('button', { name: 'Data…' }).click();
  await dataDialog().getByRole('table', { name: 'Automatic snapshots' }).waitFor({ timeout: 30000 });
  return dataDialog();
}

// search shows the candidates list for q and waits for it to settle.
async function search(q) {
  const box = page.getByLabel('Search candidates');
  await box.fill('');
  await box.fill(q);
}

// replace confirms a restore and waits for the page to load again on the
// restored workspace (a mark set on this page is gone once it reloaded).
async function replace(confirm) {
  await page.evaluate(() => { window.__beforeRestore = true; });
  await confirm.getByRole('button', { name: 'Replace the workspace' }).click();
  await page.waitForFunction(() => !window.__beforeRestore && window.go && window.go.app && window.go.app.Workspace, null, { timeout: 60000 });
  await page.locator('#profile').waitFor({ timeout: 30000 });
}

export async function backups() {
  const dir = mkdtempSync(join(tmpdir(), 'hirebench-e2e-backup-'));
  const file = join(dir, 'e2e-backup.db');
  try {
    let data = await openData();
    const rows = data.getByRole('table', { name: 'Automatic snapshots' }).getByRole('row');
    check((await rows.count()) >= 2, 'the snapshot taken when the app opened is listed');

    await answerDialog('save', 'Back up the workspace', file, () => data.getByRole('button', { name: 'Back up now…' }).click());
    await data.getByTestId('backup-saved').filter({ hasText: 'e2e-backup.db' }).waitFor({ timeout: 60000 });
    check(statSync(file).size > 0, 'Back up now saved a checked copy where the save dialog said');
    await bothThemes('backups');
    await data.getByRole('button', { name: 'Close' }).first().click();

    // A change made after the backup.
    await page.getByTitle('New candidate (n)').click();
    const form = page.getByRole('dialog', { name: 'New candidate' });
    await form.getByLabel('Full name').fill(THROWAWAY);
    await form.getByRole('button', { name: 'Add candidate' }).click();
    await form.waitFor({ state: 'detached' });
    await search('restorewell');
    await page.getByTestId('candidate-row').filter({ hasText: THROWAWAY }).waitFor();

    // Restore the backup: checked and described first, replaced only once confirmed.
    data = await openData();
    await answerDialog('open', 'Choose a backup to restore', file, () => data.getByRole('button', { name: 'Restore from a file…' }).click());
    const confirm = data.getByRole('group', { name: 'Confirm the restore' });
    await confirm.waitFor({ timeout: 60000 });
    const words = await confirm.textContent();
    check(/It holds (\d+) candidates?/.test(words) && /now (\d+) candidates?/.test(words),
      `the confirmation says what the backup holds and what it replaces (${words.replace(/\s+/g, ' ').trim()})`);
    await bothThemes('backups-restore-confirm');
    await replace(confirm);
    await search('restorewell');
    await page.getByText('No candidates match').waitFor();
    check(true, 'restoring the backup took back the candidate added after it');

    // The workspace as it was before the restore is the newest snapshot.
    data = await openData();
    const newest = data.getByRole('table', { name: 'Automatic snapshots' }).getByRole('row').nth(1);
    await newest.getByRole('button', { name: /Restore the snapshot of/ }).click();
    const again = data.getByRole('group', { name: 'Confirm the restore' });
    await again.waitFor();
    await replace(again);
    await search('restorewell');
    await page.getByTestId('candidate-row').filter({ hasText: THROWAWAY }).waitFor();
    check(true, 'restoring the snapshot kept before the restore brought the candidate back');
    await search('');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
