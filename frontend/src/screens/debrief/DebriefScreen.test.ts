import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'svelte';
import { Chart } from 'chart.js';
import DebriefScreen from './DebriefScreen.svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import * as Exports from '../../lib/wailsjs/go/app/Exports';
import * as Runtime from '../../lib/wailsjs/runtime/runtime';
import type { ExportResult, RoleDebrief } from '../../lib/api';
import { ui } from '../../lib/stores/ui.svelte';
import {
  backendError,
  calibration,
  calibrationGroup,
  candidateDebrief,
  competencyScore,
  debriefAnswer,
  debriefCell,
  debriefInterviewer,
  debriefRow,
  plan,
  raterLeniency,
  resetUi,
  role,
  roleDebrief,
  skippedAnswer,
  statsReport,
  weightChange,
} from '../../test/fixtures';

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

// ---- the role: the worked example of docs/SCORING.md and four more candidates

const LONG_PROMPT =
  'Walk me through how you would design a public REST API for payments, including idempotency, pagination and versioning over several years';
const T1 = 'Design a rate limiter for a public API';
const T2 = 'Walk me through debugging a slow database query';
const C1 = 'Explain a technical trade-off to someone outside engineering';
const C2 = 'Describe a time you changed your mind after feedback';
const LEGACY = 'Tell me about the last outage you handled';

const AVERY = 11;
const BLAKE = 12;
const CASEY = 13;
const on14 = (score: number, label: string, over = {}) => debriefAnswer({ score, label, scaleMin: 1, scaleMax: 4, norm: ((score - 1) / 3) * 100, ...over });
const on15 = (score: number, label: string, over = {}) =>
  debriefAnswer({ round: 'Onsite', score, label, scaleMin: 1, scaleMax: 5, norm: ((score - 1) / 4) * 100, ...over });
const avery = (...a: ReturnType<typeof debriefAnswer>[]) => debriefCell('Avery Chen', AVERY, a);
const blake = (...a: ReturnType<typeof debriefAnswer>[]) => debriefCell('Blake Diaz', BLAKE, a);
const casey = (...a: ReturnType<typeof debriefAnswer>[]) => debriefCell('Casey Moore', CASEY, a);
const tech = { competencyId: 'tech', competencyName: 'Technical' };
const comm = { competencyId: 'comm', competencyName: 'Communication' };

/** Avery on 1–4 in the technical screen; Blake and Casey on 1–5 on site; Casey asked c1 twice. */
const ada = candidateDebrief('Interview', 1, {
  candidateId: 1,
  candidateName: 'Ada Lovelace',
  composite: 365 / 6,
  coverage: 5 / 6,
  complete: true,
  uncertainty: 4.34,
  uncertaintyLabel: '±4.3 between 3 interviewers',
  coverageLabel: '83% of the plan answered',
  recommendations: { no: 1, yes: 1, strong_yes: 1 },
  cards: 4,
  disagreements: 2,
  amendedAfterSeeing: 1,
  interviewers: [
    debriefInterviewer({ id: AVERY, name: 'Avery Chen', rounds: ['Technical screen'], composite: 175 / 3 }),
    debriefInterviewer({ id: BLAKE, name: 'Blake Diaz', rounds: ['Onsite'], composite: 65, amended: true, amendedAfterSeeing: true }),
    debriefInterviewer({ id: CASEY, name: 'Casey Moore', rounds: ['Onsite', 'Hiring manager'], composite: 50 }),
  ],
  rows: [
    debriefRow({
      ...tech, questionId: 't1', prompt: T1, weight: 1 / 6, scale: '1–4 and 1–5', n: 2, mean: 275 / 6, range: '25–67 of 100',
      cells: [avery(on14(3, 'Solid')), blake(on15(2, 'Developing')), casey()],
    }),
    debriefRow({
      ...tech, questionId: 't2', prompt: T2, weight: 1 / 6, scale: '1–4 and 1–5', n: 2, mean: 75, range: '50–100 of 100', disagreement: true,
      cells: [
        avery(on14(4, 'Exceptional', { notes: 'Found the missing index in minutes' })),
        blake(on15(3, 'Solid', { notes: 'Needed hints on EXPLAIN' })),
        casey(),
      ],
    }),
    debriefRow({
      ...tech, questionId: 't3', prompt: LONG_PROMPT, weight: 1 / 3, scale: '1–4 and 1–5', n: 2, mean: 325 / 6, range: '33–75 of 100',
      cells: [avery(on14(2, 'Developing')), blake(on15(4, 'Strong')), casey()],
    }),
    debriefRow({
      ...comm, questionId: 'c1', prompt: C1, weight: 1 / 6, scale: '1–5', n: 2, mean: 75, range: '2–5', disagreement: true,
      cells: [avery(), blake(on15(5, 'Exceptional')), casey(on15(2, 'Developing'), on15(4, 'Strong', { round: 'Hiring manager' }))],
    }),
    debriefRow({
      ...comm, questionId: 'c2', prompt: C2, weight: 1 / 6, scale: '1–5', n: 0, mean: undefined, range: '',
      cells: [avery(), blake(skippedAnswer('ran out of time', { round: 'Onsite', scaleMax: 5 })), casey()],
    }),
    // Asked on an older version of the rubric; the plan no longer has it.
    debriefRow({
      ...tech, questionId: 'legacy', prompt: LEGACY, weight: 0, inPlan: false, scale: '1–4', n: 1, mean: 200 / 3, range: '3',
      cells: [avery(on14(3, 'Solid')), blake(), casey()],
    }),
  ],
  competencies: [
    competencyScore({ id: 'tech', name: 'Technical', weight: 2 / 3, norm: 1375 / 24, coverage: 1 }),
    competencyScore({ id: 'comm', name: 'Communication', weight: 1 / 3, norm: 75, coverage: 0.5 }),
  ],
  skips: [{ key: 'comm/c2', prompt: C2, author: 'Blake Diaz', round: 'Onsite', reason: 'ran out of time' }],
  uncovered: [{ key: 'comm/c2', competency: 'Communication', prompt: C2, weight: 1 / 6 }],
});

const cleo = candidateDebrief('Interview', 2, {
  candidateId: 3,
  candidateName: 'Cleo Park',
  composite: 55,
  coverage: 1,
  complete: true,
  uncertainty: 2.5,
  uncertaintyLabel: '±2.5 between 2 interviewers',
  coverageLabel: '100% of the plan answered',
  recommendations: { yes: 2 },
  cards: 2,
  interviewers: [
    debriefInterviewer({ id: BLAKE, name: 'Blake Diaz', rounds: ['Onsite'], composite: 57.5 }),
    debriefInterviewer({ id: CASEY, name: 'Casey Moore', rounds: ['Onsite'], composite: 52.5 }),
  ],
  rows: [debriefRow({ ...tech, questionId: 't1', prompt: T1, weight: 1, scale: '1–5', n: 2, mean: 55, range: '3', cells: [blake(on15(3, 'Solid')), casey(on15(3, 'Solid'))] })],
  competencies: [competencyScore({ id: 'tech', name: 'Technical', weight: 1, norm: 55, coverage: 1 })],
});

const bob = candidateDebrief('Screen', 3, {
  candidateId: 2,
  candidateName: 'Bob Stone',
  composite: 48.1,
  coverage: 0.83,
  complete: true,
  uncertaintyLabel: 'one interviewer: no spread to estimate',
  coverageLabel: '83% of the plan answered',
  recommendations: { no: 1 },
  cards: 1,
});

/** A higher composite than Cleo's, over too little of the plan to rank. */
const dan = candidateDebrief('Interview', 0, {
  candidateId: 4,
  candidateName: 'Dan Wu',
  composite: 175 / 3,
  coverage: 2 / 3,
  complete: false,
  uncertaintyLabel: 'one interviewer: no spread to estimate',
  coverageLabel: '67% of the plan answered: below the 80% needed to rank',
  recommendations: { yes: 1 },
  cards: 1,
});

const eve = candidateDebrief('Screen', 0, {
  candidateId: 5,
  candidateName: 'Eve Adams',
  uncertaintyLabel: 'no scores yet',
  coverageLabel: 'no scored questions yet',
  recommendations: { strong_no: 1 },
  cards: 1,
});

const WEIGHTS_NOTE =
  'Weights changed after scoring began (2 changes; see the weight history): the ranking is not the one planned before interviews.';

// The words below are the backend's (app/stats/words.go) for these numbers:
// the calibration view must show them as they are, computing none itself.
const GO = {
  icc_1_1: '0.58: moderate agreement; scores from a single interviewer are noisy',
  icc_2_1: '0.62: moderate agreement; scores from a single interviewer are noisy',
  icc_3_1: '0.70: moderate consistency; rankings from a single interviewer are noisy',
  icc_1_k: "0.80: good agreement; the panel's average score is dependable",
  icc_2_k: "0.74: moderate agreement; the panel's average score is usable but still noisy",
  icc_2_k_ci: 'No lower limit: the rated answers are too few or too inconsistent to bound this value from below',
  icc_3_k: "0.90: good consistency; the panel's average ranking is dependable",
  alpha_nominal: '0.100: unreliable; interviewers disagree too much to draw conclusions from these scores',
  alpha_ordinal: '0.700: tentative; interviewers agree only well enough for tentative conclusions',
  alpha_interval: '0.850: reliable; interviewers agree well enough to trust these scores',
  alpha_ratio: 'Not computed: the ratio level handles at most 10000 different scores, and these have more',
};
const GO_CAVEATS = [
  'ICC(2,k) has no lower confidence limit: the rated answers are too few or too inconsistent to bound this value from below.',
  "Krippendorff's alpha (ratio) could not be computed: the ratio level handles at most 10000 different scores, and these have more.",
  'ICC uses the 11 rated answers scored by all 3 interviewers; its intervals are 95% confidence intervals.',
  "ICC leaves out 5 of the 16 rated answers because not every interviewer scored them; Krippendorff's alpha still uses them.",
];
const GO_LENIENCY = {
  blake: ['severe', 'Scores clearly lower than colleagues: 0.61 lower on average over 9 shared answers (|z| = 2.60, at least 2)'],
  casey: ['in line', 'No clear difference from colleagues: 0.10 higher on average over 8 shared answers, within chance (|z| = 0.40, below 2)'],
  dev: ['too few shared answers', 'Only one answer this interviewer scored was also scored by a colleague; at least two are needed to tell a lean from chance'],
};

const pooledReport = () =>
  statsReport({
    subjects: 16, raters: 3, ratings: 28, subjects_dropped: 5, k: 3,
    icc_1_1: 0.58, icc_2_1: 0.62, icc_3_1: 0.7, icc_1_k: 0.8, icc_2_k: 0.74, icc_3_k: 0.9,
    icc_1_1_ci: [0.2, 0.81], icc_2_1_ci: [0.31, 0.85], icc_3_1_ci: [0.4, 0.9], icc_1_k_ci: [0.5, 0.95], icc_3_k_ci: [0.7, 0.97],
    alpha_nominal: 0.1, alpha_ordinal: 0.7, alpha_interval: 0.85,
    leniency: [
      raterLeniency({
        rater: 'Blake Diaz', n: 9, mean_deviation: -0.61, z: -2.6, ratings: 10, mean: 3.1, distribution: { '2': 2, '3': 4, '4': 3, '5': 1 },
        verdict: GO_LENIENCY.blake[0], meaning: GO_LENIENCY.blake[1],
      }),
      raterLeniency({
        rater: 'Casey Moore', n: 8, mean_deviation: 0.1, z: 0.4, ratings: 10, mean: 3.3, distribution: { '1': 1, '3': 4, '3.5': 1, '4': 4 },
        verdict: GO_LENIENCY.casey[0], meaning: GO_LENIENCY.casey[1],
      }),
      raterLeniency({
        rater: 'Dev Patel', n: 1, mean_deviation: 0.5, z: 0, ratings: 10, mean: 3.6, distribution: { '2': 1, '3': 3, '4': 4, '5': 2 },
        verdict: GO_LENIENCY.dev[0], meaning: GO_LENIENCY.dev[1],
      }),
    ],
    errors: [
      'icc_2_k_ci: the lower confidence limit is unbounded (−∞): the data are too few or too inconsistent to bound this value from below',
      'alpha_ratio: too many distinct scores: ratio alpha supports at most 10000 distinct scores, found 10200',
    ],
    notes: [
      'icc: 11 subjects × 3 raters; intervals are 95% confidence intervals (Shrout & Fleiss 1979)',
      'icc: 5 of 16 subjects dropped because not every rater scored them (complete cases only); alpha uses them',
    ],
    explanations: GO,
    caveats: GO_CAVEATS,
  });

const fullCalibration = () =>
  calibration({
    pooled: [
      calibrationGroup({ scale: '1–5', candidates: 4, items: 16, pairedItems: 12, raters: 3, ratings: 28, tooFew: false, reason: '', report: pooledReport() }),
      calibrationGroup({ scale: '1–4', candidates: 2, items: 8, pairedItems: 0, raters: 1, ratings: 8, reason: 'too few to say: 2 candidates (needs at least 3)' }),
    ],
    competencies: [
      calibrationGroup({
        id: 'tech', name: 'Technical', scale: '1–5', candidates: 4, items: 10, pairedItems: 10, raters: 3, ratings: 18, tooFew: false, reason: '',
        report: statsReport({
          subjects: 10, raters: 3, ratings: 18, icc_2_1: 0.71, alpha_ordinal: 0.812,
          explanations: {
            icc_2_1: '0.71: moderate agreement; scores from a single interviewer are noisy',
            alpha_ordinal: '0.812: reliable; interviewers agree well enough to trust these scores',
          },
        }),
      }),
      calibrationGroup({
        id: 'comm', name: 'Communication', scale: '1–5', candidates: 3, items: 6, pairedItems: 2, raters: 2, ratings: 10,
        reason: 'too few to say: 2 answers scored by two or more interviewers (needs at least 10)',
      }),
      calibrationGroup({
        id: 'tech', name: 'Technical', scale: '1–4', candidates: 2, items: 8, pairedItems: 0, raters: 1, ratings: 8,
        reason: 'too few to say: 2 candidates (needs at least 3)',
      }),
    ],
  });

const debriefOf = (over: Partial<RoleDebrief> = {}) =>
  roleDebrief({ candidates: [ada, cleo, bob, dan, eve], plan: plan({ coverageThreshold: 0.8 }), calibration: fullCalibration(), ...over });

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
  vi.mocked(Interviews.RoleDebrief).mockResolvedValue(debriefOf());
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
const names = (rows: HTMLElement[]) => rows.map((r) => within(r).getByRole('button').textContent);
const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The value shown under a labelled count (a <dt>/<dd> pair). */
function count(container: HTMLElement, label: string): string {
  const term = within(container).getByText(label, { selector: 'dt' });
  return text(term.nextElementSibling!);
}

describe('DebriefScreen: ranking', () => {
  it('ranks the complete candidates, then lists the incomplete and unscored ones without a rank, in the words of the backend', async () => {
    await setup();
    expect(Interviews.RoleDebrief).toHaveBeenCalledWith(1);
    expect(screen.getByRole('tab', { name: 'Backend Engineer' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('button', { name: 'Ranking' })).toHaveAttribute('aria-pressed', 'true');
    const table = screen.getByTestId('ranking');
    expect(within(table).getAllByRole('columnheader').map(text)).toEqual([
      'Rank', 'Candidate', 'Stage', 'Composite (0–100)', 'Coverage', 'Uncertainty', 'Recommendations', 'Disagreements',
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
    expect(within(a).getByRole('group', { name: 'Recommendations — Strong no: 0, No: 1, Yes: 1, Strong yes: 1' })).toBeInTheDocument();
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
    expect(screen.getByText('No competency has been scored yet.')).toBeInTheDocument();
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
    expect(within(view).getByRole('group', { name: /No: 1, Yes: 1, Strong yes: 1/ })).toBeInTheDocument();
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
    const profile = liveCharts().find((ch) => ch.config.data.datasets[0]?.label === 'Competency (0–100)')!;
    expect(profile.config.type).toBe('bar'); // radar only from 3 competencies
    expect(profile.config.data.labels).toEqual(['Technical', 'Communication']);
    expect(profile.config.data.datasets[0].data).toEqual([57.3, 75]);

    await user.click(within(view).getByRole('button', { name: '← Back to ranking' }));
    expect(screen.getAllByTestId('ranking-row')).toHaveLength(5);
    expect(screen.getByRole('button', { name: 'Ranking' })).toHaveAttribute('aria-pressed', 'true');
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

describe('DebriefScreen: calibration', () => {
  it('reports the pooled raw ratings in plain sentences, with leniency in levels', async () => {
    const { user } = await setup();
    expect(liveCharts()).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Calibration' }));
    expect(screen.getByRole('button', { name: 'Calibration' })).toHaveAttribute('aria-pressed', 'true');
    expect(liveCharts()).toHaveLength(0); // the ranking's charts are destroyed with it
    const cal = screen.getByTestId('calibration');

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

    // Each statistic: its name and what it measures, the value and interval
    // formatted here, and the backend's sentence as it is.
    const cells = (key: string) => within(within(pooled).getByTestId(`stat-${key}`)).getAllByRole('cell').map(text);
    expect(within(within(pooled).getByTestId('stat-icc_2_1')).getByRole('rowheader')).toHaveTextContent(
      'ICC(2,1)One interviewer; agreement on the exact score',
    );
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
    await user.click(screen.getByRole('button', { name: 'Calibration' }));
    const rows = within(screen.getByTestId('calibration')).getAllByTestId('calibration-competency-row');
    expect(rows.map((r) => [within(r).getByRole('rowheader').textContent, ...within(r).getAllByRole('cell').map(text)])).toEqual([
      [
        'Technical', '1–5', '4', '10', '3', '0.71', '0.812',
        'ICC(2,1) 0.71: moderate agreement; scores from a single interviewer are noisy α ordinal 0.812: reliable; interviewers agree well enough to trust these scores',
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
              report: statsReport({
                subjects: 12, raters: 2, ratings: 20, icc_2_1: 0.75, icc_2_1_ci: [0.5, 0.88], alpha_ordinal: 0.5,
                leniency: [raterLeniency({ rater: 'Casey Moore', n: 4, mean_deviation: 1, deviation_sd: 0, z: 0, verdict: 'lenient', meaning: lean })],
              }),
            }),
          ],
        }),
      }),
    );
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Calibration' }));
    const cal = screen.getByTestId('calibration');
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

    await user.click(screen.getByRole('button', { name: 'Calibration' }));
    const cal = screen.getByTestId('calibration');
    expect(within(cal).getByRole('note')).toHaveTextContent(reason);
    expect(count(cal, 'Rated answers (candidate × question)')).toBe('9');
    expect(within(cal).queryByTestId('stat-icc_2_1')).toBeNull();
    expect(within(cal).queryByTestId('leniency-row')).toBeNull();
    expect(within(cal).queryAllByTestId('calibration-competency-row')).toHaveLength(0);
    expect(within(cal).getByText('No competency has been scored yet.')).toBeInTheDocument();
  });
});

describe('DebriefScreen: exports and loading', () => {
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
    expect(await screen.findAllByTestId('ranking-row')).toHaveLength(5);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('reloads when the role changes or another screen bumps the version', async () => {
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Ada Lovelace' }));
    expect(screen.getByTestId('candidate-debrief')).toBeInTheDocument();

    // Another screen changed something: reload, staying on the candidate.
    vi.mocked(Interviews.RoleDebrief).mockResolvedValue(debriefOf({ candidates: [ada, bob] }));
    ui.changed();
    await waitFor(() => expect(Interviews.RoleDebrief).toHaveBeenCalledTimes(2));
    expect(screen.getByTestId('candidate-debrief')).toBeInTheDocument();

    // Another role: back to its ranking.
    vi.mocked(Interviews.RoleDebrief).mockResolvedValue(debriefOf({ roleId: 2, roleTitle: 'Designer', candidates: [cleo] }));
    await user.click(screen.getByRole('tab', { name: 'Designer' }));
    expect(ui.roleId).toBe(2);
    await waitFor(() => expect(Interviews.RoleDebrief).toHaveBeenLastCalledWith(2));
    await waitFor(() => expect(screen.getAllByTestId('ranking-row')).toHaveLength(1));
    expect(screen.getByRole('button', { name: 'Cleo Park' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Candidate' })).toBeDisabled();
  });
});
