// Screening a role blind from the board: Go names the next resume, "Next resume" asks for the one after it, and an empty queue says so and offers the second screens.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import BlindQueue from './BlindQueue.svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import type { BlindScreen as Blind } from '../../lib/api/screen';
import { flushAll } from '../../lib/autosave.svelte';
import { resetUi, resumeScreen } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

const blind = (app: number, revealed: boolean) =>
  ({ applicationId: app, label: `Candidate ${app}`, roleId: 4, roleTitle: 'Search Engineer', screen: resumeScreen({ applicationId: app, checklist: [] }),
    resumeText: 'They built semantic search.', redacted: {}, revealed, revisions: [],
    candidate: revealed ? { candidateId: 1, name: 'Lin Park', email: '', phone: '', location: '', source: '', links: [] } : undefined } as unknown as Blind);

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
  vi.mocked(Interviews.ScreenAgreement).mockResolvedValue({ roleId: 4, pairs: 0 } as never);
});
afterEach(flushAll);

describe('BlindQueue', () => {
  it('opens the next resume Go names, and after a decision moves on to the one after it', async () => {
    vi.mocked(Interviews.NextBlindScreen).mockResolvedValueOnce({ applicationId: 21, left: 2 }).mockResolvedValueOnce({ applicationId: 22, left: 1 });
    vi.mocked(Interviews.BlindScreen).mockImplementation(async (app) => blind(app, app === 21));
    const user = userEvent.setup();
    render(BlindQueue, { roleId: 4, onclose: () => {} });
    expect(await screen.findByTestId('blind-label')).toHaveTextContent('Candidate 21');
    expect(Interviews.NextBlindScreen).toHaveBeenCalledWith(4, 0, false);
    await user.click(await screen.findByRole('button', { name: 'Next resume' }));
    await waitFor(() => expect(screen.getByTestId('blind-label')).toHaveTextContent('Candidate 22'));
    expect(Interviews.NextBlindScreen).toHaveBeenLastCalledWith(4, 21, false);
    // Undecided: no way on but deciding (or closing).
    expect(screen.queryByRole('button', { name: 'Next resume' })).toBeNull();
  });

  it('says when nothing is left, and offers the second screens', async () => {
    vi.mocked(Interviews.NextBlindScreen).mockResolvedValueOnce({ applicationId: 0, left: 0 }).mockResolvedValueOnce({ applicationId: 0, left: 0 });
    const user = userEvent.setup();
    render(BlindQueue, { roleId: 4, onclose: () => {} });
    expect(await screen.findByTestId('blind-queue-done')).toHaveTextContent('No resumes left for you to screen blind');
    await user.click(screen.getByRole('button', { name: 'Second screens…' }));
    await waitFor(() => expect(Interviews.NextBlindScreen).toHaveBeenLastCalledWith(4, 0, true));
    expect(await screen.findByTestId('blind-queue-done')).toHaveTextContent('a second time');
  });
});
