// The AI summary sits on a candidate's debrief, asked about that candidate
// in the chosen role, and starts afresh for the next candidate.
import { screen, waitFor, within } from '@testing-library/svelte';
import * as AI from '../../lib/wailsjs/go/app/AI';
import { resetDebrief, setup } from '../debrief/debriefTestKit';
import { streamOffer } from './aiStreamTestKit';

vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/Exports');
vi.mock('../../lib/wailsjs/go/app/AI');
vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');
vi.mock('chart.js', () => import('../debrief/fakeChart'));

beforeEach(resetDebrief);

describe('DebriefScreen: the AI summary', () => {
  it("is on the candidate's debrief, for that candidate in this role", async () => {
    vi.mocked(AI.SummaryOffer).mockResolvedValue(streamOffer());
    const { user } = await setup();
    expect(screen.queryByTestId('ai-debrief-summary')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ada Lovelace' }));
    const box = await screen.findByTestId('ai-debrief-summary');
    expect(within(box).getByRole('button', { name: 'Summarise with AI' })).toBeEnabled();
    expect(AI.SummaryOffer).toHaveBeenCalledWith(1, 1);

    await user.click(screen.getByRole('button', { name: '← Back to ranking' }));
    await user.click(screen.getByRole('button', { name: 'Cleo Park' }));
    await waitFor(() => expect(AI.SummaryOffer).toHaveBeenLastCalledWith(1, 3));
  });
});
