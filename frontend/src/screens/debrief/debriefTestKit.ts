// Shared by the DebriefScreen tests: the role's candidates (the worked example of docs/SCORING.md and four more), Go's words for the calibration, and render helpers.
// The test files mock the bindings and chart.js themselves (see DebriefScreen.ranking.test.ts); this module only uses the mocks.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { Chart } from 'chart.js';
import DebriefScreen from './DebriefScreen.svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import * as Runtime from '../../lib/wailsjs/runtime/runtime';
import type { ExportResult, RoleDebrief, Statistic, StatsReport } from '../../lib/api';
import { ui } from '../../lib/stores/ui.svelte';
import {
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
} from '../../test/fixtures';
import { goRecommends } from '../../test/recommendations';

type ChartConfig = { type: string; data: { labels: string[]; datasets: { label: string; data: (number | null)[] }[] } };
const charts = () => (Chart as unknown as { instances: { config: ChartConfig; destroyed: boolean }[] }).instances;
export const liveCharts = () => charts().filter((c) => !c.destroyed);

// ---- the role: the worked example of docs/SCORING.md and four more candidates

export const LONG_PROMPT =
  'Walk me through how you would design a public REST API for payments, including idempotency, pagination and versioning over several years';
export const T1 = 'Design a rate limiter for a public API';
export const T2 = 'Walk me through debugging a slow database query';
export const C1 = 'Explain a technical trade-off to someone outside engineering';
export const C2 = 'Describe a time you changed your mind after feedback';
export const LEGACY = 'Tell me about the last outage you handled';

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
export const ada = candidateDebrief('Interview', 1, {
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

export const cleo = candidateDebrief('Interview', 2, {
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

export const bob = candidateDebrief('Screen', 3, {
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
export const dan = candidateDebrief('Interview', 0, {
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

export const WEIGHTS_NOTE =
  'Weights changed after scoring began (2 changes; see the weight history): the ranking is not the one planned before interviews.';

// The words below are the backend's (app/stats/words.go) for these numbers:
// the calibration view must show them as they are, computing none itself.
export const GO = {
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
export const GO_CAVEATS = [
  'ICC(2,3) has no lower confidence limit: the rated answers are too few or too inconsistent to bound this value from below.',
  "Krippendorff's α (ratio) could not be computed: the ratio level handles at most 10000 different scores, and these have more.",
  'ICC uses the 11 rated answers scored by all 3 interviewers; its intervals are 95% confidence intervals.',
  "ICC leaves out 5 of the 16 rated answers because not every interviewer scored them; Krippendorff's alpha still uses them.",
];
export const GO_LENIENCY = {
  blake: ['severe', 'Scores clearly lower than colleagues: 0.61 lower on average over 9 shared answers (|z| = 2.60, at least 2)'],
  casey: ['in line', 'No clear difference from colleagues: 0.10 higher on average over 8 shared answers, within chance (|z| = 0.40, below 2)'],
  dev: ['too few shared answers', 'Only one answer this interviewer scored was also scored by a colleague; at least two are needed to tell a lean from chance'],
};

// Go's name for each statistic (stats.Label, k = 3 interviewers) and what it
// measures (stats.About), in report order: the view shows them as they are.
export const GO_STATS: [field: string, kind: string, label: string, about: string][] = [
  ['icc_1_1', 'icc', 'ICC(1,1)', 'One interviewer; each answer may have been scored by different interviewers'],
  ['icc_2_1', 'icc', 'ICC(2,1)', 'One interviewer; agreement on the exact score'],
  ['icc_3_1', 'icc', 'ICC(3,1)', 'One interviewer; consistency of the ranking'],
  ['icc_1_k', 'icc', 'ICC(1,3)', 'Panel average; each answer may have been scored by different interviewers'],
  ['icc_2_k', 'icc', 'ICC(2,3)', 'Panel average; agreement on the exact score'],
  ['icc_3_k', 'icc', 'ICC(3,3)', 'Panel average; consistency of the ranking'],
  ['alpha_nominal', 'alpha', "Krippendorff's α (nominal)", 'Counts only exact matches; any difference is a disagreement'],
  ['alpha_ordinal', 'alpha', "Krippendorff's α (ordinal)", 'Scores as an order: what matters is who ranks above whom'],
  ['alpha_interval', 'alpha', "Krippendorff's α (interval)", 'Levels as distances: 3 levels apart is worse than 1'],
  ['alpha_ratio', 'alpha', "Krippendorff's α (ratio)", 'Like interval, with differences judged relative to the size of the scores'],
];

/** Go's column names over several groups (interviews.Calibration.labels: stats.Labels, no k). */
export const GO_LABELS: Record<string, string> = {
  icc_1_1: 'ICC(1,1)', icc_2_1: 'ICC(2,1)', icc_3_1: 'ICC(3,1)', icc_1_k: 'ICC(1,k)', icc_2_k: 'ICC(2,k)', icc_3_k: 'ICC(3,k)',
  alpha_nominal: "Krippendorff's α (nominal)", alpha_ordinal: "Krippendorff's α (ordinal)",
  alpha_interval: "Krippendorff's α (interval)", alpha_ratio: "Krippendorff's α (ratio)",
};

/** A report as Go sends it: its statistics named as above, with the report's values and intervals (ICC to 2 decimals, alpha to 3). */
export function goReport(over: Partial<StatsReport> = {}): StatsReport {
  const r = over as Record<string, unknown>;
  const statistics = GO_STATS.map(([field, kind, label, about]) => ({
    field, kind, label, about, value: r[field] ?? null, ci: kind === 'icc' ? (r[`${field}_ci`] ?? null) : null, digits: kind === 'icc' ? 2 : 3,
  })) as Statistic[];
  return statsReport({ ...over, statistics });
}

const pooledReport = () =>
  goReport({
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

/** Go's bottom line for fullCalibration, as scoring.CalibrationBottomLine words it. */
export const GO_BOTTOM_LINE = {
  verdict: 'roughly',
  headline: 'Your interviewers agree only roughly: use the ranking as a guide and discuss close calls before deciding.',
  basis: "Based on Krippendorff's α (ordinal) over all questions on the 1–5 scale: 0.700, from 12 answers scored by two or more interviewers (4 candidates, 3 interviewers).",
  value: 0.7,
  scale: '1–5',
  differences: [
    "Taken on its own, Technical (α 0.812) agrees more than all questions together.",
    'The bottom line uses all questions together because the ranking rests on all of them and together they hold the most answers; one competency alone has fewer answers, usually closer together, so the same disagreement weighs more or less there.',
  ],
};

const fullCalibration = () =>
  calibration({
    bottomLine: GO_BOTTOM_LINE,
    labels: GO_LABELS,
    pooled: [
      calibrationGroup({ scale: '1–5', candidates: 4, items: 16, pairedItems: 12, raters: 3, ratings: 28, tooFew: false, reason: '', report: pooledReport() }),
      calibrationGroup({ scale: '1–4', candidates: 2, items: 8, pairedItems: 0, raters: 1, ratings: 8, reason: 'too few to say: 2 candidates (needs at least 3)' }),
    ],
    competencies: [
      calibrationGroup({
        id: 'tech', name: 'Technical', scale: '1–5', candidates: 4, items: 10, pairedItems: 10, raters: 3, ratings: 18, tooFew: false, reason: '',
        report: goReport({
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

export const debriefOf = (over: Partial<RoleDebrief> = {}) =>
  roleDebrief({ candidates: [ada, cleo, bob, dan, eve], plan: plan({ coverageThreshold: 0.8 }), calibration: fullCalibration(), ...over });

export const roles = [role({ id: 1, title: 'Backend Engineer' }), role({ id: 2, title: 'Designer' })];
let progressHandler: ((...data: unknown[]) => void) | undefined;
export const off = vi.fn();

/** Fresh mocks before each test: role 1 chosen, its debrief as `debriefOf()`, export progress captured. */
export function resetDebrief() {
  vi.resetAllMocks();
  resetUi();
  charts().length = 0;
  (Chart as unknown as { layout: unknown }).layout = null;
  ui.roleId = 1;
  progressHandler = undefined;
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({} as never);
  vi.mocked(Runtime.EventsOn).mockImplementation((name, fn) => {
    if (name === 'export:progress') progressHandler = fn;
    return off;
  });
  vi.mocked(Interviews.RoleDebrief).mockResolvedValue(debriefOf());
  goRecommends();
}

/** Sends an export:progress event, as Go would. */
export function emitProgress(data: unknown) {
  progressHandler!(data);
}

export async function setup() {
  const user = userEvent.setup();
  render(DebriefScreen, { roles });
  await screen.findAllByTestId('ranking-row');
  return { user };
}

export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export const saved = (over: Partial<ExportResult> = {}) => ({ saved: true, path: '/home/grace/Backend Engineer.xlsx', candidates: 12, rows: 480, ...over }) as ExportResult;
export const names = (rows: HTMLElement[]) => rows.map((r) => within(r).getByRole('button').textContent);
export const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Opens Calibration and its statistics, one click away from the bottom line. */
export async function openCalibration(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Calibration' }));
  await user.click(screen.getByRole('button', { name: /^Show the statistics/ }));
  return screen.getByTestId('calibration');
}

/** The value shown under a labelled count (a <dt>/<dd> pair). */
export function count(container: HTMLElement, label: string): string {
  const term = within(container).getByText(label, { selector: 'dt' });
  return text(term.nextElementSibling!);
}
