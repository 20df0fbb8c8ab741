// End-to-end step on the demo workspace: the layout from 900 px (the window's
// minimum) up. On every main screen (each role's board, candidates, a candidate
// drawer, debrief, rubrics, the runner) at 900, 1024 and 1280 px wide the page
// never scrolls sideways and every top-bar control lies whole inside the
// window, on one line and uncovered (the drawer opens below the bar); at
// 1280 px all of it shows with nothing in the More menu, which is keyboard
// driven at 900 px. Boards wider than the window scroll inside themselves and
// a button names the stages past the edge until the last one shows. No request
// fails, the favicon included. Screenshots: build/e2e/layout-*.png.
import { BASE, bothThemes, browser, check, errors, OUT, page } from './kit.mjs';

const WIDTHS = [900, 1024, 1280];
const TOOLS = ['Bundles…', 'Data…', 'AI…'];
const failed = [];
page.on('response', (r) => {
  if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
});

const bar = () => page.getByTestId('top-bar');
const drawer = () => page.getByRole('complementary', { name: 'Candidate detail' });

// What is wrong with the page and its top bar at this size, in words.
function problems() {
  return page.evaluate(() => {
    const out = [];
    const s = document.scrollingElement;
    if (s.scrollWidth > s.clientWidth) out.push(`the page scrolls sideways by ${s.scrollWidth - s.clientWidth} px`);
    const top = document.querySelector('[data-testid="top-bar"]');
    const tb = top.getBoundingClientRect();
    const canvas = document.createElement('canvas').getContext('2d');
    const textWidth = (el, text) => {
      const cs = getComputedStyle(el);
      canvas.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      return canvas.measureText(text).width;
    };
    // The width a select needs to show its chosen option whole, from a copy sized to it alone.
    const selectNeeds = (el) => {
      const copy = el.cloneNode(false);
      copy.removeAttribute('id');
      copy.style.cssText = 'position:absolute;visibility:hidden;width:auto;min-width:0;max-width:none;inset:auto';
      const o = document.createElement('option');
      o.textContent = el.selectedOptions[0]?.textContent ?? '';
      copy.append(o);
      document.body.append(copy);
      const w = copy.getBoundingClientRect().width;
      copy.remove();
      return w;
    };
    const controls = [...top.querySelectorAll('button, select, input')].filter((el) => el.checkVisibility() && !el.closest('[role="menu"]'));
    for (const el of controls) {
      const name = el.getAttribute('aria-label') || el.labels?.[0]?.textContent.trim() || el.textContent.trim() || el.id;
      const r = el.getBoundingClientRect();
      if (r.left < 0 || r.right > innerWidth || r.top < 0 || r.bottom > innerHeight) {
        out.push(`"${name}" lies outside the window (${Math.round(r.left)}–${Math.round(r.right)} of ${innerWidth} px)`);
        continue;
      }
      const mid = (r.top + r.bottom) / 2;
      if (Math.abs(mid - (tb.top + tb.bottom) / 2) > 6) out.push(`"${name}" is not on the bar's one line`);
      const hit = document.elementFromPoint((r.left + r.right) / 2, mid);
      if (hit && hit !== el && !el.contains(hit)) out.push(`"${name}" is covered by ${hit.tagName.toLowerCase()}.${hit.className}`);
      if (el.tagName === 'BUTTON' && el.scrollWidth > el.clientWidth + 1) out.push(`"${name}" is cut`);
      if (el.tagName === 'SELECT' && r.width + 0.5 < selectNeeds(el)) out.push(`"${name}" shows "${el.selectedOptions[0]?.textContent}" cut`);
      if (el.tagName === 'INPUT' && el.placeholder) {
        const cs = getComputedStyle(el);
        const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
        if (textWidth(el, el.placeholder) > room) out.push(`the placeholder "${el.placeholder}" is cut`);
      }
    }
    return out;
  });
}

// ready: what shows the screen is there (measured only once it is).
async function atEveryWidth(screen, ready, extra) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await ready.first().waitFor();
    await page.waitForTimeout(150);
    const found = [...(await problems()), ...((await extra?.(width)) ?? [])];
    check(found.length === 0, `${screen} at ${width} px: ${found.join('; ') || 'no sideways scroll, every top-bar control whole, on one line and uncovered'}`);
  }
}

// A board wider than its window: the later-stages button brings each cut stage in until the last shows whole.
async function boardReachable(role, width) {
  const out = [];
  const geometry = () =>
    page.evaluate(() => {
      const sc = document.querySelector('[aria-label="Pipeline board"]');
      const cols = [...sc.querySelectorAll('section[data-stage]')];
      const last = cols[cols.length - 1].getBoundingClientRect();
      return { over: sc.scrollWidth - sc.clientWidth, atEnd: sc.scrollLeft >= sc.scrollWidth - sc.clientWidth - 1, lastStage: cols[cols.length - 1].dataset.stage,
        lastWhole: last.left >= 0 && last.right <= innerWidth };
    });
  let g = await geometry();
  if (g.over <= 0) return out;
  const later = page.getByRole('button', { name: /^Scroll to later stages/ });
  for (let i = 0; i < 10 && (await later.count()); i++) {
    await later.click();
    await page.waitForTimeout(500);
  }
  g = await geometry();
  if (!g.atEnd || !g.lastWhole) out.push(`the ${g.lastStage} column of ${role} is not reached by the later-stages button`);
  const earlier = page.getByRole('button', { name: /^Scroll to earlier stages/ });
  if (!(await earlier.count())) out.push('no earlier-stages button once scrolled');
  else console.log(`ok - ${role} at ${width} px: "${(await earlier.textContent()).trim()}" and the ${g.lastStage} column reached inside the board`);
  await page.evaluate(() => document.querySelector('[aria-label="Pipeline board"]').scrollTo({ left: 0 }));
  return out;
}

async function openRunner() {
  await page.getByRole('button', { name: 'Board', exact: true }).click();
  await page.getByRole('tab', { name: 'Senior AI Engineer' }).click();
  for (const stage of ['Applied', 'Screen']) {
    const cards = page.locator(`section[data-stage="${stage}"]`).getByTestId('board-card');
    await cards.first().waitFor();
    for (let i = 0; i < Math.min(await cards.count(), 6); i++) {
      await cards.nth(i).click();
      const action = drawer().getByTestId('round-action').filter({ hasText: /Start interview|Resume interview/ });
      await drawer().getByTestId('round-action').first().waitFor({ timeout: 5000 }).catch(() => {});
      if (await action.count()) {
        await action.first().click();
        await page.getByTestId('question').waitFor();
        return true;
      }
      await page.getByRole('button', { name: 'Close detail' }).click();
    }
  }
  return false;
}

try {
  await page.goto(BASE, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.go && window.go.app && window.go.app.Interviews, null, { timeout: 30000 });
  const riley = page.getByRole('button', { name: /Riley Chen/ });
  await Promise.race([riley.waitFor(), page.locator('#profile').waitFor()]);
  if (await riley.isVisible()) await riley.click();
  await page.locator('#profile').waitFor();

  // ---- the favicon: linked, served, and nothing on the page 404s.
  const icons = await page.locator('link[rel~="icon"]').evaluateAll((ls) => ls.map((l) => l.href));
  for (const href of new Set([...icons, new URL('/favicon.ico', BASE).href])) {
    const res = await page.request.get(href);
    check(res.ok() && (res.headers()['content-type'] ?? '').startsWith('image/'), `${new URL(href).pathname} is served (${res.status()} ${res.headers()['content-type']})`);
  }
  check(icons.some((h) => h.endsWith('.svg')), `index.html links an SVG icon (${icons.join(', ')})`);

  // ---- the top bar at 1280: everything inline.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForTimeout(150);
  const inline = await Promise.all(TOOLS.map((t) => bar().getByRole('button', { name: t, exact: true }).isVisible()));
  check(inline.every(Boolean) && (await bar().getByRole('button', { name: /^Theme/ }).isVisible()) && !(await bar().getByRole('button', { name: 'More' }).count()),
    'at 1280 px Bundles…, Data…, AI… and the theme are all in the bar, no More menu');
  check((await bar().evaluate((b) => b.offsetHeight)) < 60, 'the top bar is one line at 1280 px');

  // ---- at 900: the rest in a More menu, by keyboard alone.
  await page.setViewportSize({ width: 900, height: 800 });
  await page.waitForTimeout(150);
  const more = bar().getByRole('button', { name: 'More' });
  await more.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'More' });
  await menu.waitFor();
  const items = (await menu.getByRole('menuitem').allTextContents()).map((t) => t.trim());
  const radios = (await menu.getByRole('menuitemradio').allTextContents()).map((t) => t.trim());
  const inBar = await Promise.all(TOOLS.map((t) => bar().getByRole('button', { name: t, exact: true }).count()));
  check(TOOLS.every((t, i) => inBar[i] || items.includes(t)) && radios.length === 3, `at 900 px the More menu holds ${[...items, ...radios].join(', ')}`);
  const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
  const first = await focused();
  await page.keyboard.press('ArrowDown');
  const second = await focused();
  check(first === (items[0] ?? radios[0]) && second !== first, `Enter opens it on "${first}", ↓ moves to "${second}"`);
  await bothThemes('layout-more-menu-900');
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'detached' });
  check(await more.evaluate((b) => b === document.activeElement), 'Escape closes the menu and gives focus back to More');
  await page.keyboard.press('Space');
  await menu.waitFor();
  await page.keyboard.press('End');
  check((await focused()).includes('Dark'), 'Space opens it too; End reaches the last item');
  await page.keyboard.press('Enter');
  check((await page.evaluate(() => document.documentElement.dataset.theme)) === 'dark', 'choosing Dark in the menu switches the theme');
  await more.click();
  await menu.getByRole('menuitemradio', { name: /Auto/ }).click();
  check((await page.evaluate(() => document.documentElement.dataset.theme)) === undefined, 'and Auto gives it back to the system');

  // ---- every role's board.
  await page.getByRole('button', { name: 'Board', exact: true }).click();
  const roles = (await page.getByRole('tab').allTextContents()).map((t) => t.replace(/On hold|Closed/, '').trim());
  for (const role of roles) {
    await page.getByRole('tab', { name: role }).click();
    await page.locator('section[data-stage]').first().waitFor();
    await atEveryWidth(`board "${role}"`, page.locator('section[data-stage]'), async (width) => {
      const out = await boardReachable(role, width);
      const plan = await page.evaluate(() => {
        const b = [...document.querySelectorAll('button')].find((x) => x.textContent.trim() === 'Interview plan…');
        const tab = document.querySelector('[role="tab"]');
        // Whether the tabs, "+ New role" and the role's two buttons would fit one row.
        const strip = tab.parentElement;
        const cs = getComputedStyle(strip);
        const gap = parseFloat(cs.columnGap) || 0;
        const widths = [...strip.querySelectorAll('button')]
          .filter((x) => x.getAttribute('role') === 'tab' || /^(\+ New role|Role & pipeline…|Interview plan…)$/.test(x.textContent.trim()))
          .map((x) => x.getBoundingClientRect().width);
        const need = widths.reduce((w, x) => w + x + gap, -gap);
        const room = strip.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
        return { height: b.offsetHeight, single: tab.offsetHeight, fits: need <= room, sameRow: Math.abs(b.getBoundingClientRect().top - tab.getBoundingClientRect().top) < 4 };
      });
      if (plan.height > plan.single + 2) out.push(`"Interview plan…" wraps (${plan.height} px tall)`);
      if (plan.fits && !plan.sameRow) out.push('"Interview plan…" leaves the role tabs\' row though they fit on one');
      return out;
    });
    if (role === 'LLM Platform Engineer') {
      for (const width of [900, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await page.locator('section[data-stage]').first().waitFor();
        await bothThemes(`layout-board-${width}`);
      }
    }
  }

  // ---- candidates, and a candidate's drawer below the top bar.
  await page.getByRole('button', { name: 'Candidates', exact: true }).click();
  await page.getByTestId('candidate-row').first().waitFor();
  const rows = page.getByTestId('candidate-row');
  await atEveryWidth('candidates', rows);
  for (const width of [900, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await rows.first().waitFor();
    await bothThemes(`layout-candidates-${width}`);
  }
  await page.getByTestId('candidate-row').first().click();
  await drawer().waitFor();
  await atEveryWidth('a candidate drawer', drawer().getByRole('button', { name: 'Close detail' }), async () => {
    const [d, b] = await Promise.all([drawer().boundingBox(), bar().boundingBox()]);
    return d.y + 0.5 < b.y + b.height ? [`the drawer starts at ${Math.round(d.y)} px, over the top bar (${Math.round(b.height)} px)`] : [];
  });
  await page.setViewportSize({ width: 1024, height: 800 });
  await bothThemes('layout-drawer-1024');
  await page.getByRole('button', { name: 'Close detail' }).click();

  // ---- debrief and rubrics.
  await page.getByRole('button', { name: 'Debrief', exact: true }).click();
  await atEveryWidth('debrief', page.getByTestId('ranking-row'));
  await page.getByRole('button', { name: 'Rubrics', exact: true }).click();
  await atEveryWidth('rubrics', page.getByRole('complementary', { name: 'Rubrics' }));

  // ---- the runner, when a phone screen is there to start or resume.
  await page.setViewportSize({ width: 1280, height: 800 });
  if (await openRunner()) {
    await atEveryWidth('the interview runner', page.getByTestId('question'));
    await page.getByTestId('runner-close').click();
    await page.getByTestId('interview-runner').waitFor({ state: 'detached' });
  } else console.log('# skip - no phone screen to open the runner on');

  check(failed.length === 0, `no request failed (${failed.join(', ') || 'none'})`);
  check(errors.length === 0, `no page errors (${errors.join('; ')})`);
} catch (e) {
  await page.screenshot({ path: `${OUT}/failure-layout.png` }).catch(() => {});
  console.error(e);
  process.exitCode = 1;
} finally {
  await browser.close();
}
