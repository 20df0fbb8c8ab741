// Tests the blind screen: it shows what Go sent ("Candidate 17", the redacted resume), saves through the screen's
// rules, then shows who it was, the other screener's decision and the two screeners' agreement.
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import BlindScreen from './BlindScreen.svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import type { ScreenFlag } from '../../lib/api';
import type { BlindScreen as Blind } from '../../lib/api/screen';
import { flushAll } from '../../lib/autosave.svelte';
import { resetUi, resumeScreen } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

const checklist: ScreenFlag[] = [{ id: 'prod', kind: 'green', text: 'Shipped to production' }];
const REDACTED = '[CANDIDATE] · [EMAIL]\nThey shipped a rate limiter used by 40 services.';

function blind(over: Partial<Blind> = {}): Blind {
  return {
    applicationId: 17, label: 'Candidate 17', roleId: 1, roleTitle: 'Senior AI Engineer', screen: resumeScreen({ applicationId: 17, checklist }),
    resumeText: REDACTED, redacted: { name: 1, email: 1, pronoun: 1 }, revealed: false, revisions: [], ...over,
  } as Blind;
}

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
});

afterEach(async () => {
  await flushAll();
});

describe('BlindScreen', () => {
  it('screens "Candidate 17" on the redacted resume, then reveals who it was once the decision is saved', async () => {
    vi.mocked(Interviews.BlindScreen).mockResolvedValueOnce(blind());
    vi.mocked(Interviews.SuggestScreen).mockResolvedValue('advance');
    vi.mocked(Interviews.ScreenAgreement).mockResolvedValue({ roleId: 1, pairs: 0 } as never);
    vi.mocked(Interviews.SaveScreen).mockImplementation(async (input) =>
      resumeScreen({ checklist, ...input, suggested: 'advance', authorName: 'Riley Chen', updatedAt: '2026-01-08T11:00:00Z' }),
    );
    const user = userEvent.setup();
    render(BlindScreen, { applicationId: 17, onclose: () => {} });
    expect(await screen.findByTestId('blind-label')).toHaveTextContent('Candidate 17');
    expect(screen.getByTestId('blind-resume')).toHaveTextContent('They shipped a rate limiter');
    expect(screen.getByTestId('blind-note')).toHaveTextContent('removed from the resume: 1 name, 1 email, 1 pronoun');
    expect(Interviews.BlindScreen).toHaveBeenCalledWith(17, false);

    const prod = await screen.findByRole('group', { name: 'Shipped to production' });
    await user.click(within(prod).getByRole('button', { name: 'Present' }));
    await user.type(within(prod).getByRole('textbox', { name: 'Quote from the resume' }), 'They shipped a rate limiter');
    await user.click(within(screen.getByRole('group', { name: 'Decision' })).getByRole('button', { name: 'Advance' }));
    vi.mocked(Interviews.BlindScreen).mockResolvedValueOnce(
      blind({
        revealed: true, resumeText: 'Grace Hopper\nShe shipped a rate limiter used by 40 services.', redacted: {},
        screen: resumeScreen({ applicationId: 17, checklist, decision: 'advance', authorName: 'Riley Chen', updatedAt: '2026-01-08T11:00:00Z' }),
        candidate: { candidateId: 5, name: 'Grace Hopper', email: 'grace@example.com', phone: '', location: '', source: 'Referral', links: [] },
        other: resumeScreen({ applicationId: 17, checklist, decision: 'reject', authorName: 'Sam Okafor', second: true }),
      } as Partial<Blind>),
    );
    await user.click(screen.getByRole('button', { name: 'Save screen' }));

    await waitFor(() => expect(Interviews.SaveScreen).toHaveBeenCalledWith(expect.objectContaining({ applicationId: 17, decision: 'advance', second: false })));
    const reveal = await screen.findByTestId('blind-reveal');
    expect(reveal).toHaveTextContent('Decision saved: Advance. This was Grace Hopper');
    expect(reveal).toHaveTextContent('source: Referral');
    expect(reveal).toHaveTextContent('The second screener (Sam Okafor) decided Reject — you differ.');
  });

  it("asks for the second screener's own screen and says it is independent", async () => {
    vi.mocked(Interviews.BlindScreen).mockResolvedValue(blind({ screen: resumeScreen({ applicationId: 17, checklist, second: true }) }));
    vi.mocked(Interviews.ScreenAgreement).mockResolvedValue({ roleId: 1, pairs: 6, kappa: 0.333, kappaNote: '', alpha: undefined, alphaNote: 'undefined: both screeners gave every resume the same answer' } as never);
    render(BlindScreen, { applicationId: 17, second: true, onclose: () => {} });
    expect(await screen.findByTestId('blind-note')).toHaveTextContent('You screen independently: the first screen shows once yours is decided.');
    expect(Interviews.BlindScreen).toHaveBeenCalledWith(17, true);
    expect(await screen.findByTestId('screen-agreement')).toHaveTextContent(
      'Two screeners on Senior AI Engineer: 6 resumes · decisions κ 0.33 · flags α undefined: both screeners gave every resume the same answer',
    );
  });
});
