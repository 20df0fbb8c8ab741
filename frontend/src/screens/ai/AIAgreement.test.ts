// Tests the AI's agreement beside the calibration: Go's sentence and
// figures per rubric and model, per competency with n; nothing before any
// second opinion, nor when Go refuses (cards hidden from the viewer).
import { render, screen, within } from '@testing-library/svelte';
import AIAgreement from './AIAgreement.svelte';
import * as AI from '../../lib/wailsjs/go/app/AI';
import { backendError } from '../../test/fixtures';
import type { AIAgreement as View } from '../../lib/api/ai';

vi.mock('../../lib/wailsjs/go/app/AI');
vi.mock('../../lib/wailsjs/runtime/runtime');

const enough = {
  name: 'Prompting & model choice', scale: '1–4', n: 10, candidates: 5, enough: true, moreAnswers: 0, moreCandidates: 0, icc: 200 / 227, alpha: 0.87,
  humansN: 10, humansIcc: 8 / 11, humansAlpha: 0.72, says: 'On 10 answers of 5 candidates, gpt-4.1 agrees with the interviewers at ICC(2,1) 0.88.',
};

function agreement(over: Partial<View> = {}): View {
  return {
    roleId: 3, iccLabel: 'ICC(2,1)', alphaLabel: "Krippendorff's α (ordinal)", note: '',
    lines: [{ rubricId: 1, rubric: 'OpenAI platform developer (built-in)', model: 'gpt-4.1', promptVersions: ['rate-v1'],
      pooled: [{ ...enough, name: 'All questions' }],
      competencies: [enough, { ...enough, name: 'Evals', n: 4, candidates: 2, enough: false, icc: null, alpha: null, moreAnswers: 6, moreCandidates: 1,
        says: 'Too few to say yet: 4 answers rated by both the AI and the interviewer, of 2 candidates; 6 more answers and 1 more candidate are needed.' }] }],
    ...over,
  } as unknown as View;
}

beforeEach(() => vi.resetAllMocks());

describe('AIAgreement', () => {
  it('shows Go\'s sentence and, per competency, n and the same statistics as the interviewers\'', async () => {
    vi.mocked(AI.RoleAgreement).mockResolvedValue(agreement());
    render(AIAgreement, { roleId: 3 });
    expect(await screen.findByTestId('ai-agreement-says')).toHaveTextContent('gpt-4.1 agrees with the interviewers at ICC(2,1) 0.88.');
    expect(AI.RoleAgreement).toHaveBeenCalledWith(3);
    const [full, few] = screen.getAllByTestId('ai-agreement-row');
    expect(within(full).getAllByRole('cell').map((c) => c.textContent?.trim()).slice(0, 4)).toEqual(['10', '0.88', '0.87', '0.73']);
    expect(within(few).getAllByRole('cell').map((c) => c.textContent?.trim()).slice(0, 3)).toEqual(['4', '—', '—']);
    expect(few).toHaveTextContent('6 more answers and 1 more candidate are needed.');
  });

  it('shows nothing before any second opinion, or when Go refuses', async () => {
    vi.mocked(AI.RoleAgreement).mockResolvedValue(agreement({ lines: [], note: 'No AI second opinions yet.' }));
    const { unmount } = render(AIAgreement, { roleId: 3 });
    await vi.waitFor(() => expect(AI.RoleAgreement).toHaveBeenCalled());
    expect(screen.queryByTestId('ai-agreement')).toBeNull();
    unmount();
    vi.mocked(AI.RoleAgreement).mockRejectedValue(backendError('conflict', 'shown once you may see every scorecard of this role'));
    render(AIAgreement, { roleId: 3 });
    await vi.waitFor(() => expect(AI.RoleAgreement).toHaveBeenCalledTimes(2));
    expect(screen.queryByTestId('ai-agreement')).toBeNull();
  });
});
