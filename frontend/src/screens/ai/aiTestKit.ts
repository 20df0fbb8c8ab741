// Builders for the AI tests: plain objects as the Wails bridge gives them,
// typed as the generated classes; and the "ai:retrying" event a test fires.
import * as Runtime from '../../lib/wailsjs/runtime/runtime';
import type { AIConnection, AIFlag, AIOffer, AIPreview, AIRetrying, AIScreenResult, AIStatus, AIUsage } from '../../lib/api';

export function aiStatus(over: Partial<AIStatus> = {}): AIStatus {
  return {
    enabled: false,
    askFirst: true,
    settings: {
      baseUrl: '',
      models: { screen: 'gpt-4o-mini' },
      budgetUsd: 10,
      runs: 3,
      temperature: 0,
      seed: 7,
      maxTokens: 2000,
      prices: [
        { model: 'gpt-4o-mini', inputPerMTok: 0.15, outputPerMTok: 0.6, asOf: '2025-04-14' },
        { model: 'gpt-4o', inputPerMTok: 2.5, outputPerMTok: 10, asOf: '2025-04-14' },
      ],
    },
    key: { source: 'none', last4: '', note: 'None' },
    rights: { manage: true, manageNote: '' },
    tasks: [
      { feature: 'screen', label: 'Screening resumes', defaultModel: 'gpt-4o-mini' },
      { feature: 'rate', label: 'Second opinion on a score', defaultModel: 'gpt-4.1' },
      { feature: 'summary', label: 'Debrief summary', defaultModel: 'gpt-4.1' },
      { feature: 'followup', label: 'Follow-up questions', defaultModel: 'gpt-4.1' },
    ],
    ...over,
  } as AIStatus;
}

export function aiOffer(over: Partial<AIOffer> = {}): AIOffer {
  return { candidateId: 7, enabled: true, humanOnly: false, humanOnlyNote: '', suggest: true, askFirst: true, ...over } as AIOffer;
}

export function aiPreview(over: Partial<AIPreview> = {}): AIPreview {
  return {
    applicationId: 100,
    model: 'gpt-4o-mini',
    promptVersion: 'screen-v1',
    endpoint: '127.0.0.1:18080',
    messages: [
      { Role: 'system', Content: 'You help a recruiter screen ONE candidate.' },
      { Role: 'user', Content: 'Checklist:\n- prod [green flag]: Shipped to production\n\nResume:\n<resume>\n[CANDIDATE] led the migration of billing to Go.\n</resume>' },
    ],
    resume: '[CANDIDATE] led the migration of billing to Go.',
    redacted: { name: 1, email: 1, pronoun: 2 },
    flags: 3,
    runs: 3,
    cached: 0,
    tokensIn: 3438,
    tokensOut: 540,
    estimateUsd: 0.0008397,
    priceKnown: true,
    ...over,
  } as AIPreview;
}

export function aiFlag(over: Partial<AIFlag> = {}): AIFlag {
  return { id: 'prod', status: 'present', quote: '', reason: 'Said so.', verified: false, start: 0, end: 0, uncertain: false, seen: ['present'], ...over } as AIFlag;
}

export function aiResult(over: Partial<AIScreenResult> = {}): AIScreenResult {
  return {
    applicationId: 100, rubricVersionId: 1, flags: [], runs: 1, uncertain: 0, quotes: 0, dropped: 0, cached: false, model: 'gpt-4o-mini',
    promptVersion: 'screen-v1', fingerprint: 'fp', tokens_in: 900, tokens_out: 150, cost_usd: 0.000225, estimate_tokens_in: 1146,
    estimate_tokens_out: 180, estimate_usd: 0.0002799, attempts: 1, repaired: false, redacted: {}, ...over,
  } as AIScreenResult;
}

export function aiConnection(over: Partial<AIConnection> = {}): AIConnection {
  return { ok: true, endpoint: '127.0.0.1:18080', models: ['gpt-4o', 'gpt-4o-mini'], latencyMs: 42, hasModel: true, model: 'gpt-4o-mini', problem: '', ...over } as AIConnection;
}

export function aiUsage(over: Partial<AIUsage> = {}): AIUsage {
  return { since: '2026-12-01', rows: [], monthUsd: 0, budgetUsd: 10, ...over } as AIUsage;
}

/** Captures the page's "ai:retrying" listener; fire(r) delivers an event. */
export function retryEvents(): { fire: (r: AIRetrying) => void } {
  const handlers: ((r: AIRetrying) => void)[] = [];
  vi.mocked(Runtime.EventsOn).mockImplementation((name: string, fn: (...data: any) => void) => {
    if (name === 'ai:retrying') handlers.push(fn);
    return () => {};
  });
  return { fire: (r) => handlers.forEach((h) => h(r)) };
}
