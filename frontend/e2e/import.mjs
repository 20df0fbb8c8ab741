// End-to-end: the import wizard on another ATS's export, in the real window on
// the demo workspace (run after the demo phase). The file has a Job and a
// Current Stage column, one bad row, one job title no role has (mapped to a
// role in the wizard), one the recruiter leaves skipped and one stage name that
// needs mapping. Every step is shown in turn, every step names the bad row by
// row and column, and the counts the steps show are the ones the Import button
// and the result use. Screenshots of each step, light and dark.
import { BASE, answerDialog, bothThemes, browser, check, errors, OUT, page, withTempFile } from './kit.mjs';

const IMPORT_CSV = 'Full Name,E-mail,Phone,Source,Tags,Job,Current Stage\n' +
  'Imani Importwell,imani.importwell@example.com,+44 20 7946 1111,Referral,"python, evals",Senior AI Engineer,Phone screen\n' +
  'Broken Row,not-an-email,,Agency,,Senior AI Engineer,Screen\n' +
  'Omar Importwell,omar.importwell@example.com,,Greenhouse,,conversational ai developer,interview\n' +
  'Priya Importwell,priya.importwell@example.com,,Greenhouse,,Prompt Whisperer,Applied\n' +
  'Sam Skipwell,sam.skipwell@example.com,,Greenhouse,,Astronaut,Offer\n';

const wizard = () => page.getByRole('dialog', { name: 'Import candidates' });
const said = async (locator) => (await locator.textContent()).replace(/\s+/g, ' ').trim();

/** The counts line says exactly this (Go's counts), and the bad row is named by its row and column. */
async function countsAre(step, want) {
  const w = wizard();
  await w.getByTestId('import-counts').filter({ hasText: want }).waitFor();
  const errs = await said(w.getByTestId('import-errors'));
  check(errs.includes('Row 3, column “E-mail”: "not-an-email" is not a valid email address'),
    `${step}: "${want}", and the bad row is named by row and column (${errs})`);
}

async function next(heading) {
  await wizard().getByRole('button', { name: 'Next' }).click();
  await wizard().getByRole('heading', { name: heading, exact: true }).waitFor();
}

try {
  await page.goto(BASE, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.go && window.go.app && window.go.app.Transfer, null, { timeout: 30000 });
  const riley = page.getByRole('button', { name: /Riley Chen/ });
  await Promise.race([riley.waitFor(), page.locator('#profile').waitFor()]);
  if (await riley.isVisible()) await riley.click();
  await page.locator('#profile').waitFor();

  await page.getByRole('button', { name: 'Candidates', exact: true }).click();
  await page.getByRole('button', { name: 'Import candidates…' }).click();
  const w = wizard();
  await w.getByLabel('Apply imported candidates to').selectOption({ label: 'Senior AI Engineer' });
  // Go reads the file from disk: chosen in the native open dialog (answered by
  // xdotool), read again for every preview and on commit.
  await withTempFile('greenhouse-export.csv', IMPORT_CSV, async (csvPath) => {
    await answerDialog('open', 'Choose a candidate file', csvPath, () => w.getByRole('button', { name: 'Choose file…' }).click());
    await w.getByTestId('import-file-name').waitFor({ timeout: 60000 });
    const chosen = await said(w.getByTestId('import-file-name'));
    check(chosen === `greenhouse-export.csv (${IMPORT_CSV.length} B)`, `the wizard shows the chosen file and its size (${chosen})`);
    check(await w.getByRole('heading', { name: 'Choose a file', exact: true }).isVisible(), 'choosing a file stays on the first step');
    await countsAre('file step', '2 to import (2 new, 0 merged) · 2 skipped · 1 with errors');
    await bothThemes('import-1-file');

    await next('Map columns');
    check(await w.getByLabel('Job (role)').inputValue() !== '-1' && await w.getByLabel('Current stage').inputValue() !== '-1',
      'the Job and Current Stage columns are guessed');
    await countsAre('mapping step', '2 to import (2 new, 0 merged) · 2 skipped · 1 with errors');
    await bothThemes('import-2-mapping');

    await next('Roles and stages');
    const skips = await said(w.getByTestId('import-skips'));
    check(skips.includes('job "Prompt Whisperer": no role has this title (row 5)') && skips.includes('job "Astronaut": no role has this title (row 6)'),
      `unknown job titles are skipped, never created, until mapped (${skips})`);
    const phone = w.getByLabel('Stage for “Phone screen” in Senior AI Engineer');
    check(await phone.inputValue() === 'Applied', 'an unknown stage name starts in the first stage until chosen');
    await w.getByLabel('Role for “Prompt Whisperer”').selectOption({ label: 'LLM Platform Engineer' });
    await phone.selectOption('Screen');
    await countsAre('roles and stages step', '3 to import (3 new, 0 merged) · 1 skipped · 1 with errors');
    await bothThemes('import-3-roles');

    await next('Import');
    await countsAre('import step', '3 to import (3 new, 0 merged) · 1 skipped · 1 with errors');
    const button = w.getByRole('button', { name: 'Import 3 candidates' });
    check(await button.isDisabled(), 'with a bad row the import waits for a choice');
    await w.getByLabel('Import only the 3 valid rows').check();
    await bothThemes('import-4-import');
    await button.click();
    const result = w.getByTestId('import-result');
    await result.waitFor();
    const done = await said(result);
    check(done.startsWith('3 imported, 1 skipped, 1 with errors left out.') && done.includes('Left out with errors: row 3.'),
      `the result uses the preview's numbers (${done})`);
    await bothThemes('import-5-result');
  });
  await w.getByTestId('import-close').click();
  await page.getByLabel('Search candidates').fill('importwell');
  await page.getByTestId('candidate-row').filter({ hasText: 'Priya Importwell' }).waitFor();
  check((await page.getByTestId('candidate-row').filter({ hasText: 'Importwell' }).count()) === 3, 'the three imported candidates are searchable');
  check(errors.length === 0, `no page errors (${errors.join('; ')})`);
} catch (e) {
  await page.screenshot({ path: `${OUT}/failure-import.png` }).catch(() => {});
  console.error(e);
  process.exitCode = 1;
} finally {
  await browser.close();
}
