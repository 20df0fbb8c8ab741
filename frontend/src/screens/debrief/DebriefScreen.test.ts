import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'svelte';
import { Chart } from 'chart.js';
import DebriefScreen from './DebriefScreen.svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import * as Exports from '../../lib/wailsjs/go/app/Exports';
import * as Runtime from '../../lib/wailsjs/runtime/runtime';
import type { CandidateDebrief, Debrief, DebriefCell, DebriefRow, ExportResult, RaterLeniency, RoleDebrief, StatsReport } from '../../lib/api';
import { ui } from '../../lib/stores/ui.svelte';
import { backendError, resetUi, role } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/Exports');
vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');
// jsdom has no canvas: record what would be drawn instead.
vi.mock('chart.js', () => {
  class Chart {
    static instances: Chart[] = [];
    static register() {}
    item: unknown;
    config: unknown;
    destroyed = false;
    constructor(item: unknown, config: unknown) {
      this.item = item;
      this.config = config;
      Chart.instances.push(this);
    }
    destroy() {
      this.destroyed = true;
    }
  }
  const part = {};
  return {
    Chart,
    BarController: part,
    BarElement: part,
    CategoryScale: part,
    LinearScale: part,
    RadarController: part,
    RadialLinearScale: part,
    PointElement: part,
    LineElement: part,
    Filler: part,
    Tooltip: part,
    Legend: part,
  };
});

type ChartConfig = { type: string; data: { labels: string[]; datasets: { label: string; data: (number | null)[] }[] } };
const charts = () => (Chart as unknown as { instances: { config: ChartConfig; destroyed: boolean }[] }).instances;
const liveCharts = () => charts().filter((c) => !c.destroyed);

// ---- fixtures

function cell(over: Partial<DebriefCell> = {}): DebriefCell {
  return { authorId: 1, author: 'Grace Hopper', score: 3, label: 'Solid', notes: '', skipped: false, skipReason: '', norm: 66.7, ...over } as DebriefCell;
}

function drow(over: Partial<DebriefRow> = {}): DebriefRow {
  return {
    competencyId: 'api', competencyName: 'API design', questionId: 'q1', prompt: 'Design an API', weight: 1, scaleMin: 1, scaleMax: 4,
    cells: [], n: 0, mean: 0, median: 0, min: 0, max: 0, disagreement: false, ...over,
  } as DebriefRow;
}

function debrief(over: Partial<Debrief> = {}): Debrief {
  return {
    candidateId: 1, candidateName: 'Ada Lovelace', interviewers: [], rows: [], competencies: [], composite: 50,
    recommendations: {}, cards: 2, disagreements: 0, spread: 5, ...over,
  } as Debrief;
}

const entry = (stage: string, over: Partial<Debrief>): CandidateDebrief => ({ stage, debrief: debrief(over) }) as CandidateDebrief;

const LONG_PROMPT =
  'Walk me through how you would design a public REST API for payments, including idempotency, pagination and versioning over several years';

const ada = entry('Interview', {
  candidateId: 1,
  candidateName: 'Ada Lovelace',
  interviewers: ['Grace Hopper', 'Alan Turing', 'Barbara Liskov'],
  composite: 82.46,
  cards: 3,
  spread: 8.43,
  disagreements: 1,
  recommendations: { yes: 2, strong_yes: 1 },
  competencies: [
    { id: 'api', name: 'API design', mean: 3, norm: 66.7, n: 5 },
    { id: 'ops', name: 'Operations', mean: 3.5, norm: 83.3, n: 2 },
  ] as Debrief['competencies'],
  rows: [
    drow({
      questionId: 'q1', prompt: LONG_PROMPT, n: 2, mean: 3, median: 3, min: 2, max: 4, disagreement: true,
      cells: [
        cell({ authorId: 1, author: 'Grace Hopper', score: 4, label: 'Senior', notes: 'Designed idempotent retries unprompted' }),
        cell({ authorId: 2, author: 'Alan Turing', score: 2, label: 'Junior', notes: 'Struggled with pagination' }),
        cell({ authorId: 3, author: 'Barbara Liskov', score: undefined, label: '', skipped: true, skipReason: 'Ran out of time' }),
      ],
    }),
    drow({
      questionId: 'q2', prompt: 'Explain API versioning', n: 3, mean: 3, median: 3, min: 3, max: 3,
      cells: [cell({ author: 'Grace Hopper' }), cell({ authorId: 2, author: 'Alan Turing' }), cell({ authorId: 3, author: 'Barbara Liskov' })],
    }),
    drow({
      competencyId: 'ops', competencyName: 'Operations', questionId: 'q3', prompt: 'Tell me about an outage', n: 2, mean: 3.5, median: 3.5, min: 3, max: 4,
      cells: [cell({ score: 4, label: 'Senior' }), cell({ authorId: 2, author: 'Alan Turing' }), cell({ authorId: 3, author: 'Barbara Liskov', score: undefined, label: '' })],
    }),
  ],
});
const cleo = entry('Interview', { candidateId: 3, candidateName: 'Cleo Park', composite: 70, cards: 2, spread: 18.2, recommendations: { no: 1, yes: 1 } });
const bob = entry('Screen', { candidateId: 2, candidateName: 'Bob Stone', composite: 61.04, cards: 1, spread: 0, recommendations: { no: 1 } });
const dan = entry('Screen', { candidateId: 4, candidateName: 'Dan Wu', composite: undefined, cards: 1, spread: 0, recommendations: { strong_no: 1 } });

function lenient(over: Partial<RaterLeniency>): RaterLeniency {
  return { rater: 'Grace Hopper', n: 3, mean_deviation: 0, deviation_sd: 1, z: 0, ratings: 3, mean: 60, sd: 5, distribution: {}, ...over } as RaterLeniency;
}

function report(over: Partial<StatsReport> = {}): StatsReport {
  return {
    subjects: 4, raters: 3, ratings: 9, subjects_dropped: 1, k: 3,
    icc_1_1: 0.58, icc_2_1: 0.62, icc_3_1: 0.7, icc_1_k: 0.8, icc_3_k: 0.9,
    icc_1_1_ci: [0.2, 0.81], icc_2_1_ci: [0.31, 0.85], icc_3_1_ci: [0.4, 0.9], icc_1_k_ci: [0.5, 0.95], icc_3_k_ci: [0.7, 0.97],
    alpha_nominal: 0.1, alpha_ordinal: 0.7, alpha_interval: 0.85,
    leniency: [
      lenient({ rater: 'Grace Hopper', mean_deviation: 6.24, z: 2.4, mean: 74.2, distribution: { '82.5': 1, '70': 1, '61': 1 } }),
      lenient({ rater: 'Alan Turing', mean_deviation: -7.5, z: -3.1, mean: 58, distribution: { '15': 1, '45.5': 2 } }),
      lenient({ rater: 'Barbara Liskov', n: 2, mean_deviation: 0.5, z: 0.3, ratings: 2, mean: 66, distribution: { '100': 1, '66': 1 } }),
    ],
    errors: [
      'icc_2_k: ICC(2,k) is undefined: the differences between subjects are too small',
      'alpha_ratio: too many distinct scores: ratio alpha supports at most 1000 distinct scores, found 1200',
    ],
    notes: ['icc: 3 subjects × 3 raters; intervals are 95% confidence intervals (Shrout & Fleiss 1979)'],
    ...over,
  } as StatsReport;
}

function roleDebrief(over: Partial<RoleDebrief> = {}): RoleDebrief {
  return { roleId: 1, roleTitle: 'Backend Engineer', candidates: [ada, cleo, bob, dan], calibration: report(), hidden: 0, ...over } as RoleDebrief;
}

const roles = [role({ id: 1, title: 'Backend Engineer' }), role({ id: 2, title: 'Designer' })];
let progressHandler: ((...data: unknown[]) => void) | undefined;
const off = vi.fn();

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
  charts().length = 0;
  ui.roleId = 1;
  progressHandler = undefined;
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({} as never);
  vi.mocked(Runtime.EventsOn).mockImplementation((name, fn) => {
    if (name === 'export:progress') progressHandler = fn;
    return off;
  });
  vi.mocked(Interviews.RoleDebrief).mockResolvedValue(roleDebrief());
});

async function setup() {
  const user = userEvent.setup();
  render(DebriefScreen, { roles });
  await screen.findAllByTestId('ranking-row');
  return { user };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const saved = (over: Partial<ExportResult> = {}) => ({ saved: true, path: '/home/grace/Backend Engineer.xlsx', candidates: 12, rows: 480, ...over }) as ExportResult;

describe('DebriefScreen', () => {
  it('ranks candidates by composite with confidence, recommendations and disagreements', async () => {
    await setup();
    expect(Interviews.RoleDebrief).toHaveBeenCalledWith(1);
    expect(screen.getByRole('tab', { name: 'Backend Engineer' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('button', { name: 'Ranking' })).toHaveAttribute('aria-pressed', 'true');

    const rows = screen.getAllByTestId('ranking-row');
    expect(rows.map((r) => within(r).getByRole('button').textContent)).toEqual(['Ada Lovelace', 'Cleo Park', 'Bob Stone', 'Dan Wu']);

    const [a, c, b, d] = rows;
    expect(a.querySelector('td')).toHaveTextContent('1');
    expect(within(a).getByTestId('composite')).toHaveTextContent('82.5');
    expect(within(a).getByText('Interview')).toBeInTheDocument();
    expect(within(a).getByTestId('confidence')).toHaveTextContent('3 cards · ±8.4');
    expect(within(a).queryByText('Low confidence')).toBeNull();
    expect(within(a).getByTestId('disagreements')).toHaveTextContent('1 to discuss');
    expect(within(a).getByRole('group', { name: 'Recommendations — Strong no: 0, No: 0, Yes: 2, Strong yes: 1' })).toBeInTheDocument();

    expect(within(c).getByTestId('composite')).toHaveTextContent('70.0');
    expect(within(c).getByTestId('confidence')).toHaveTextContent('2 cards · ±18.2');
    expect(within(c).getByText('Low confidence')).toBeInTheDocument(); // spread > 15

    expect(within(b).getByTestId('composite')).toHaveTextContent('61.0');
    expect(within(b).getByTestId('confidence')).toHaveTextContent('1 card · ±0.0');
    expect(within(b).getByText('Low confidence')).toBeInTheDocument(); // one card
    expect(within(b).getByTestId('disagreements')).toHaveTextContent('none');

    expect(d.querySelector('td')).toHaveTextContent('—');
    expect(within(d).getByTestId('composite')).toHaveTextContent('no scores');

    // The charts: composites per candidate, and each interviewer's scores in bands.
    const bars = liveCharts().find((ch) => ch.config.data.datasets[0]?.label === 'Composite')!;
    expect(bars.config.data.labels).toEqual(['Ada Lovelace', 'Cleo Park', 'Bob Stone', 'Dan Wu']);
    expect(bars.config.data.datasets[0].data).toEqual([82.5, 70, 61, null]);
    const dist = liveCharts().find((ch) => ch.config.data.labels.includes('Alan Turing'))!;
    expect(dist.config.data.datasets.map((s) => s.label)).toEqual(['0–20', '20–40', '40–60', '60–80', '80–100']);
    // Grace: 61, 70, 82.5; Alan: 15, 45.5 ×2; Barbara: 66, 100.
    expect(dist.config.data.datasets.map((s) => s.data)).toEqual([
      [0, 1, 0],
      [0, 0, 0],
      [0, 2, 0],
      [2, 0, 1],
      [1, 0, 1],
    ]);
  });

  it('says when no scorecards are in yet', async () => {
    vi.mocked(Interviews.RoleDebrief).mockResolvedValue(roleDebrief({ candidates: [], calibration: report({ leniency: [] }) }));
    render(DebriefScreen, { roles });
    expect(
      await screen.findByText('No submitted scorecards for this role yet — interviews appear here once interviewers submit them.'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('ranking')).toBeNull();
  });

  it('says how many candidates the blind rule hides', async () => {
    vi.mocked(Interviews.RoleDebrief).mockResolvedValue(roleDebrief({ candidates: [bob], hidden: 3 }));
    await setup();
    expect(screen.getByTestId('hidden-note')).toHaveTextContent('3 candidates hidden until you submit your scorecards for them.');
    expect(screen.getByRole('button', { name: 'Export workbook…' })).toBeDisabled();
  });

  it('opens a candidate on the who-said-what matrix with disagreements flagged and notes available', async () => {
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Ada Lovelace' }));

    const view = screen.getByTestId('candidate-debrief');
    expect(screen.getByRole('button', { name: 'Candidate · Ada Lovelace' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(view).getByRole('heading', { name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(within(view).getByTestId('candidate-composite')).toHaveTextContent('82.5');
    expect(within(view).getByRole('group', { name: /Yes: 2, Strong yes: 1/ })).toBeInTheDocument();

    const matrix = within(view).getByTestId('matrix');
    const headers = within(matrix.querySelector('thead')!).getAllByRole('columnheader').map((h) => h.textContent?.trim());
    expect(headers).toEqual(['Question', 'Grace Hopper', 'Alan Turing', 'Barbara Liskov', 'Mean', 'Median', 'Min–max']);
    expect(within(matrix).getByRole('columnheader', { name: /API design/ })).toBeInTheDocument();
    expect(within(matrix).getByRole('columnheader', { name: /Operations/ })).toBeInTheDocument();

    const rows = within(matrix).getAllByTestId('matrix-row');
    expect(rows).toHaveLength(3);
    const [q1, q2] = rows;
    // The long prompt is shortened, with the full text in the title.
    const prompt = within(q1).getByRole('rowheader');
    expect(prompt).toHaveAttribute('title', expect.stringContaining(LONG_PROMPT));
    expect(prompt.textContent).toContain('…');
    expect(q1).toHaveAttribute('data-disagreement', 'true');
    expect(within(q1).getByText('Discuss')).toBeInTheDocument();
    expect(within(q2).queryByText('Discuss')).toBeNull();
    expect(q1).toHaveTextContent('4Senior');
    expect(q1).toHaveTextContent('2Junior');
    expect(q1).toHaveTextContent('2–4');

    // Skipped: "skipped", the reason on hover.
    const skipped = within(q1).getByText('skipped');
    expect(skipped.closest('[title]')).toHaveAttribute('title', 'Barbara Liskov skipped: Ran out of time');

    // Notes on hover and on demand.
    const notes = within(q1).getByRole('button', { name: 'Notes from Grace Hopper' });
    expect(notes).toHaveAttribute('title', 'Designed idempotent retries unprompted');
    expect(within(q1).getByText('Senior').closest('[title]')).toHaveAttribute('title', expect.stringContaining('Designed idempotent retries unprompted'));
    expect(notes).toHaveAttribute('aria-expanded', 'false');
    await user.click(notes);
    expect(notes).toHaveAttribute('aria-expanded', 'true');
    const expanded = within(matrix).getByTestId('notes-row');
    expect(expanded).toHaveTextContent('Grace Hopper — Designed idempotent retries unprompted');
    expect(expanded).toHaveTextContent('Alan Turing — Struggled with pagination');
    expect(expanded).toHaveTextContent('Barbara Liskov (skipped: Ran out of time)');
    await user.click(notes);
    expect(within(matrix).queryByTestId('notes-row')).toBeNull();

    // Competency means and the profile chart.
    const means = within(view).getByTestId('competency-means');
    expect(means).toHaveTextContent('API design');
    expect(means).toHaveTextContent('66.7');
    expect(means).toHaveTextContent('83.3');
    const profile = liveCharts().find((ch) => ch.config.data.datasets[0]?.label === 'Competency (0–100)')!;
    expect(profile.config.data.labels).toEqual(['API design', 'Operations']);
    expect(profile.config.data.datasets[0].data).toEqual([66.7, 83.3]);

    await user.click(within(view).getByRole('button', { name: '← Back to ranking' }));
    expect(screen.getAllByTestId('ranking-row')).toHaveLength(4);
    expect(screen.getByRole('button', { name: 'Ranking' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('explains the calibration in plain sentences with a leniency verdict per interviewer', async () => {
    const { user } = await setup();
    expect(liveCharts()).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Calibration' }));
    expect(screen.getByRole('button', { name: 'Calibration' })).toHaveAttribute('aria-pressed', 'true');
    expect(liveCharts()).toHaveLength(0); // the ranking's charts are destroyed with it
    const cal = screen.getByTestId('calibration');

    expect(cal).toHaveTextContent('These numbers say whether your interviewers agree with one another.');
    const icc21 = within(cal).getByTestId('stat-icc_2_1');
    expect(icc21).toHaveTextContent('ICC(2,1)');
    expect(icc21).toHaveTextContent('0.62');
    expect(icc21).toHaveTextContent('0.31 to 0.85');
    expect(icc21).toHaveTextContent("Moderate agreement (0.62): one interviewer's score on its own is usable but noisy.");
    expect(within(cal).getByTestId('stat-icc_3_k')).toHaveTextContent("Good consistency (0.90): the panel's average ranking is dependable.");
    expect(within(cal).getByTestId('stat-icc_2_k')).toHaveTextContent('Could not compute for ICC(2,k)');

    expect(within(cal).getByTestId('stat-alpha_interval')).toHaveTextContent('Reliable (0.850): interviewers agree well enough to trust these scores.');
    expect(within(cal).getByTestId('stat-alpha_ordinal')).toHaveTextContent('Tentative (0.700)');
    expect(within(cal).getByTestId('stat-alpha_nominal')).toHaveTextContent('Unreliable (0.100)');
    expect(within(cal).getByTestId('stat-alpha_ratio')).toHaveTextContent("Does not apply for Krippendorff's alpha (ratio)");

    expect(within(cal).getByTestId('calibration-caveats')).toHaveTextContent('ICC: 3 candidates × 3 interviewers');
    expect(cal).toHaveTextContent('1 candidate was left out of it');

    const rows = within(cal).getAllByTestId('leniency-row');
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Grace Hopper', 'Alan Turing', 'Barbara Liskov']);
    expect(rows[0]).toHaveTextContent('+6.2');
    expect(rows[0]).toHaveTextContent('lenient');
    expect(rows[0]).toHaveTextContent('74.2');
    expect(rows[1]).toHaveTextContent('−7.5');
    expect(rows[1]).toHaveTextContent('severe');
    expect(rows[2]).toHaveTextContent('in line');
  });

  it('exports the workbook with a progress bar, then says where it went', async () => {
    const { user } = await setup();
    const run = deferred<ExportResult>();
    vi.mocked(Exports.Workbook).mockReturnValue(run.promise);

    await user.click(screen.getByRole('button', { name: 'Export workbook…' }));
    expect(Exports.Workbook).toHaveBeenCalledWith(1);
    expect(screen.getByRole('progressbar', { name: 'Export progress' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export workbook…' })).toBeDisabled();

    progressHandler!({ stage: 'writing', percent: 40 });
    flushSync();
    expect((screen.getByRole('progressbar', { name: 'Export progress' }) as HTMLProgressElement).value).toBe(40);
    expect(screen.getByText('Writing the file…')).toBeInTheDocument();

    run.resolve(saved());
    expect(await screen.findByText('Saved /home/grace/Backend Engineer.xlsx — 12 candidates, 480 rows')).toBeInTheDocument();
    expect(screen.getByTestId('export-message')).toHaveAttribute('role', 'status');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(off).toHaveBeenCalled();
  });

  it('says nothing when the export is cancelled', async () => {
    const { user } = await setup();
    vi.mocked(Exports.Workbook).mockResolvedValue({ saved: false, path: '', candidates: 0, rows: 0 } as ExportResult);
    await user.click(screen.getByRole('button', { name: 'Export workbook…' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Export workbook…' })).toBeEnabled());
    expect(screen.getByTestId('export-message').textContent).toBe('');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(off).toHaveBeenCalled();
  });

  it('shows an export error as an alert', async () => {
    const { user } = await setup();
    vi.mocked(Exports.Workbook).mockRejectedValue(backendError('internal', 'export to Backend.xlsx: disk full'));
    await user.click(screen.getByRole('button', { name: 'Export workbook…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The export failed: export to Backend.xlsx: disk full');
    expect(screen.getByTestId('export-message').textContent).toBe('');
    expect(off).toHaveBeenCalled();
  });

  it('exports a CSV of the chosen kind, with or without a BOM', async () => {
    const { user } = await setup();
    vi.mocked(Exports.CSV).mockResolvedValue(saved({ path: '/tmp/backend-scorecards.csv', candidates: 1, rows: 1 }));
    const toggle = screen.getByRole('button', { name: /Export CSV…/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    const menu = screen.getByRole('group', { name: 'Export CSV' });
    const bom = within(menu).getByRole('checkbox', { name: 'Add BOM for Excel' });
    expect(bom).toBeChecked();
    await user.click(bom);
    await user.click(within(menu).getByRole('button', { name: /Scorecards/ }));
    expect(Exports.CSV).toHaveBeenCalledWith(1, 'scorecards', false);
    expect(await screen.findByText('Saved /tmp/backend-scorecards.csv — 1 candidate, 1 row')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Export CSV' })).toBeNull();
  });

  it('offers to try again when the debrief cannot be loaded', async () => {
    vi.mocked(Interviews.RoleDebrief).mockRejectedValueOnce(backendError('internal', 'database is locked'));
    const user = userEvent.setup();
    render(DebriefScreen, { roles });
    expect(await screen.findByRole('alert')).toHaveTextContent('The debrief could not be loaded: database is locked');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('ranking-row')).toHaveLength(4);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('reloads when the role changes or another screen bumps the version', async () => {
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Ada Lovelace' }));
    expect(screen.getByTestId('candidate-debrief')).toBeInTheDocument();

    // Another screen changed something: reload, staying on the candidate.
    vi.mocked(Interviews.RoleDebrief).mockResolvedValue(roleDebrief({ candidates: [ada, bob] }));
    ui.changed();
    await waitFor(() => expect(Interviews.RoleDebrief).toHaveBeenCalledTimes(2));
    expect(screen.getByTestId('candidate-debrief')).toBeInTheDocument();

    // Another role: back to its ranking.
    vi.mocked(Interviews.RoleDebrief).mockResolvedValue(roleDebrief({ roleId: 2, roleTitle: 'Designer', candidates: [cleo] }));
    await user.click(screen.getByRole('tab', { name: 'Designer' }));
    expect(ui.roleId).toBe(2);
    await waitFor(() => expect(Interviews.RoleDebrief).toHaveBeenLastCalledWith(2));
    await waitFor(() => expect(screen.getAllByTestId('ranking-row')).toHaveLength(1));
    expect(screen.getByRole('button', { name: 'Cleo Park' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Candidate' })).toBeDisabled();
  });
});
