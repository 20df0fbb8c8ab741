// Tests the AI dialog's "AI quality" tab: Go's figures per feature and
// model, the probes with their impact ratios and what moved, Go's note when
// today's model was never probed, the agreement sentence, and an
// interviewer reading Go's refusal.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import AIDialog from './AIDialog.svelte';
import * as AI from '../../lib/wailsjs/go/app/AI';
import { backendError, resetUi } from '../../test/fixtures';
import { aiStatus } from './aiTestKit';
import type { AIQuality } from '../../lib/api/ai';

vi.mock('../../lib/wailsjs/go/app/AI');
vi.mock('../../lib/wailsjs/runtime/runtime');

function quality(over: Partial<AIQuality> = {}): AIQuality {
  return {
    features: [
      { feature: 'screen', label: 'Screening resumes', model: 'gpt-4o-mini', calls: 12, cached: 3, cacheHitRate: 0.25, failed: 1, failureRate: 1 / 12,
        tokensIn: 12000, tokensOut: 3000, costUsd: 0.0036, checked: 3, quotes: 29, verified: 26, dropped: 3, verifiedShare: 26 / 29,
        items: 36, uncertain: 2, uncertainRate: 2 / 36, repairs: 1 },
      { feature: 'rate', label: 'Second opinion on a score', model: 'gpt-4.1', calls: 2, cached: 0, cacheHitRate: 0, failed: 0, failureRate: 0,
        tokensIn: 1600, tokensOut: 120, costUsd: 0.00416, checked: 0, quotes: 0, verified: 0, dropped: 0, verifiedShare: 1, items: 0, uncertain: 0,
        uncertainRate: 0, repairs: 0 },
    ],
    probes: [{
      promptVersion: 'screen-v1', model: 'gpt-4o', at: '2026-11-20T10:00:00Z', resumes: 10, names: 32, resumesMoved: 2, maxChange: 0.25,
      stableShare: 0.9, stablePass: false, flagsMoved: [{ id: 'shipped', green: true, meanChange: 0.05, resumesChanged: 2 }],
      groups: [{ group: 'Asian women', names: 4, present: 40, seen: 48, rate: 0.83, impactRatio: 1, pass: true },
        { group: 'Black men', names: 4, present: 30, seen: 48, rate: 0.63, impactRatio: 0.75, pass: false }],
      lowestGroup: 'Black men', lowestRatio: 0.75, impactPass: false, goals: { tolerance: 0.1, stableShare: 0.95, impactRatio: 0.9 }, pass: false,
      current: false, says: 'The probe failed: the outcome moved with the name on 2 of 10 resumes.',
    }],
    probeNote: 'The screening model gpt-4o-mini with prompt screen-v1 has not been probed yet: run hirebench ai probe --role ROLE.',
    agreement: { roleId: 0, iccLabel: 'ICC(2,1)', alphaLabel: "Krippendorff's α (ordinal)", note: '', lines: [{
      rubricId: 1, rubric: 'Backend', model: 'gpt-4.1', promptVersions: ['rate-v1'], competencies: [],
      pooled: [{ name: 'All questions', scale: '1–4', n: 4, candidates: 2, enough: false, moreAnswers: 6, moreCandidates: 1, icc: null, alpha: null,
        humansN: 10, humansIcc: 0.73, humansAlpha: 0.7, says: 'Too few to say yet: 4 answers rated by both the AI and the interviewer, of 2 candidates; 6 more answers and 1 more candidate are needed.' }],
    }] },
    ...over,
  } as unknown as AIQuality;
}

async function openQuality() {
  const user = userEvent.setup();
  render(AIDialog, { onclose: () => {} });
  await screen.findByLabelText('Offer AI suggestions in this workspace');
  await user.click(screen.getByRole('tab', { name: 'AI quality' }));
}

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
});

describe('AI quality tab', () => {
  it('shows Go\'s figures per feature and model, the probe and the agreement', async () => {
    vi.mocked(AI.Status).mockResolvedValue(aiStatus());
    vi.mocked(AI.Quality).mockResolvedValue(quality());
    await openQuality();
    const rows = await screen.findAllByTestId('ai-quality-row');
    expect(within(rows[0]).getByRole('rowheader')).toHaveTextContent('Screening resumesgpt-4o-mini');
    const cells = within(rows[0]).getAllByRole('cell').map((c) => c.textContent?.replace(/\s+/g, ' ').trim());
    expect(cells).toEqual(['12', '3 (25%)', '1', '$0.0036', '26 of 29 (90%)3 dropped', '2 of 36', '1']);
    // A feature without quotes or runs says nothing about them, rather than 0%.
    expect(within(rows[1]).getAllByRole('cell').map((c) => c.textContent?.trim()).slice(4)).toEqual(['—', '—', '—']);

    expect(screen.getByTestId('ai-quality-probe-note')).toHaveTextContent('gpt-4o-mini with prompt screen-v1 has not been probed yet');
    const probe = screen.getByTestId('ai-quality-probe');
    expect(probe).toHaveTextContent('screen-v1 · gpt-4o');
    expect(probe).toHaveTextContent('Failed');
    expect(probe).toHaveTextContent('Black men30 of 480.75 (below the goal)');
    expect(probe).toHaveTextContent('Flags that moved with the name: shipped (on 2 of 10 resumes).');
    expect(screen.getByTestId('ai-quality-agreement')).toHaveTextContent('6 more answers and 1 more candidate are needed.');
  });

  it('shows an interviewer Go\'s refusal', async () => {
    vi.mocked(AI.Status).mockResolvedValue(aiStatus({ rights: { manage: false, manageNote: 'Only the recruiter…' } as never }));
    vi.mocked(AI.Quality).mockRejectedValue(backendError('conflict', 'Only the recruiter sees the AI quality figures.'));
    await openQuality();
    expect(await screen.findByTestId('ai-quality-refused')).toHaveTextContent('Only the recruiter sees the AI quality figures.');
  });
});
