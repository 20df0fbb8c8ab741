// End-to-end: a calibration drill on the demo workspace (after the demo
// phase). Sam, an interviewer, opens the built-in rubric, chooses Practise and
// scores every sample (32) with the level keys; the reference levels stay
// hidden until Go's result, which gives exact and within-one agreement, the
// bias in words and the anchors misread, and says practice is complete. The
// recruiter's debrief then says who on a candidate's panel practised.
// Screenshots light and dark: drill-1-sample, drill-2-result, drill-3-debrief.
import { BASE, bothThemes, browser, check, errors, OUT, page } from './kit.mjs';

const go = (screen) => page.getByRole('button', { name: screen, exact: true }).click();
const said = async (locator) => (await locator.textContent()).replace(/\s+/g, ' ').trim();

try {
  await page.goto(BASE, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.go && window.go.app && window.go.app.Interviews, null, { timeout: 30000 });
  const riley = page.getByRole('button', { name: /Riley Chen/ });
  await Promise.race([riley.waitFor(), page.locator('#profile').waitFor()]);
  if (await riley.isVisible()) await riley.click();
  await page.locator('#profile').selectOption({ label: 'Sam Okafor' });

  await go('Rubrics');
  await page.getByRole('complementary', { name: 'Rubrics' }).getByText('OpenAI platform developer (built-in)').first().click();
  await page.getByRole('button', { name: 'Practise', exact: true }).click();
  const drill = page.getByRole('region', { name: 'Practice', exact: true });
  const count = drill.getByRole('status').filter({ hasText: /of \d+ scored/ });
  await count.waitFor();
  const total = Number((await said(count)).match(/of (\d+) scored/)[1]);
  check(total === 32, `the drill holds every sample of the rubric (${total})`);
  check((await drill.getByText(/The rubric: \d/).count()) === 0, 'no reference level is shown while scoring');
  await bothThemes('drill-1-sample');

  for (let i = 1; i <= total; i++) {
    await page.keyboard.press('3');
    if (i < total) await drill.getByRole('status').filter({ hasText: `${i} of ${total} scored` }).waitFor();
  }
  const result = page.getByRole('region', { name: 'Practice result' });
  await result.waitFor();
  const text = await said(result);
  // Every sample at 3 against levels 1–4 (eight of each): exact 25%, within one 75%, bias (2+1+0−1)/4 = +0.5.
  check(/25%\s*at the rubric's level/.test(text) && /75%\s*within one level/.test(text), `agreement as computed by hand (${text.slice(0, 80)}…)`);
  check(text.includes('You scored 0.5 levels above the reference on average: more lenient than the rubric.'), 'the bias in plain words');
  check(text.includes('Practice complete on OpenAI platform developer (built-in)'), 'a drill of every sample completes practice');
  check((await result.getByRole('listitem').count()) === 24, 'each of the 24 misread samples lists the rubric\'s anchor beside the one chosen');
  await bothThemes('drill-2-result');

  // The recruiter's option carries more than her name ("Riley Chen · recruiter").
  await page.locator('#profile').selectOption(await page.locator('#profile option', { hasText: 'Riley Chen' }).getAttribute('value'));
  await go('Debrief');
  await page.getByRole('tab', { name: 'Senior AI Engineer' }).click();
  await page.getByTestId('ranked-group').getByTestId('ranking-row').first().getByRole('button').first().click();
  const marks = page.getByLabel('Calibration practice');
  await marks.waitFor();
  const line = await said(marks);
  check(/— (not )?practised/.test(line) && (!line.includes('Sam Okafor') || line.includes('Sam Okafor — practised')),
    `the debrief says who on the panel practised (${line})`);
  await marks.scrollIntoViewIfNeeded();
  await bothThemes('drill-3-debrief');
  check(errors.length === 0, `no page errors (${errors.join('; ')})`);
} catch (e) {
  await page.screenshot({ path: `${OUT}/failure-drill.png` }).catch(() => {});
  console.error(e);
  process.exitCode = 1;
} finally {
  await browser.close();
}
