// Tests the drawer's human-only switch: it asks Go, anyone may switch AI off
// for a candidate, and Go's note shows when the person may not switch it back.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import HumanOnlySwitch from './HumanOnlySwitch.svelte';
import * as AI from '../../lib/wailsjs/go/app/AI';
import { backendError } from '../../test/fixtures';
import { aiOffer } from './aiTestKit';

vi.mock('../../lib/wailsjs/go/app/AI');
vi.mock('../../lib/wailsjs/runtime/runtime');

beforeEach(() => vi.resetAllMocks());

describe('HumanOnlySwitch', () => {
  it('switches AI off for the candidate', async () => {
    vi.mocked(AI.Offer).mockResolvedValue(aiOffer());
    vi.mocked(AI.SetHumanOnly).mockResolvedValue(aiOffer({ humanOnly: true, suggest: false }));
    const user = userEvent.setup();
    render(HumanOnlySwitch, { candidateId: 7 });
    const sw = await screen.findByLabelText('Human only: no AI for this candidate');
    expect(sw).not.toBeChecked();
    await user.click(sw);
    expect(AI.SetHumanOnly).toHaveBeenCalledWith(7, true);
    await waitFor(() => expect(sw).toBeChecked());
  });

  it("shows Go's note when the person may not let AI back", async () => {
    const note = 'Only the recruiter lets AI help back for a candidate marked human only.';
    vi.mocked(AI.Offer).mockResolvedValue(aiOffer({ humanOnly: true, suggest: false, humanOnlyNote: note }));
    render(HumanOnlySwitch, { candidateId: 7 });
    const sw = await screen.findByLabelText('Human only: no AI for this candidate');
    expect(sw).toBeChecked();
    expect(sw).toBeDisabled();
    expect(screen.getByText(note)).toBeInTheDocument();
  });

  it('puts the switch back and says why when Go refuses', async () => {
    vi.mocked(AI.Offer).mockResolvedValue(aiOffer({ humanOnly: true, suggest: false }));
    vi.mocked(AI.SetHumanOnly).mockRejectedValue(backendError('not_found', 'That record no longer exists (candidate 7 not found). Reload to see the current state.'));
    const user = userEvent.setup();
    render(HumanOnlySwitch, { candidateId: 7 });
    const sw = await screen.findByLabelText('Human only: no AI for this candidate');
    await user.click(sw);
    expect(await screen.findByRole('alert')).toHaveTextContent('candidate 7 not found');
    expect(sw).toBeChecked();
  });
});
