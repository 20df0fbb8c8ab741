// End-to-end step on the demo workspace: Undo and where toasts sit. A card
// dragged on a board is put back by the toast's Undo (a reload agrees, its
// time in the stage kept); a rejection is undone with Ctrl+Z; the toast's box
// covers no column of the board (the moved card's header included) nor the
// candidate drawer, at 1280 and 900 px; archiving from the drawer is undone
// too. A search that only an archived candidate matches says "1 archived
// match — show", and show lists them; leaving the Candidates screen clears
// the search. Screenshots: build/e2e/undo-*.png, light and dark.
import { BASE, bothThemes, browser, check, errors, page } from './kit.mjs';

const ROLE = 'Conversational AI Developer';

const toast = () => page.getByTestId('toast');
const undo = () => toast().getByRole('button', { name: 'Undo' });
const column = (stage) => page.locator(`section[data-stage="${stage}"]`);
const cardIn = (stage, name) => column(stage).getByTestId('board-card').filter({ has: page.locator('.cname', { hasText: name }) });
const drawer = () => page.getByRole('complementary', { name: 'Candidate detail' });

// Which of the boxes named by selectors the toast overlaps, by name.
function toastOverlaps(selectors) {
  return page.evaluate((sels) => {
    const t = document.querySelector('[data-testid="toast"]').getBoundingClientRect();
    const hit = [];
    for (const sel of sels) {
      for (const el of document.querySelectorAll(sel)) {
        const r = el.getBoundingClientRect();
        if (r.width && r.height && r.left < t.right && t.left < r.right && r.top < t.bottom && t.top < r.bottom) {
          hit.push(`${sel} "${(el.getAttribute('aria-label') || el.textContent).trim().slice(0, 40)}"`);
        }
      }
    }
    return { hit, box: [t.left, t.top, t.right, t.bottom].map(Math.round) };
  }, selectors);
}

async function openBoard() {
  await page.getByRole('button', { name: 'Board', exact: true }).click();
  await page.getByRole('tab', { name: ROLE }).click();
  await column('Applied').getByTestId('board-card').first().waitFor();
}

async function stageOf(name) {
  return page.locator('section[data-stage]').filter({ has: page.locator('.kcard .cname', { hasText: name }) }).getAttribute('data-stage');
}

try {
  await page.goto(BASE, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.go && window.go.app && window.go.app.Candidates, null, { timeout: 30000 });
  const riley = page.getByRole('button', { name: /Riley Chen/ });
  await Promise.race([riley.waitFor(), page.getByTestId('top-bar').waitFor()]);
  if (await riley.isVisible()) await riley.click();
  await page.getByTestId('top-bar').waitFor();
  await openBoard();

  // ---- a drag, undone from the toast.
  const first = column('Applied').getByTestId('board-card').first();
  const name = (await first.locator('.cname').textContent()).trim();
  const since = (await first.locator('.meta').textContent()).trim();
  await first.dragTo(column('Screen'));
  await cardIn('Screen', name).waitFor();
  await toast().filter({ hasText: `${name} moved to Screen` }).waitFor();
  check(await undo().isVisible(), `dragging ${name} to Screen says so with an Undo in the toast`);
  const onBoard = await toastOverlaps(['section[data-stage]', 'section[data-stage] header', '.kcard']);
  check(onBoard.hit.length === 0, `the toast (${onBoard.box.join(', ')}) covers no column, column header or card: ${onBoard.hit.join('; ') || 'none'}`);
  await toast().hover(); // it waits while the pointer is on it
  await bothThemes('undo-toast');
  await undo().click();
  await toast().filter({ hasText: `${name} is back in Applied` }).waitFor();
  await cardIn('Applied', name).waitFor();
  check(true, `Undo put ${name} back in Applied`);
  await page.reload({ waitUntil: 'domcontentloaded' });
  await openBoard();
  await cardIn('Applied', name).waitFor();
  const after = (await cardIn('Applied', name).locator('.meta').textContent()).trim();
  check((await stageOf(name)) === 'Applied' && after === since, `after a reload ${name} is in Applied with its time in the stage kept ("${after}")`);

  // ---- a rejection, undone with Ctrl+Z.
  const from = 'Screen';
  const victim = column(from).getByTestId('board-card').first();
  const vname = (await victim.locator('.cname').textContent()).trim();
  await victim.dragTo(column('Rejected'));
  const dialog = page.getByRole('dialog', { name: `Reject ${vname}` });
  await dialog.waitFor();
  await dialog.getByLabel('Reason').selectOption({ index: 1 });
  await dialog.getByRole('button', { name: 'Reject' }).click();
  await toast().filter({ hasText: `${vname} rejected` }).waitFor();
  await cardIn('Rejected', vname).waitFor();
  await bothThemes('undo-reject');
  await page.keyboard.press('Control+z');
  await toast().filter({ hasText: `${vname} is back in ${from}` }).waitFor();
  await cardIn(from, vname).waitFor();
  check((await cardIn(from, vname).locator('.reason').count()) === 0, `Ctrl+Z undid the rejection: ${vname} is back in ${from}, no reason shown`);
  await page.reload({ waitUntil: 'domcontentloaded' });
  await openBoard();
  await cardIn(from, vname).waitFor();
  check((await stageOf(vname)) === from, `after a reload ${vname} is still in ${from}`);

  // ---- the drawer: archiving undone, the toast beside the drawer at 1280 and 900 px.
  for (const width of [1280, 900]) {
    await page.setViewportSize({ width, height: 800 });
    await cardIn('Applied', name).click();
    await drawer().waitFor();
    await drawer().getByRole('button', { name: 'Archive', exact: true }).click();
    await toast().filter({ hasText: `${name} archived` }).waitFor();
    const beside = await toastOverlaps(['aside.drawer']);
    check(beside.hit.length === 0, `at ${width} px the toast (${beside.box.join(', ')}) stays beside the drawer, covering none of it`);
    if (width === 1280) await bothThemes('undo-drawer');
    await undo().click();
    await toast().filter({ hasText: `${name} restored` }).waitFor();
    await drawer().getByRole('button', { name: 'Archive', exact: true }).waitFor();
    check(true, `at ${width} px Undo restored ${name} from the drawer's toast`);
    await page.getByRole('button', { name: 'Close detail' }).click();
    await drawer().waitFor({ state: 'detached' });
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  // ---- search: an archived match is said, and shown on request.
  await cardIn('Applied', name).click();
  await drawer().getByRole('button', { name: 'Archive', exact: true }).click();
  await drawer().getByRole('button', { name: 'Restore', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Close detail' }).click();
  const search = page.getByRole('searchbox', { name: 'Search candidates' });
  await search.fill(name);
  const line = page.getByTestId('archived-matches');
  await line.waitFor();
  check((await line.textContent()).includes('1 archived match — show') && !(await page.getByText(/No candidates match/).count()),
    `searching "${name}" says "${(await line.textContent()).trim()}" instead of "No candidates match"`);
  await bothThemes('undo-archived-search');
  await line.getByRole('button', { name: 'show' }).click();
  const row = page.getByTestId('candidate-row').filter({ hasText: name });
  await row.waitFor();
  check((await row.textContent()).includes('archived'), `"show" lists ${name}, marked archived`);
  await row.click();
  await drawer().getByRole('button', { name: 'Restore', exact: true }).click();
  await drawer().getByRole('button', { name: 'Archive', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Close detail' }).click();
  await page.getByRole('button', { name: 'Board', exact: true }).click();
  check((await search.inputValue()) === '', 'leaving the Candidates screen clears the search box');

  check(errors.length === 0, `no page errors (${errors.join('; ') || 'none'})`);
} finally {
  await browser.close();
}
