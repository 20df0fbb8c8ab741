// One candidate's debrief: the heading numbers, the who-said-what matrix with shares, skips and notes, and the competency profile.
import { screen, within } from '@testing-library/svelte';
import { Chart } from 'chart.js';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import { candidateDebrief, competencyScore } from '../../test/fixtures';
import { ada, C1, C2, debriefOf, LEGACY, liveCharts, LONG_PROMPT, resetDebrief, setup, T1, T2, text } from './debriefTestKit';

vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/Exports');
vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');
// jsdom has no canvas: record what would be drawn instead.
vi.mock('chart.js', () => import('./fakeChart'));

beforeEach(resetDebrief);

describe('DebriefScreen: one candidate', () => {
  async function openAda() {
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Ada Lovelace' }));
    const view = screen.getByTestId('candidate-debrief');
    const matrix = within(view).getByTestId('matrix');
    const rows = within(matrix).getAllByTestId('matrix-row');
    const row = (prompt: string) => rows.find((r) => within(r).getByRole('rowheader').textContent?.includes(prompt))!;
    /** The row's cells: share of plan, Avery, Blake, Casey, mean, range. */
    const cells = (prompt: string) => within(row(prompt)).getAllByRole('cell');
    return { user, view, matrix, rows, row, cells };
  }

  it('heads the debrief with the composite, coverage, uncertainty and the amended-after-seeing mark', async () => {
    const { view } = await openAda();
    expect(screen.getByRole('button', { name: 'Candidate · Ada Lovelace' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(view).getByRole('heading', { name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(within(view).getByTestId('candidate-composite')).toHaveTextContent('60.8');
    expect(within(view).getByText('Rank 1')).toBeInTheDocument();
    expect(within(view).getByTestId('candidate-coverage')).toHaveTextContent('83% of the plan answered');
    expect(within(view).getByTestId('candidate-uncertainty')).toHaveTextContent('±4.3 between 3 interviewers');
    // Each count with its label written beside it.
    const tally = within(view).getByRole('group', { name: 'Recommendations' });
    expect(Array.from(tally.children).map(text)).toEqual(['0 Strong no', '1 No', '1 Yes', '1 Strong yes']);
    expect(within(view).getAllByText('2 to discuss')).toHaveLength(1);
    const marks = within(view).getAllByTestId('amended-after-seeing');
    expect(marks[0]).toHaveTextContent('amended after seeing others (1 scorecard)');
  });

  it('lays the scores out by interviewer and competency, with each question’s share of the plan', async () => {
    const { matrix, rows, row, cells } = await openAda();
    const headers = within(matrix.querySelector('thead')!).getAllByRole('columnheader');
    expect(headers.map(text)).toEqual([
      'Question',
      'Share of plan',
      'Avery Chen own composite 58.3 Technical screen',
      'Blake Diaz own composite 65.0 Onsite amended after seeing others',
      'Casey Moore own composite 50.0 Onsite, Hiring manager',
      'Mean (0–100)',
      'Range',
    ]);
    expect(within(headers[3]).getByTestId('amended-after-seeing')).toBeInTheDocument();

    expect(text(within(matrix).getByRole('columnheader', { name: /^Technical/ }))).toBe('Technical · 66.7% of the plan · 57.3 / 100');
    expect(text(within(matrix).getByRole('columnheader', { name: /^Communication/ }))).toBe('Communication · 33.3% of the plan · 75.0 / 100');

    expect(rows).toHaveLength(6);
    expect(cells(T1).map(text)).toEqual(['16.7%', '3 Solid', '2 Developing', 'not asked', '45.8', '25–67 of 100']);
    expect(within(row(T1)).getByText('scale 1–4 and 1–5')).toBeInTheDocument();
    expect(within(row(T1)).getByText('Solid').closest('[title]')).toHaveAttribute('title', 'Avery Chen, Technical screen: 3 Solid (scale 1–4)');
    expect(cells(LONG_PROMPT)[0]).toHaveTextContent('33.3%');

    // The long prompt is there in full, also on hover.
    const prompt = within(row(LONG_PROMPT)).getByRole('rowheader');
    expect(prompt).toHaveTextContent(LONG_PROMPT);
    expect(prompt).toHaveAttribute('title', `${LONG_PROMPT}\nScale 1–4 and 1–5`);

    // Disagreements flagged.
    expect(row(T2)).toHaveAttribute('data-disagreement', 'true');
    expect(within(row(T2)).getByText('Discuss')).toBeInTheDocument();
    expect(row(T1)).toHaveAttribute('data-disagreement', 'false');
    expect(within(row(T1)).queryByText('Discuss')).toBeNull();
  });

  it('shows both answers when an interviewer asked a question in two rounds, and a skip with its reason', async () => {
    const { row, cells } = await openAda();
    const twice = cells(C1)[3];
    expect(text(within(twice).getByTitle('Casey Moore, Onsite: 2 Developing (scale 1–5)'))).toBe('2 Developing Onsite');
    expect(text(within(twice).getByTitle('Casey Moore, Hiring manager: 4 Strong (scale 1–5)'))).toBe('4 Strong Hiring manager');
    expect(cells(C1).map(text).slice(4)).toEqual(['75.0', '2–5']);
    expect(within(row(C1)).getByText('Discuss')).toBeInTheDocument();

    const skip = cells(C2)[2];
    expect(within(skip).getByText('skipped').closest('[title]')).toHaveAttribute('title', 'Blake Diaz, Onsite skipped: ran out of time');
    expect(skip).toHaveTextContent('skipped: ran out of time'); // for screen readers
    expect(cells(C2).map(text)).toEqual(['16.7%', 'not asked', 'skipped: ran out of time', 'not asked', '—', '—']);
  });

  it('marks a question the plan no longer asks', async () => {
    const { row, cells } = await openAda();
    expect(row(LEGACY)).toHaveTextContent('not in the plan (weight 0)');
    expect(cells(LEGACY).map(text)).toEqual(['not in the plan (weight 0)', '3 Solid', 'not asked', 'not asked', '66.7', '3']);
    expect(row(T1)).not.toHaveTextContent('not in the plan');
  });

  it('shows notes on hover and on demand', async () => {
    const { user, matrix, row } = await openAda();
    const notes = within(row(T2)).getByRole('button', { name: 'Notes from Avery Chen' });
    expect(notes).toHaveAttribute('title', 'Found the missing index in minutes');
    expect(within(row(T2)).getByText('Exceptional').closest('[title]')).toHaveAttribute(
      'title',
      'Avery Chen, Technical screen: 4 Exceptional (scale 1–4) — Found the missing index in minutes',
    );
    expect(notes).toHaveAttribute('aria-expanded', 'false');
    await user.click(notes);
    expect(notes).toHaveAttribute('aria-expanded', 'true');
    const expanded = within(matrix).getByTestId('notes-row');
    expect(expanded).toHaveTextContent('Avery Chen (Technical screen) — Found the missing index in minutes');
    expect(expanded).toHaveTextContent('Blake Diaz (Onsite) — Needed hints on EXPLAIN');
    await user.click(notes);
    expect(within(matrix).queryByTestId('notes-row')).toBeNull();

    // A skip's reason is a note too.
    await user.click(within(row(C2)).getByRole('button', { name: 'Notes from Blake Diaz' }));
    expect(within(matrix).getByTestId('notes-row')).toHaveTextContent('Blake Diaz (Onsite) skipped: ran out of time');
  });

  it('lists every skip and every plan question nobody scored, and the competency profile', async () => {
    const { user, view } = await openAda();
    const skips = within(view).getByTestId('skips');
    expect(within(skips).getByRole('heading', { name: 'Skipped (1)' })).toBeInTheDocument();
    expect(within(skips).getAllByRole('listitem').map(text)).toEqual([`${C2} Blake Diaz, Onsite: ran out of time`]);
    const uncovered = within(view).getByTestId('uncovered');
    expect(within(uncovered).getByRole('heading', { name: 'Not covered (1)' })).toBeInTheDocument();
    expect(within(uncovered).getAllByRole('listitem').map(text)).toEqual([`${C2} Communication · 16.7% of the plan`]);

    const means = within(view).getByTestId('competency-means');
    expect(within(means).getAllByRole('listitem').map(text)).toEqual([
      'Technical 57.3 66.7% of the plan · 100% answered',
      'Communication 75.0 33.3% of the plan · 50% answered',
    ]);
    // Two competencies: the bars are the profile; a radar needs three.
    expect(within(view).queryByTestId('chart-competencies')).toBeNull();
    expect(liveCharts().some((ch) => ch.config.data.datasets[0]?.label === 'Competency (0–100)')).toBe(false);

    await user.click(within(view).getByRole('button', { name: '← Back to ranking' }));
    expect(screen.getAllByTestId('ranking-row')).toHaveLength(5);
    expect(screen.getByRole('button', { name: 'Ranking' })).toHaveAttribute('aria-pressed', 'true');
  });

  describe('the competency profile', () => {
    const NAMES = ['Function calling, tools & output control', 'Retrieval vs fine-tuning judgment', 'Monitoring & caching'];
    async function openThree() {
      const competencies = NAMES.map((name, i) => competencyScore({ id: `c${i}`, name, weight: 1 / 3, norm: 80 - 20 * i, coverage: 1 }));
      vi.mocked(Interviews.RoleDebrief).mockResolvedValue(debriefOf({ candidates: [candidateDebrief('Interview', 1, { ...ada.debrief, competencies })] }));
      const { user } = await setup();
      await user.click(screen.getByRole('button', { name: 'Ada Lovelace' }));
      return screen.getByTestId('candidate-debrief');
    }
    const radar = () => liveCharts().find((ch) => ch.config.data.datasets[0]?.label === 'Competency (0–100)');

    it('from three competencies is a radar whose names are wrapped onto lines, and listed in full beside it', async () => {
      const view = await openThree();
      expect(radar()!.config.type).toBe('radar');
      expect(radar()!.config.data.labels).toEqual([
        ['Function', 'calling, tools &', 'output control'],
        ['Retrieval vs', 'fine-tuning', 'judgment'],
        ['Monitoring &', 'caching'],
      ]);
      expect(radar()!.config.data.datasets[0].data).toEqual([80, 60, 40]);
      const means = within(view).getByTestId('competency-means');
      expect(within(means).getAllByRole('listitem').map((li) => li.querySelector('.cname')!.textContent)).toEqual(NAMES);
    });

    it('is not drawn when Chart.js finds no room for every label', async () => {
      // The layout Chart.js reports: a label box past the canvas's left edge.
      (Chart as unknown as { layout: unknown }).layout = {
        width: 256, height: 300, scales: { r: { drawingArea: 70, _pointLabelItems: [{ left: -12, top: 4, right: 90, bottom: 40 }] } },
      };
      const view = await openThree();
      expect(radar()).toBeUndefined();
      expect(within(view).queryByTestId('chart-competencies')).toBeNull();
      expect(within(within(view).getByTestId('competency-means')).getAllByRole('listitem')).toHaveLength(3);
    });
  });

  it('says so when nothing was skipped or left uncovered', async () => {
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Cleo Park' }));
    const view = screen.getByTestId('candidate-debrief');
    expect(within(view).getByTestId('skips')).toHaveTextContent('No question was skipped.');
    expect(within(view).getByTestId('uncovered')).toHaveTextContent('Every question of the plan was scored by at least one interviewer.');
    expect(within(view).queryByTestId('amended-after-seeing')).toBeNull();
    expect(within(view).getByTestId('candidate-coverage')).toHaveTextContent('100% of the plan answered');
    expect(within(view).getByTestId('candidate-uncertainty')).toHaveTextContent('±2.5 between 2 interviewers');
  });

  it('says why an incomplete candidate is not ranked', async () => {
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Dan Wu' }));
    const view = screen.getByTestId('candidate-debrief');
    expect(within(view).getByTestId('candidate-coverage')).toHaveTextContent('67% of the plan answered: below the 80% needed to rank');
    expect(within(view).queryByText(/^Rank/)).toBeNull();
    expect(within(view).getByText('No questions in the plan and no answers on these scorecards yet.')).toBeInTheDocument();
  });
});
