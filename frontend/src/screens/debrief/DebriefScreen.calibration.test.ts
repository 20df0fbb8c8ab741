// The debrief's calibration view: pooled and per-competency agreement, leniency, and the backend's sentences shown as they are.
import { screen, within } from '@testing-library/svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import { calibration, calibrationGroup, raterLeniency } from '../../test/fixtures';
import { count, debriefOf, GO, GO_BOTTOM_LINE, GO_CAVEATS, GO_LENIENCY, GO_STATS, goReport, liveCharts, openCalibration, resetDebrief, setup, text } from './debriefTestKit';

vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/Exports');
vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');
// jsdom has no canvas: record what would be drawn instead.
vi.mock('chart.js', () => import('./fakeChart'));

beforeEach(resetDebrief);

describe('DebriefScreen: calibration', () => {
  it("opens with Go's bottom line, what it rests on and why other figures read otherwise; the statistics one click away", async () => {
    const { user } = await setup();
    // The ranking says it too, with the way to the reasons.
    expect(screen.getByTestId('agreement-line')).toHaveTextContent(`Interviewer agreement: ${GO_BOTTOM_LINE.headline}`);
    await user.click(within(screen.getByTestId('agreement-line')).getByRole('button', { name: 'Why' }));
    expect(screen.getByRole('button', { name: 'Calibration' })).toHaveAttribute('aria-pressed', 'true');

    const cal = screen.getByTestId('calibration');
    const bottom = within(cal).getByRole('region', { name: GO_BOTTOM_LINE.headline });
    expect(bottom).toHaveAttribute('data-verdict', 'roughly');
    expect(bottom).toHaveTextContent(GO_BOTTOM_LINE.basis);
    expect(within(bottom).getByRole('list', { name: 'Why other figures can read otherwise' })).toBeInTheDocument();
    expect(within(bottom).getAllByRole('listitem').map(text)).toEqual(GO_BOTTOM_LINE.differences);
    // The statistics stay folded until asked for.
    expect(within(cal).queryByTestId('stat-icc_2_1')).toBeNull();
    expect(within(cal).queryByTestId('calibration-competency-row')).toBeNull();
    const toggle = within(cal).getByRole('button', { name: /^Show the statistics/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(within(cal).getAllByTestId('stat-icc_2_1')).toHaveLength(1);
    expect(within(cal).getAllByTestId('calibration-competency-row')).toHaveLength(3);
    await user.click(within(cal).getByRole('button', { name: 'Hide the statistics' }));
    expect(within(cal).queryByTestId('stat-icc_2_1')).toBeNull();
  });

  it('reports the pooled raw ratings in plain sentences, with leniency in levels', async () => {
    const { user } = await setup();
    expect(liveCharts()).toHaveLength(2);
    const cal = await openCalibration(user);
    expect(screen.getByRole('button', { name: 'Calibration' })).toHaveAttribute('aria-pressed', 'true');
    expect(liveCharts()).toHaveLength(0); // the ranking's charts are destroyed with it

    expect(cal).toHaveTextContent('These numbers say whether your interviewers agree with one another.');
    expect(cal).toHaveTextContent("scored in raw levels on the rubric's own scale (not 0–100)");
    expect(cal).toHaveTextContent('Interviewers are told apart by their profile');

    const pooled = within(cal).getByRole('region', { name: 'All questions · scale 1–5' });
    expect(count(pooled, 'Rated answers (candidate × question)')).toBe('16');
    expect(count(pooled, 'Candidates')).toBe('4');
    expect(count(pooled, 'Interviewers')).toBe('3');
    expect(count(pooled, 'Ratings')).toBe('28');
    expect(count(pooled, 'Answers scored by 2+')).toBe('12');
    expect(count(pooled, 'Left out of ICC')).toBe('5');

    // Each statistic: the backend's name for it (k filled in) and what it
    // measures, the value and interval formatted here, and the backend's
    // sentence as it is.
    const cells = (key: string) => within(within(pooled).getByTestId(`stat-${key}`)).getAllByRole('cell').map(text);
    const names = within(pooled).getAllByTestId(/^stat-/).map((r) => within(r).getByRole('rowheader').textContent);
    expect(names).toEqual(GO_STATS.map(([, , label, about]) => label + about));
    expect(names[1]).toBe('ICC(2,1)One interviewer; agreement on the exact score');
    expect(names[4]).toBe('ICC(2,3)Panel average; agreement on the exact score');
    expect(names[7]).toBe("Krippendorff's α (ordinal)Scores as an order: what matters is who ranks above whom");
    expect(cells('icc_1_1')).toEqual(['0.58', '0.20 to 0.81', GO.icc_1_1]);
    expect(cells('icc_2_1')).toEqual(['0.62', '0.31 to 0.85', GO.icc_2_1]);
    expect(cells('icc_3_1')).toEqual(['0.70', '0.40 to 0.90', GO.icc_3_1]);
    expect(cells('icc_1_k')).toEqual(['0.80', '0.50 to 0.95', GO.icc_1_k]);
    expect(cells('icc_2_k')).toEqual(['0.74', 'not bounded', `${GO.icc_2_k} ${GO.icc_2_k_ci}`]);
    expect(cells('icc_3_k')).toEqual(['0.90', '0.70 to 0.97', GO.icc_3_k]);
    expect(cells('alpha_nominal')).toEqual(['0.100', GO.alpha_nominal]);
    expect(cells('alpha_ordinal')).toEqual(['0.700', GO.alpha_ordinal]);
    expect(cells('alpha_interval')).toEqual(['0.850', GO.alpha_interval]);
    expect(cells('alpha_ratio')).toEqual(['—', GO.alpha_ratio]);
    // The caveats are the backend's plain words, not its technical errors and notes.
    const caveats = within(pooled).getByTestId('calibration-caveats');
    expect(within(caveats).getAllByRole('listitem').map(text)).toEqual(GO_CAVEATS);
    expect(pooled).not.toHaveTextContent('subjects');

    expect(pooled).toHaveTextContent('in levels of the 1–5 scale');
    const leniency = within(pooled).getAllByTestId('leniency-row');
    expect(leniency.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Blake Diaz', 'Casey Moore', 'Dev Patel']);
    expect(leniency.map((r) => within(r).getAllByRole('cell').map(text))).toEqual([
      ['9', '−0.61', '−2.60', ...GO_LENIENCY.blake.slice(0, 1), '3.10 (10 scored)', GO_LENIENCY.blake[1]],
      ['8', '+0.10', '+0.40', ...GO_LENIENCY.casey.slice(0, 1), '3.30 (10 scored)', GO_LENIENCY.casey[1]],
      ['1', '+0.50', '—', ...GO_LENIENCY.dev.slice(0, 1), '3.60 (10 scored)', GO_LENIENCY.dev[1]],
    ]);

    // The 1–4 ratings are never mixed in: their group says why it has no numbers.
    const small = within(cal).getByRole('region', { name: 'All questions · scale 1–4' });
    expect(within(small).getByRole('note')).toHaveTextContent('too few to say: 2 candidates (needs at least 3)');
    expect(within(small).queryByTestId('stat-icc_2_1')).toBeNull();
  });

  it('reports each competency on its own, with the backend’s reason when there are too few ratings', async () => {
    const { user } = await setup();
    await openCalibration(user);
    const table = within(screen.getByTestId('calibration')).getAllByTestId('calibration-competency-row')[0].closest('table')!;
    expect(within(table).getAllByRole('columnheader').map(text)).toEqual([
      'Competency', 'Scale', 'Candidates', 'Answers scored by 2+', 'Interviewers', 'ICC(2,1)', "Krippendorff's α (ordinal)", 'What it means',
    ]);
    const rows = within(screen.getByTestId('calibration')).getAllByTestId('calibration-competency-row');
    expect(rows.map((r) => [within(r).getByRole('rowheader').textContent, ...within(r).getAllByRole('cell').map(text)])).toEqual([
      [
        'Technical', '1–5', '4', '10', '3', '0.71', '0.812',
        "ICC(2,1) 0.71: moderate agreement; scores from a single interviewer are noisy Krippendorff's α (ordinal) 0.812: reliable; interviewers agree well enough to trust these scores",
      ],
      ['Communication', '1–5', '3', '2', '2', '—', '—', 'too few to say: 2 answers scored by two or more interviewers (needs at least 10)'],
      ['Technical', '1–4', '2', '0', '1', '—', '—', 'too few to say: 2 candidates (needs at least 3)'],
    ]);
  });

  it("shows the backend's verdict and sentences as they are, and computes none of its own", async () => {
    // A constant lean: always exactly one level higher, so z is 0 by
    // definition, yet the backend calls it lenient. And a report without
    // sentences shows none rather than making some up.
    const lean = 'Scored exactly 1.00 higher than their colleagues on every one of the 4 shared answers';
    vi.mocked(Interviews.RoleDebrief).mockResolvedValue(
      debriefOf({
        calibration: calibration({
          pooled: [
            calibrationGroup({
              scale: '1–5', candidates: 4, items: 12, pairedItems: 10, raters: 2, ratings: 20, tooFew: false, reason: '',
              report: goReport({
                subjects: 12, raters: 2, ratings: 20, icc_2_1: 0.75, icc_2_1_ci: [0.5, 0.88], alpha_ordinal: 0.5,
                leniency: [raterLeniency({ rater: 'Casey Moore', n: 4, mean_deviation: 1, deviation_sd: 0, z: 0, verdict: 'lenient', meaning: lean })],
              }),
            }),
          ],
        }),
      }),
    );
    const { user } = await setup();
    const cal = await openCalibration(user);
    const row = within(cal).getByTestId('leniency-row');
    expect(within(row).getAllByRole('cell').map(text)).toEqual(['4', '+1.00', '—', 'lenient', '3.00 (3 scored)', lean]); // no spread: no z
    expect(within(within(cal).getByTestId('stat-icc_2_1')).getAllByRole('cell').map(text)).toEqual(['0.75', '0.50 to 0.88', '—']);
    expect(within(within(cal).getByTestId('stat-alpha_ordinal')).getAllByRole('cell').map(text)).toEqual(['0.500', '—']);
    expect(within(cal).queryByTestId('calibration-caveats')).toBeNull();
  });

  it('shows the reason instead of empty tables when all questions pooled are too few', async () => {
    const reason = 'too few to say: 6 answers scored by two or more interviewers (needs at least 10)';
    vi.mocked(Interviews.RoleDebrief).mockResolvedValue(
      debriefOf({
        calibration: calibration({
          pooled: [calibrationGroup({ scale: '1–5', candidates: 3, items: 9, pairedItems: 6, raters: 2, ratings: 15, reason })],
        }),
      }),
    );
    const { user } = await setup();
    // The ranking has no levels to chart either, and says why.
    const empty = screen.getByTestId('distribution-empty');
    expect(empty).toHaveTextContent('No distribution of levels to show yet.');
    expect(empty).toHaveTextContent(reason);
    expect(screen.queryByTestId('chart-distribution')).toBeNull();

    const cal = await openCalibration(user);
    expect(within(cal).getByRole('note')).toHaveTextContent(reason);
    expect(count(cal, 'Rated answers (candidate × question)')).toBe('9');
    expect(within(cal).queryByTestId('stat-icc_2_1')).toBeNull();
    expect(within(cal).queryByTestId('leniency-row')).toBeNull();
    expect(within(cal).queryAllByTestId('calibration-competency-row')).toHaveLength(0);
    expect(within(cal).getByText('No competency has been scored yet.')).toBeInTheDocument();
  });
});
