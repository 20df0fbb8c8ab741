// End-to-end step: a rubric file chosen in the native open dialog is refused
// with every problem by path, fixed on disk and imported again.
import { writeFileSync } from 'node:fs';
import { answerDialog, bothThemes, check, page, withTempFile } from './kit.mjs';

const rubric = (anchorsKey) => `format: hirebench.rubric/v1
name: E2E take-home review
scale:
  min: 1
  max: 4
  labels: [No evidence, Partial, Solid, Strong]
competencies:
  - id: evals
    name: Evaluation discipline
    questions:
      - id: q1
        prompt: How did you measure whether the model change helped?
        ${anchorsKey}:
          - No measurement; judged by a few examples
          - A small ad-hoc test set, no baseline
          - A fixed eval set with a baseline and a metric
          - Versioned evals in CI, regressions block the release
`;

export async function rubricImport() {
  const list = page.getByRole('complementary', { name: 'Rubrics' });
  await withTempFile('team-rubric.yaml', rubric('anchor'), async (path) => {
    await answerDialog('open', 'Import a rubric', path, () =>
      list.getByRole('button', { name: 'Import…' }).click());
    const refused = page.getByRole('alert').filter({ hasText: 'team-rubric.yaml was not imported' });
    await refused.waitFor({ timeout: 60000 });
    const problems = await refused.getByRole('listitem').allTextContents();
    check(problems.some((p) => p.startsWith('competencies[0].questions[0].anchor: Unknown field')),
      `a refused rubric names each problem by path (${problems.join(' | ')})`);
    await bothThemes('rubric-import-refused');

    // Fixed on disk: Go reads the same file again, no second dialog.
    writeFileSync(path, rubric('anchors'));
    await refused.getByRole('button', { name: 'Import team-rubric.yaml again' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported E2E take-home review from team-rubric.yaml' }).waitFor();
    await list.getByText('E2E take-home review').first().waitFor();
    check(true, 'the fixed rubric file imported on the second try');
  });
}
