// The debrief's Fairness view: offered only when Go says this profile may; per decision each group's numbers with flagged rows marked in words, "too few to judge" in Go's words, mean scores with the question that separates groups most, Go's explanations and empty state; editing the categories through Go.
import { screen, within } from '@testing-library/svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import * as Candidates from '../../lib/wailsjs/go/app/Candidates';
import type { FairnessView, SelfIDCategory } from '../../lib/api';
import { ui } from '../../lib/stores/ui.svelte';
import { backendError, rights } from '../../test/fixtures';
import { resetDebrief, setup, text } from './debriefTestKit';

vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/Exports');
vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');
vi.mock('chart.js', () => import('./fakeChart'));

const cells = (r: HTMLElement) => Array.from(r.children).map((c) => text(c));
const FLAGGED = 'below four-fifths of the highest rate, and unlikely to be chance';
const TOO_FEW = 'too few to judge (fewer than 20)';
const EXPLAINED = { term: 'Four-fifths rule', text: "Go's words for the four-fifths rule." };
const EMPTY = "Nobody in this role has answered yet (Go's words).";

const row = (group: string, n: number, selected: number, ratio: number | null, flag: boolean, p: number | null, verdict: string) => ({
  group, n, selected, rate: selected / n, impact_ratio: ratio ?? undefined, four_fifths_flag: flag, fisher_p: p ?? undefined, too_few: n < 20, verdict,
});
const meanRow = (group: string, n: number, mean: number, difference?: number, ci?: [number, number], d?: number) => ({
  group, n, mean, too_few: n < 20, vs_rest: difference === undefined ? undefined : { n_a: n, n_b: 10, mean_a: mean, mean_b: 0, difference, ci, df: 20, d },
});

function fairnessView(over: Partial<FairnessView> = {}): FairnessView {
  return {
    report: {
      people: 80, responded: 77, notes: ['77 of 80 people in this role answered at least one self-identification question.'],
      decisions: [{
        name: 'Screen → Interview', considered: 77, pending: 3,
        categories: [{
          category: 'Gender',
          report: { groups: [
            row('Woman', 30, 9, 0.6, true, 0.0213, FLAGGED),
            row('Man', 40, 20, 1, false, 0.04, 'within four-fifths of the highest rate'),
            row('Non-binary', 3, 1, 0.667, true, 1, TOO_FEW),
          ], n: 73, selected: 30, highest: ['Man'], min_n: 20, notes: ['With 3 groups, some p-values fall below 0.05 by chance alone.'] },
          undisclosed: [row('Prefer not to say', 4, 2, null, false, null, 'counted, not compared')], hidden: [],
        }],
      }],
      means: [{
        category: 'Gender',
        measures: [
          { name: 'Interview composite', key: '', groups: [meanRow('Woman', 12, 61.5, -3.2, [-9.1, 2.7], -0.21), meanRow('Man', 15, 64.7, 3.2, [-2.7, 9.1], 0.21)], undisclosed: [], hidden: [], largestD: 0.21, standsOut: false },
          { name: 'Design a rate limiter', key: 'q1', groups: [meanRow('Woman', 12, 50, -12.5, [-20.1, -4.9], -0.91), meanRow('Man', 15, 62.5, 12.5, [4.9, 20.1], 0.91)], undisclosed: [], hidden: [], largestD: 0.91, standsOut: true },
        ],
      }],
    },
    empty: '', explanations: [EXPLAINED], editNote: 'Renaming a category leaves its answers uncounted (Go).', ...over,
  } as FairnessView;
}

beforeEach(() => {
  resetDebrief();
  vi.mocked(Interviews.Fairness).mockResolvedValue(fairnessView());
});

describe('DebriefScreen: fairness', () => {
  it('is not offered to an interviewer', async () => {
    ui.rights = rights(false);
    await setup();
    expect(screen.queryByRole('button', { name: 'Fairness' })).toBeNull();
    expect(Interviews.Fairness).not.toHaveBeenCalled();
  });

  it("shows each group's numbers, marks a flagged group in words and says too few to judge in Go's words", async () => {
    ui.rights = rights(true);
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Fairness' }));
    const view = await screen.findByTestId('fairness');
    expect(Interviews.Fairness).toHaveBeenCalledWith(1);
    const decision = await within(view).findByRole('region', { name: 'Screen → Interview' });
    expect(decision).toHaveTextContent('77 decided on · 3 still waiting, left out');
    const table = within(decision).getByRole('table', { name: 'Gender' });
    expect(within(table).getAllByRole('row').slice(1).map(cells)).toEqual([
      ['Woman', '30', '9', '30.0%', '0.60', '⚑ Below four-fifths', '0.021', FLAGGED],
      ['Man', '40', '20', '50.0%', '1.00', 'No', '0.040', 'within four-fifths of the highest rate'],
      ['Non-binary', '3', '1', '33.3%', '0.67', '⚑ Below four-fifths', '1.000', TOO_FEW],
      ['Prefer not to say', '4', '2', '50.0%', '—', '—', '—', 'counted, not compared'],
    ]);
    // Only a group large enough to judge marks its whole row.
    const marked = within(table).getAllByTestId('fairness-row').filter((r) => r.classList.contains('flagged'));
    expect(marked.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Woman']);
    expect(decision).toHaveTextContent('With 3 groups, some p-values fall below 0.05 by chance alone.');
  });

  it('shows mean composites with the difference and its interval, and marks the question that separates groups most', async () => {
    ui.rights = rights(true);
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Fairness' }));
    const composite = await screen.findByRole('table', { name: 'Gender: Interview composite' });
    expect(within(composite).getAllByRole('row').slice(1).map(cells)).toEqual([
      ['Woman · too few to judge', '12', '61.5', '−3.2 [−9.1, +2.7]', '−0.21'],
      ['Man · too few to judge', '15', '64.7', '+3.2 [−2.7, +9.1]', '0.21'],
    ]);
    const questions = screen.getAllByTestId('fairness-question');
    expect(questions.map(cells)).toEqual([['Design a rate limiter⚑ Separates groups most', '0.91']]);
    expect(questions[0]).toHaveAttribute('data-standout', 'true');
    expect(text(composite)).not.toContain('⚑');
  });

  it("explains the numbers in Go's words", async () => {
    ui.rights = rights(true);
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Fairness' }));
    const about = await screen.findByTestId('fairness-explanations');
    expect(within(about).getByText(EXPLAINED.term)).toBeInTheDocument();
    expect(within(about).getByText(EXPLAINED.text)).toBeInTheDocument();
  });

  it("says what to do when nobody has answered yet, in Go's words", async () => {
    ui.rights = rights(true);
    vi.mocked(Interviews.Fairness).mockResolvedValue(fairnessView({ empty: EMPTY, report: { people: 5, responded: 0, decisions: [], means: [], notes: [] } as never }));
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Fairness' }));
    expect(await screen.findByTestId('fairness-empty')).toHaveTextContent(EMPTY);
    expect(screen.queryAllByTestId('fairness-decision')).toHaveLength(0);
  });

  it('edits the categories through Go, which places its refusal on the field it names', async () => {
    ui.rights = rights(true);
    const cats: SelfIDCategory[] = [{ name: 'Gender', options: ['Woman', 'Man'] }];
    vi.mocked(Candidates.SelfIDCategories).mockResolvedValue(cats);
    vi.mocked(Candidates.SetSelfIDCategories).mockRejectedValueOnce(
      backendError('invalid', 'A category needs a name of 1 to 60 characters.', [{ field: 'categories[1].name', message: 'A category needs a name of 1 to 60 characters' }]),
    );
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Fairness' }));
    await user.click(await screen.findByRole('button', { name: 'Edit categories…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Self-identification categories' });
    expect(dialog).toHaveTextContent('Renaming a category leaves its answers uncounted (Go).');
    expect(await within(dialog).findAllByTestId('category')).toHaveLength(1);
    expect(dialog).toHaveTextContent('+ Prefer not to say (always offered)');
    await user.click(within(dialog).getByRole('button', { name: '+ Add a category' }));
    const added = within(dialog).getAllByTestId('category')[1];
    await user.type(within(added).getByRole('textbox', { name: 'Answers, one a line' }), 'Yes{Enter}No{Enter}');
    await user.click(within(dialog).getByRole('button', { name: 'Save categories' }));
    expect(await within(added).findByRole('alert')).toHaveTextContent('A category needs a name of 1 to 60 characters');
    expect(within(added).getByRole('textbox', { name: 'Category' })).toHaveAttribute('aria-invalid', 'true');

    vi.mocked(Candidates.SetSelfIDCategories).mockResolvedValueOnce([]);
    await user.type(within(added).getByRole('textbox', { name: 'Category' }), 'Caregiver');
    await user.clear(within(dialog).getAllByRole('textbox', { name: 'Category' })[0]);
    await user.type(within(dialog).getAllByRole('textbox', { name: 'Category' })[0], 'Gender identity');
    await user.click(within(dialog).getByRole('button', { name: 'Save categories' }));
    expect(Candidates.SetSelfIDCategories).toHaveBeenLastCalledWith([
      { name: 'Gender identity', options: ['Woman', 'Man'] },
      { name: 'Caregiver', options: ['Yes', 'No'] },
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
