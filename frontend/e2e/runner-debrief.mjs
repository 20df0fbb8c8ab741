// End-to-end step on the demo workspace (after the demo phase): the interview
// runner fits one 1280×800 screen (question, anchors, scores and notes,
// measured from their boxes) and still works stacked at 900 px; a score moves
// on with "Scored 4 on Q1" in a live region; the profile's setting in Go turns
// that off; the debrief labels its recommendation counts (text contrast
// measured in both themes), never clips a question or a competency name and
// draws a radar only when its labels fit; calibration opens with Go's bottom
// line, the statistics one click away. The bottom line shown is written to
// OUT/ui-bottom-line.json for e2e.sh to compare with the command line.
import { writeFileSync } from 'node:fs';
import { BASE, bothThemes, browser, check, errors, OUT, page } from './kit.mjs';

const ROLE = 'Senior AI Engineer';
const HEADLINES = [
  'Your interviewers agree well enough to rank these candidates.',
  'Your interviewers agree only roughly: use the ranking as a guide and discuss close calls before deciding.',
  'Your interviewers agree too little to rely on the ranking: discuss before deciding.',
  'Too few scores to say whether your interviewers agree: treat the ranking as provisional.',
];

const question = () => page.getByTestId('question');
const questionId = () => question().getAttribute('data-question-id');
const advance = () => page.getByRole('checkbox', { name: 'Move to the next question after scoring' });

// What of the current question lies outside the window, and how far its pane scrolls.
function measureRunner() {
  return page.evaluate(() => {
    const parts = {
      question: document.querySelector('#q-prompt'),
      anchors: document.querySelector('[role="group"][aria-label="Score"]'),
      notes: document.querySelector('#q-notes'),
    };
    document.querySelectorAll('[data-testid^="score-"]').forEach((b, i) => (parts[`score ${i + 1}`] = b));
    const out = [];
    for (const [name, el] of Object.entries(parts)) {
      const r = el.getBoundingClientRect();
      if (r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) out.push(`${name} at ${Math.round(r.top)}–${Math.round(r.bottom)}`);
    }
    const main = document.querySelector('[data-testid="interview-runner"] .main');
    return { outside: out, scroll: main.scrollHeight - main.clientHeight, sideways: main.scrollWidth - main.clientWidth,
      notesHeight: Math.round(parts.notes.getBoundingClientRect().height) };
  });
}

// WCAG contrast of every recommendation count in the ranking, with the
// opacity of the chip and its ancestors blended in.
function countContrast() {
  return page.evaluate(() => {
    const parse = (c) => {
      const n = c.match(/[\d.]+/g).map(Number);
      return [n[0], n[1], n[2], n.length > 3 ? n[3] : 1];
    };
    const over = (top, under) => [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])).concat(1);
    const background = (el) => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]);
    };
    const lum = (c) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
    };
    return [...document.querySelectorAll('[data-testid="ranking"] [data-rec]')].map((el) => {
      let o = 1;
      for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
      const behind = background(el.parentElement);
      const chip = background(el);
      const text = over(parse(getComputedStyle(el).color), chip);
      const [fg, bg] = [text, chip].map((c) => over([c[0], c[1], c[2], o], behind));
      const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      return { rec: el.dataset.rec, n: el.textContent.trim(), ratio: (a + 0.05) / (b + 0.05) };
    });
  });
}

function clipped() {
  return page.evaluate(() => {
    const cut = (el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
    const prompts = [...document.querySelectorAll('[data-testid="matrix"] .prompt')];
    const names = [...document.querySelectorAll('[data-testid="competency-means"] .cname')];
    return { prompts: prompts.length, names: names.length, cut: [...prompts, ...names].filter(cut).map((e) => e.textContent.trim().slice(0, 50)) };
  });
}

async function openRunner() {
  await page.getByRole('button', { name: 'Board', exact: true }).click();
  await page.getByRole('tab', { name: ROLE }).click();
  for (const stage of ['Applied', 'Screen']) {
    const cards = page.locator(`section[data-stage="${stage}"]`).getByTestId('board-card');
    await cards.first().waitFor();
    for (let i = 0; i < Math.min(await cards.count(), 6); i++) {
      await cards.nth(i).click();
      const drawer = page.getByRole('complementary', { name: 'Candidate detail' });
      const action = drawer.getByRole('article', { name: /^Phone screen/ }).getByTestId('round-action').filter({ hasText: /Start interview|Resume interview/ });
      await drawer.getByRole('article', { name: /^Phone screen/ }).first().waitFor({ timeout: 5000 }).catch(() => {});
      if (await action.count()) {
        await action.first().click();
        await question().waitFor();
        return;
      }
      await page.getByRole('button', { name: 'Close detail' }).click();
    }
  }
  throw new Error('no candidate whose phone screen the recruiter can start');
}

try {
  await page.goto(BASE, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.go && window.go.app && window.go.app.Interviews, null, { timeout: 30000 });
  const riley = page.getByRole('button', { name: /Riley Chen/ });
  await Promise.race([riley.waitFor(), page.locator('#profile').waitFor()]);
  if (await riley.isVisible()) await riley.click();
  await page.locator('#profile').waitFor();

  // ---- the runner at 1280×800: every question fits, nothing scrolls.
  await openRunner();
  check(await advance().isChecked(), 'moving on after scoring is on by default');
  const ids = await page.getByRole('navigation', { name: 'Questions' }).getByTestId(/^jump-(?!finish)/).evaluateAll((els) => els.map((e) => e.dataset.testid.slice(5)));
  await page.getByTestId(`jump-${ids[0]}`).click();
  for (const id of ids) {
    await page.locator(`[data-testid="question"][data-question-id="${id}"]`).waitFor();
    const m = await measureRunner();
    check(m.outside.length === 0 && m.scroll <= 0 && m.sideways <= 0,
      `at 1280×800 question ${id} fits: question, anchors, scores and notes (${m.notesHeight} px tall) inside the window, no scrolling (${m.outside.join('; ') || 'all inside'}; pane scrolls ${m.scroll} px)`);
    await page.keyboard.press('ArrowRight');
  }
  await page.getByTestId(`jump-${ids[0]}`).click();
  await bothThemes('runner-fit');

  // ---- a score moves on, and says so.
  await page.keyboard.press('4');
  await page.locator(`[data-testid="question"][data-question-id="${ids[1]}"]`).waitFor();
  const said = page.getByTestId('score-confirmation');
  check((await said.textContent()).includes('Scored 4 on Q1') && (await said.getAttribute('aria-live')) === 'polite',
    `a key scores and moves on to the next question, saying "${(await said.textContent()).trim()}" in a live region`);
  await page.keyboard.press('2');
  await page.locator(`[data-testid="question"][data-question-id="${ids[2]}"]`).waitFor();
  check((await page.getByTestId(`jump-${ids[0]}`).textContent()).includes('✓ 4') && (await page.getByTestId(`jump-${ids[1]}`).textContent()).includes('✓ 2'),
    'typing 4 then 2 scored two questions: the first answer was not overwritten');
  await page.getByTestId(`score-3`).click();
  await page.locator(`[data-testid="question"][data-question-id="${ids[3]}"]`).waitFor();
  check((await said.textContent()).includes('Scored 3 on Q3'), 'a click on a score moves on too');
  await bothThemes('runner-scored');

  // ---- the setting, kept with the profile in Go.
  await advance().uncheck();
  await page.keyboard.press('1');
  await page.getByTestId('score-confirmation').filter({ hasText: 'Scored 1 on Q4' }).waitFor();
  check((await questionId()) === ids[3], 'with the setting off, a score stays on its question');
  await page.getByTestId('runner-close').click();
  await page.getByTestId('interview-runner').waitFor({ state: 'detached' });
  await page.getByRole('complementary', { name: 'Candidate detail' }).getByRole('article', { name: /^Phone screen/ })
    .getByTestId('round-action').filter({ hasText: 'Resume interview' }).click();
  await question().waitFor();
  check(!(await advance().isChecked()), 'the setting is still off when the runner opens again (stored in Go)');
  await advance().check();

  // ---- 900 px wide: stacked, still usable.
  await page.setViewportSize({ width: 900, height: 800 });
  await page.getByTestId(`jump-${ids[0]}`).click();
  const stacked = await page.evaluate(() => {
    const levels = [...document.querySelectorAll('[role="group"][aria-label="Score"] > *')].map((l) => l.getBoundingClientRect());
    const main = document.querySelector('[data-testid="interview-runner"] .main');
    return { rows: levels.every((r, i) => i === 0 || r.top >= levels[i - 1].bottom - 1), sideways: main.scrollWidth - main.clientWidth };
  });
  check(stacked.rows && stacked.sideways <= 0, 'at 900 px the levels stack one under another, nothing scrolls sideways');
  await page.getByTestId('question-notes').scrollIntoViewIfNeeded();
  await page.getByTestId('score-3').click();
  await page.getByTestId('score-confirmation').filter({ hasText: 'Scored 3 on Q1' }).waitFor();
  check(true, 'at 900 px a click scores and the confirmation shows');
  await page.getByTestId(`jump-${ids[0]}`).click();
  await bothThemes('runner-900');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('runner-close').click();
  await page.getByTestId('interview-runner').waitFor({ state: 'detached' });
  // The candidate's drawer comes back under the runner: close it, as a person would.
  const close = page.getByRole('button', { name: 'Close detail' });
  await close.waitFor({ timeout: 5000 }).catch(() => {});
  if (await close.isVisible()) await close.click();
  await page.getByRole('complementary', { name: 'Candidate detail' }).waitFor({ state: 'detached' });

  // ---- the debrief: labelled counts with contrast in both themes.
  await page.getByRole('button', { name: 'Debrief', exact: true }).click();
  await page.getByRole('tab', { name: ROLE }).click();
  await page.getByTestId('ranking-row').first().waitFor();
  const headers = (await page.getByTestId('ranking').getByRole('columnheader').allTextContents()).map((t) => t.trim());
  check(['Strong no', 'No', 'Yes', 'Strong yes'].every((l) => headers.includes(l)), 'each recommendation column is labelled in words');
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(200);
    const chips = await countContrast();
    const zeros = chips.filter((c) => c.n === '0');
    const worst = chips.reduce((a, c) => (c.ratio < a.ratio ? c : a), { ratio: Infinity });
    check(chips.length > 0 && zeros.length > 0 && worst.ratio >= 4.5,
      `${scheme}: every count, zeros too (${zeros.length}), reads at WCAG AA (lowest ${worst.ratio.toFixed(2)}:1, ${worst.rec} ${worst.n})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  const line = (await page.getByTestId('agreement-line').textContent()).replace(/\s+/g, ' ').trim();
  await bothThemes('debrief-labels');

  // ---- one candidate: nothing clipped; a radar only where its labels fit.
  await page.getByTestId('ranked-group').getByTestId('ranking-row').first().getByRole('button').first().click();
  await page.getByTestId('matrix').waitFor();
  const cuts = await clipped();
  check(cuts.prompts > 0 && cuts.names > 0 && cuts.cut.length === 0,
    `${cuts.prompts} questions and ${cuts.names} competency names shown whole (${cuts.cut.join('; ') || 'none cut'})`);
  const recs = await page.getByTestId('candidate-debrief').getByRole('group', { name: 'Recommendations' })
    .evaluate((g) => [...g.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim()));
  check(['Strong no', 'No', 'Yes', 'Strong yes'].every((l, i) => recs[i]?.endsWith(l)), `the candidate's counts carry their labels (${recs.join(' · ')})`);
  // The radar decides when the candidate opens: open it again at each width.
  const radarAt = async (width) => {
    await page.setViewportSize({ width, height: 800 });
    await page.getByRole('button', { name: 'Ranking', exact: true }).click();
    await page.getByTestId('ranked-group').getByTestId('ranking-row').first().getByRole('button').first().click();
    await page.getByTestId('matrix').waitFor();
    await page.waitForTimeout(500);
    const chart = page.getByTestId('chart-competencies');
    return (await chart.count()) ? { kind: await chart.getAttribute('data-kind'), fit: await chart.getAttribute('data-fit') } : null;
  };
  const wide = await radarAt(1280);
  check(!wide || (wide.kind === 'radar' && wide.fit === 'true'), `at 1280 px ${wide ? 'the radar fits its labels' : 'the profile is the bars alone (no room for a radar\'s labels)'}`);
  const narrow = await radarAt(1024);
  const comps = await page.getByTestId('competency-means').getByRole('listitem').count();
  check(comps < 3 || (narrow && narrow.kind === 'radar' && narrow.fit === 'true'),
    `at 1024 px, with the profile below the matrix, ${comps} competencies make a radar whose labels fit`);
  if (narrow) await page.getByTestId('chart-competencies').scrollIntoViewIfNeeded();
  await bothThemes('debrief-radar');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('matrix').scrollIntoViewIfNeeded();
  await bothThemes('debrief-candidate-wrapped');

  // ---- calibration: the bottom line first, the statistics one click away.
  await page.getByRole('button', { name: '← Back to ranking' }).click();
  await page.getByRole('button', { name: 'Calibration', exact: true }).click();
  const bottom = page.getByTestId('calibration-bottom-line');
  await bottom.waitFor();
  const headline = (await bottom.getByRole('heading').first().textContent()).trim();
  const verdict = await bottom.getAttribute('data-verdict');
  check(HEADLINES.includes(headline) && line.includes(headline), `calibration opens with one bottom line, also over the ranking: "${headline}"`);
  const basis = (await bottom.locator('.basis').textContent()).trim();
  check(basis.length > 0, `and says what it rests on: "${basis}"`);
  const toggle = page.getByTestId('calibration-details-toggle');
  check((await toggle.getAttribute('aria-expanded')) === 'false' && (await page.getByTestId('stat-icc_2_1').count()) === 0,
    'the ICC and alpha tables are folded away');
  await bothThemes('calibration-bottom-line');
  await toggle.click();
  await page.getByTestId('stat-alpha_ordinal').first().waitFor();
  check(true, 'one click shows the ICC and alpha details');
  await bothThemes('calibration-details');
  writeFileSync(`${OUT}/ui-bottom-line.json`, JSON.stringify({ role: ROLE, verdict, headline }));

  check(errors.length === 0, `no page errors (${errors.join('; ')})`);
} catch (e) {
  await page.screenshot({ path: `${OUT}/failure-runner-debrief.png` }).catch(() => {});
  console.error(e);
  process.exitCode = 1;
} finally {
  await browser.close();
}
