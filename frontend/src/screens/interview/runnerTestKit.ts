// Shared by the InterviewRunner tests: a 1–4 rubric of four questions, scorecard views, Go's words for what is missing, and helpers to open the runner and read what it sent.
// The test files mock the bindings themselves (see InterviewRunner.open.test.ts); this module only uses the mocks.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import InterviewRunner from './InterviewRunner.svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import { flushAll } from '../../lib/autosave.svelte';
import type { Patch, Rubric, Scorecard, ScorecardView } from '../../lib/api';
import { resetUi, scorecard } from '../../test/fixtures';
import { goRecommends } from '../../test/recommendations';

export const HASH = 'ab12cd34ef56' + '0'.repeat(52);

/** A 1–4 scale, 2 competencies × 2 questions. */
export function rubricFixture(): Rubric {
  const anchors = (q: string) => [`${q}: no relevant example`, `${q}: generic answer`, `${q}: concrete example with trade-offs`, `${q}: teaches the room`];
  return {
    format: 'hirebench.rubric/v1',
    name: 'Backend',
    scale: { min: 1, max: 4, labels: ['No evidence', 'Basic', 'Solid', 'Strong'] },
    competencies: [
      {
        id: 'design', name: 'System design', weight: 1,
        questions: [
          { id: 'q1', prompt: 'Design a rate limiter', probes: 'Trade-offs under load', followUps: ['What if clocks drift?'], redFlags: ['No mention of limits'], weight: 1, anchors: anchors('Q1') },
          { id: 'q2', prompt: 'Shard a growing table', probes: 'Data modelling', weight: 1, anchors: anchors('Q2') },
        ],
      },
      {
        id: 'collab', name: 'Collaboration', weight: 1,
        questions: [
          { id: 'q3', prompt: 'Tell me about a disagreement', probes: 'Conflict handling', weight: 1, anchors: anchors('Q3') },
          { id: 'q4', prompt: 'Mentoring someone junior', probes: 'Growing others', weight: 1, optional: true, anchors: anchors('Q4') },
        ],
      },
    ],
  } as Rubric;
}

export function view(over: Partial<Scorecard> = {}): ScorecardView {
  return { card: scorecard({ id: 7, competencies: ['design', 'collab'], ...over }), rubric: rubricFixture() } as ScorecardView;
}

export function submittedCard(over: Partial<Scorecard> = {}): Scorecard {
  const answers = { q1: { score: 3, notes: 'Token bucket, clear trade-offs' }, q2: { score: 2 }, q3: { skipped: true, skipReason: 'Out of time' } };
  return scorecard({
    id: 7, status: 'submitted', submittedAt: '2026-01-06T10:00:00Z', sha256: HASH, recommendation: 'yes', answers,
    // Go's content in force (scoring.Scorecard.Current): the original, as nothing is amended.
    current: { answers, recommendation: 'yes', recommendationLabel: 'Yes', notes: '' },
    ...over,
  } as Partial<Scorecard>);
}

export async function open(v: ScorecardView = view()) {
  vi.mocked(Interviews.StartInterview).mockResolvedValue(v);
  const onclose = vi.fn();
  const user = userEvent.setup();
  const r = render(InterviewRunner, { applicationId: 100, roundId: 1, onclose });
  await screen.findByTestId(v.card.status === 'submitted' ? 'scorecard-view' : 'jump-finish');
  return { user, onclose, r };
}

export function heading(): HTMLElement {
  return screen.getByRole('heading', { level: 2, name: /Design a rate limiter|Shard a growing table|Tell me about a disagreement|Mentoring someone junior|Finish and submit/ });
}

/** Every patch sent, in order: SaveDraft batches, then Submit's last patch. */
export function sent(): Patch[] {
  const out: Patch[] = [];
  for (const [, ps] of vi.mocked(Interviews.SaveDraft).mock.calls) out.push(...(ps as Patch[]));
  for (const [, p] of vi.mocked(Interviews.Submit).mock.calls) out.push(p as Patch);
  return out;
}

/** Go's words for what stops the fixture's submission (Interviews.Missing). */
export const NOT_SCORED = {
  q1: { field: 'answers.q1', message: 'not scored yet (Design a rate limiter)' },
  q2: { field: 'answers.q2', message: 'not scored yet (Shard a growing table)' },
  q3: { field: 'answers.q3', message: 'not scored yet (Tell me about a disagreement)' },
};
export const NO_REC = { field: 'recommendation', message: 'choose an overall recommendation' };

/** Go answers Missing with `list` from now on. */
export function goSays(list: { field: string; message: string }[]) {
  vi.mocked(Interviews.Missing).mockResolvedValue(list as never);
}

/** A promise the test settles by hand. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Go keeps the profile's preference: a score moves on (the default) or stays. */
export function prefers(advanceAfterScore: boolean) {
  vi.mocked(Interviews.RunnerPrefs).mockResolvedValue({ advanceAfterScore });
}

/** Fresh mocks before each test: SaveDraft answers with the card, Go finds nothing missing, a score moves on. */
export function resetRunner() {
  vi.resetAllMocks();
  goRecommends();
  resetUi();
  vi.mocked(Interviews.SaveDraft).mockImplementation(async () => scorecard({ id: 7 }));
  goSays([]);
  prefers(true);
  vi.mocked(Interviews.SetRunnerPrefs).mockImplementation(async (p) => p);
}

/** After each test: save what is pending and go back to real timers. */
export async function settleRunner() {
  await flushAll();
  vi.useRealTimers();
}
