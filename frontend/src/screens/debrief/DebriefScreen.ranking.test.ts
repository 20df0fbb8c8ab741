// The debrief ranking: ranks and incomplete groups in the backend's words, its charts, the weights note, the blind rule's notes and export rights.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import DebriefScreen from './DebriefScreen.svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import { calibration, plan, weightChange } from '../../test/fixtures';
import { ada, bob, dan, debriefOf, liveCharts, names, resetDebrief, roles, setup, text, WEIGHTS_NOTE } from './debriefTestKit';

vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/Exports');
vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');
// jsdom has no canvas: record what would be drawn instead.
vi.mock('chart.js', () => import('./fakeChart'));

beforeEach(resetDebrief);

describe('DebriefScreen: ranking', () => {
  it('ranks the complete candidates, then lists the incomplete and unscored ones without a rank, in the words of the backend', async () => {
    await setup();
    expect(Interviews.RoleDebrief).toHaveBeenCalledWith(1);
    expect(screen.getByRole('tab', { name: 'Backend Engineer' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('button', { name: 'Ranking' })).toHaveAttribute('aria-pressed', 'true');
    const table = screen.getByTestId('ranking');
    expect(within(table).getAllByRole('columnheader').map(text)).toEqual([
      'Rank', 'Candidate', 'Stage', 'Composite (0–100)', 'Coverage', 'Uncertainty', 'Recommendations', 'Disagreements',
      // Each count has its label above it, not its colour alone.
      'Strong no', 'No', 'Yes', 'Strong yes',
    ]);

    const rows = screen.getAllByTestId('ranking-row');
    expect(names(rows)).toEqual(['Ada Lovelace', 'Cleo Park', 'Bob Stone', 'Dan Wu', 'Eve Adams']);
    const ranks = rows.map((r) => within(r).getByTestId('rank'));
    expect(ranks.slice(0, 3).map(text)).toEqual(['1', '2', '3']);
    for (const r of ranks.slice(3)) {
      expect(within(r).getByText('—')).toBeInTheDocument();
      expect(r).toHaveTextContent('not ranked'); // for screen readers
    }

    const [a, c, b, d, e] = rows;
    expect(within(a).getByTestId('composite')).toHaveTextContent(/^60\.8/);
    expect(within(a).getByText('Interview')).toBeInTheDocument();
    // Coverage: the percent, with the backend's sentence on hover and for screen readers.
    expect(within(a).getByTestId('coverage')).toHaveTextContent('83%');
    expect(within(a).getByTitle('83% of the plan answered')).toHaveTextContent('83%');
    expect(within(a).getByTestId('uncertainty')).toHaveTextContent('±4.3 between 3 interviewers');
    expect(within(a).getByTestId('disagreements')).toHaveTextContent('2 to discuss');
    const recs = within(a).getAllByTestId('rec-count');
    expect(recs.map(text)).toEqual(['0', '1', '1', '1']);
    // In the four columns under "Recommendations", after rank, candidate, stage, composite, coverage and uncertainty.
    recs.forEach((cell, i) => expect((cell as HTMLTableCellElement).cellIndex).toBe(6 + i));
    // Blake amended a card after seeing the others.
    expect(within(a).getByText('amended after seeing others')).toHaveAttribute(
      'title',
      "1 scorecard amended after the interviewer had seen other interviewers' cards for Ada Lovelace",
    );
    expect(within(c).queryByText('amended after seeing others')).toBeNull();

    expect(within(c).getByTestId('composite')).toHaveTextContent(/^55\.0/);
    expect(within(c).getByTestId('coverage')).toHaveTextContent('100%');
    expect(within(b).getByTestId('uncertainty')).toHaveTextContent('one interviewer: no spread to estimate');
    expect(within(b).getByTestId('disagreements')).toHaveTextContent('none');

    // Dan's composite is higher than Cleo's, but over too little of the plan: not ranked, and the row says why.
    const incomplete = screen.getByTestId('incomplete-group');
    expect(within(incomplete).getByText('Incomplete — below 80% of the plan, not ranked')).toBeInTheDocument();
    expect(names(within(incomplete).getAllByTestId('ranking-row'))).toEqual(['Dan Wu']);
    expect(within(d).getByTestId('composite')).toHaveTextContent(/^58\.3/);
    expect(within(d).getByTestId('coverage')).toHaveTextContent('67% of the plan answered: below the 80% needed to rank');

    expect(within(e).getByTestId('composite')).toHaveTextContent('no scores');
    expect(within(e).getByTestId('coverage')).toHaveTextContent('no scored questions yet');
    expect(within(e).getByTestId('uncertainty')).toHaveTextContent('no scores yet');
    expect(within(incomplete).queryByText('Eve Adams')).toBeNull();
    expect(screen.getByText('No scores yet — not ranked')).toBeInTheDocument();

    // No banner when the weights are as planned.
    expect(screen.queryByTestId('weights-note')).toBeNull();
  });

  it('follows the threshold the backend sends', async () => {
    vi.mocked(Interviews.RoleDebrief).mockResolvedValue(debriefOf({ plan: plan({ coverageThreshold: 0.9 }), candidates: [ada, dan] }));
    await setup();
    expect(within(screen.getByTestId('incomplete-group')).getByText('Incomplete — below 90% of the plan, not ranked')).toBeInTheDocument();
  });

  it('charts the composites on the plan’s weights and the levels each interviewer gives', async () => {
    await setup();
    const bars = liveCharts().find((ch) => ch.config.data.datasets[0]?.label === 'Composite')!;
    expect(bars.config.data.labels).toEqual(['Ada Lovelace', 'Cleo Park', 'Bob Stone', 'Dan Wu (not ranked)']);
    expect(bars.config.data.datasets[0].data).toEqual([60.8, 55, 48.1, 58.3]);
    expect(screen.getByTestId('chart-composites')).toHaveAccessibleName(expect.stringContaining('Dan Wu 58.3 (incomplete, not ranked)'));

    // Raw levels on the pooled 1–5 scale (the 1–4 group has too few to say).
    expect(screen.getByText('Levels given per interviewer')).toBeInTheDocument();
    expect(screen.getByText('(answers scored at each level of the 1–5 scale, all questions)')).toBeInTheDocument();
    const dist = liveCharts().find((ch) => ch.config.data.labels.includes('Casey Moore'))!;
    expect(dist.config.data.labels).toEqual(['Blake Diaz', 'Casey Moore', 'Dev Patel']);
    expect(dist.config.data.datasets.map((s) => s.label)).toEqual(['Level 1', 'Level 2', 'Level 3', 'Level 3.5', 'Level 4', 'Level 5']);
    expect(dist.config.data.datasets.map((s) => s.data)).toEqual([
      [0, 1, 0],
      [2, 0, 1],
      [4, 4, 3],
      [0, 1, 0],
      [3, 4, 4],
      [1, 0, 2],
    ]);
    expect(screen.getByTestId('chart-distribution')).toHaveAccessibleName(expect.stringContaining('Casey Moore: 1 at level 1, 0 at level 2, 4 at level 3'));
    expect(screen.queryByTestId('distribution-empty')).toBeNull();
  });

  it('shows the weights-changed note on the ranking and the candidate, with the weight history', async () => {
    vi.mocked(Interviews.RoleDebrief).mockResolvedValue(
      debriefOf({
        plan: plan({
          changedAfterScoring: true,
          weightsNote: WEIGHTS_NOTE,
          changes: [
            weightChange({ id: 1, label: 'Technical', old: 1, new: 2, reason: 'Platform work needs depth', afterScoring: true, actorName: 'Grace Hopper' }),
            weightChange({ id: 2, label: 'Communication', old: 2, new: 1, reason: 'Balance after the change above', afterScoring: true, actorName: 'Grace Hopper' }),
          ],
        }),
      }),
    );
    const { user } = await setup();
    const note = screen.getByTestId('weights-note');
    expect(note).toHaveRole('note');
    expect(note).toHaveTextContent(WEIGHTS_NOTE);
    await user.click(within(note).getByText('Weight history (2)'));
    const history = within(note).getAllByRole('listitem').map(text);
    expect(history[0]).toMatch(/^Technical: 1 → 2 — Platform work needs depth \(Grace Hopper, /);
    expect(history[1]).toMatch(/^Communication: 2 → 1 — /);

    await user.click(screen.getByRole('button', { name: 'Ada Lovelace' }));
    expect(screen.getByTestId('candidate-debrief')).toBeInTheDocument();
    expect(screen.getByTestId('weights-note')).toHaveTextContent(WEIGHTS_NOTE);

    // Calibration uses raw ratings, not the weights: no note there.
    await user.click(screen.getByRole('button', { name: 'Calibration' }));
    expect(screen.queryByTestId('weights-note')).toBeNull();
  });

  it('says when no scorecards are in yet, and calibration has nothing to compare', async () => {
    vi.mocked(Interviews.RoleDebrief).mockResolvedValue(debriefOf({ candidates: [], calibration: calibration() }));
    const user = userEvent.setup();
    render(DebriefScreen, { roles });
    expect(
      await screen.findByText('No submitted scorecards for this role yet — interviews appear here once interviewers submit them.'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('ranking')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Calibration' }));
    expect(within(screen.getByTestId('calibration')).getByText('No submitted scores to compare yet.')).toBeInTheDocument();
    // No statistics to unfold.
    expect(screen.queryByRole('button', { name: /^Show the statistics/ })).toBeNull();
    expect(screen.queryByTestId('leniency-row')).toBeNull();
  });

  it('says how many candidates the blind rule hides, why there are no ranks, and why exports are off', async () => {
    const rankNote = 'No ranks while 3 candidates of this role are hidden from you: a rank among the ones you see would mislead.';
    const exportNote = "The committee workbook holds every interviewer's scorecards, so only the recruiter exports it.";
    vi.mocked(Interviews.RoleDebrief).mockResolvedValue(debriefOf({ candidates: [bob], hidden: 3, rankNote, exportNote }));
    await setup();
    expect(screen.getByTestId('hidden-note')).toHaveTextContent('3 candidates hidden until you have submitted every round you interview them in.');
    expect(screen.getByTestId('rank-note')).toHaveTextContent(rankNote);
    expect(screen.getByTestId('export-reason')).toHaveTextContent(exportNote);
    expect(screen.getByRole('button', { name: 'Export workbook…' })).toBeDisabled();
    expect(screen.getByRole('button', { name: /Export CSV/ })).toBeDisabled();
  });

  it('lets the recruiter export when Go allows it', async () => {
    vi.mocked(Interviews.RoleDebrief).mockResolvedValue(debriefOf({ candidates: [bob], hidden: 0, exportNote: '' }));
    await setup();
    expect(screen.getByRole('button', { name: 'Export workbook…' })).toBeEnabled();
    expect(screen.queryByTestId('export-reason')).toBeNull();
  });
});
