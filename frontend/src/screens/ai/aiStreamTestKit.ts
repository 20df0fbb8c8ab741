// Builders for the streamed AI tests (debrief summary, follow-ups): Go's
// answers as plain objects, and the page's "ai:stream:<id>" listeners, which
// a test fires as Go would.
import * as Runtime from '../../lib/wailsjs/runtime/runtime';
import type { AIFollowUpResult, AIStreamDone, AIStreamEvent, AIStreamOffer, AIStreamPreview, AISummaryResult } from '../../lib/api/ai';

export function streamOffer(over: Partial<AIStreamOffer> = {}): AIStreamOffer {
  return { enabled: true, offered: true, reason: '', askFirst: true, ...over } as AIStreamOffer;
}

export function streamPreview(over: Partial<AIStreamPreview> = {}): AIStreamPreview {
  return {
    feature: 'summary',
    model: 'gpt-4.1',
    promptVersion: 'summary-v1',
    endpoint: '127.0.0.1:18089',
    messages: [
      { Role: 'system', Content: "You summarise ONE candidate's submitted interview scorecards." },
      { Role: 'user', Content: '<notes>\n[N1] Interviewer A, Deep dive. Model choice. Score: 4 (Senior) on 1–4.\n[CANDIDATE] measured tiers with [COLLEAGUE].\n</notes>' },
    ],
    redacted: { name: 2, interviewer: 1 },
    notes: 6,
    cached: false,
    tokensIn: 1843,
    tokensOut: 400,
    estimateUsd: 0.006886,
    priceKnown: true,
    spentUsd: 0.0123,
    budgetUsd: 10,
    ...over,
  } as AIStreamPreview;
}

const SUMMARY_TEXT = 'Strengths:\nMeasured tiers on an eval set [N1].\nConcerns:\nNone.\nDisagreements to discuss:\nScores differ on model choice [N1][N4]. The candidate seemed nervous.';

export function summaryResult(over: Partial<AISummaryResult> = {}): AISummaryResult {
  return {
    applicationId: 100,
    text: SUMMARY_TEXT,
    incomplete: false,
    notes: [
      { id: 'N1', interviewer: 'Interviewer A', round: 'Deep dive', topic: 'Model choice — How do you pick a model?', score: '4 (Senior) on 1–4', text: '[CANDIDATE] measured tiers.', scorecardId: 1, questionId: 'q1' },
      { id: 'N4', interviewer: 'Interviewer B', round: 'Deep dive', topic: 'Model choice — How do you pick a model?', score: '2 (Junior) on 1–4', text: 'Vague on cost.', scorecardId: 2, questionId: 'q1' },
    ],
    scorecards: 2,
    interviewers: [{ label: 'Interviewer A', name: 'Sam Okafor' }, { label: 'Interviewer B', name: 'Priya Nair' }],
    sentences: [
      { part: 'strengths', text: 'Measured tiers on an eval set [N1].', cites: ['N1'], unknown: [], unsupported: false },
      { part: 'disagreements', text: 'Scores differ on model choice [N1][N4].', cites: ['N1', 'N4'], unknown: [], unsupported: false },
      { part: 'disagreements', text: 'The candidate seemed nervous.', cites: [], unknown: [], unsupported: true },
    ],
    supported: 2,
    unsupported: 1,
    cached: false,
    model: 'gpt-4.1',
    promptVersion: 'summary-v1',
    fingerprint: 'fp',
    tokens_in: 1200,
    tokens_out: 60,
    cost_usd: 0.00288,
    estimate_usd: 0.0068,
    attempts: 1,
    repaired: false,
    redacted: {},
    ...over,
  } as AISummaryResult;
}

export function followUpResult(over: Partial<AIFollowUpResult> = {}): AIFollowUpResult {
  return {
    scorecardId: 7, questionId: 'q1', text: '- What did you measure first?\n- Which trade-off would you change?\n- So a level 3?\n',
    incomplete: false, questions: ['What did you measure first?', 'Which trade-off would you change?'], dropped: 1, cached: false,
    model: 'gpt-4o-mini', promptVersion: 'followup-v1', fingerprint: 'fp', tokens_in: 400, tokens_out: 30, cost_usd: 0.000078,
    estimate_usd: 0.0001, attempts: 1, repaired: false, redacted: {}, ...over,
  } as AIFollowUpResult;
}

export function done(over: Partial<AIStreamDone> = {}): AIStreamDone {
  return { requestId: '', cancelled: false, problem: '', error: '', ...over } as AIStreamDone;
}

/** Captures the page's stream listeners; fire(id, e) delivers an event on "ai:stream:<id>". */
export function streamEvents() {
  const handlers = new Map<string, Set<(e: AIStreamEvent) => void>>();
  vi.mocked(Runtime.EventsOn).mockImplementation((name: string, fn: (...data: any) => void) => {
    const set = handlers.get(name) ?? new Set();
    set.add(fn);
    handlers.set(name, set);
    return () => set.delete(fn);
  });
  return {
    fire: (requestId: string, e: AIStreamEvent) => handlers.get(`ai:stream:${requestId}`)?.forEach((h) => h(e)),
    /** How many listeners are left on a request's event. */
    listening: (requestId: string) => handlers.get(`ai:stream:${requestId}`)?.size ?? 0,
  };
}

/** A promise the test settles by hand. */
export function pending<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
