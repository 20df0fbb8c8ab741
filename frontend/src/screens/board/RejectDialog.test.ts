// Tests the reject dialog: a reason from the list and a note beside it, rejected through Go; Go's messages under the field they name with the text kept; without an application (the old caller), the reason only.
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import RejectDialog from './RejectDialog.svelte';
import * as Candidates from '../../lib/wailsjs/go/app/Candidates';
import * as Roles from '../../lib/wailsjs/go/app/Roles';
import { application, backendError, resetUi } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
  vi.mocked(Roles.RejectionReasons).mockResolvedValue(['Not a fit', 'Withdrew']);
});

async function setup(applicationId = 100, fromStageId = 13) {
  const onrejected = vi.fn();
  const onreject = vi.fn();
  const user = userEvent.setup();
  render(RejectDialog, { name: 'Alan Turing', applicationId, fromStageId, onclose: vi.fn(), onrejected, onreject });
  const dialog = screen.getByRole('dialog', { name: 'Reject Alan Turing' });
  await within(dialog).findByRole('option', { name: 'Withdrew' });
  return { user, dialog, onrejected, onreject };
}

describe('RejectDialog', () => {
  it('offers a note beside the reasons and rejects with both', async () => {
    const done = application({ id: 100, stageName: 'Rejected', rejectionReason: 'Withdrew' });
    vi.mocked(Candidates.Reject).mockResolvedValue(done);
    const { user, dialog, onrejected } = await setup();
    const reason = within(dialog).getByRole('combobox', { name: 'Reason' });
    const note = within(dialog).getByRole('textbox', { name: 'Note (optional)' });
    // Side by side: the two fields share one row.
    expect(reason.closest('.fields')).toBe(note.closest('.fields'));

    await user.selectOptions(reason, 'Withdrew');
    await user.type(note, 'Took an offer elsewhere; open to talk next year.');
    await user.click(within(dialog).getByRole('button', { name: 'Reject' }));

    // From the stage the screen showed Alan in: Go refuses if someone moved him since.
    expect(Candidates.Reject).toHaveBeenCalledWith(100, 13, 'Withdrew', 'Took an offer elsewhere; open to talk next year.');
    await waitFor(() => expect(onrejected).toHaveBeenCalledWith(done));
    expect(Candidates.Move).not.toHaveBeenCalled();
  });

  it('asks for a reason first, without calling Go', async () => {
    const { user, dialog } = await setup();
    await user.type(within(dialog).getByRole('textbox', { name: 'Note (optional)' }), 'Unsure');
    await user.click(within(dialog).getByRole('button', { name: 'Reject' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Choose a reason for rejecting.');
    expect(Candidates.Reject).not.toHaveBeenCalled();
  });

  it('shows Go’s refusal under the note and keeps the dialog and the text', async () => {
    vi.mocked(Candidates.Reject).mockRejectedValue(
      backendError('invalid', 'note: the note is 2001 characters long; the limit is 2000', [
        { field: 'note', message: 'the note is 2001 characters long; the limit is 2000' },
      ]),
    );
    const { user, dialog, onrejected } = await setup();
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Reason' }), 'Not a fit');
    const note = within(dialog).getByRole('textbox', { name: 'Note (optional)' });
    await user.type(note, 'Long story');
    await user.click(within(dialog).getByRole('button', { name: 'Reject' }));

    await waitFor(() => expect(note).toHaveAttribute('aria-invalid', 'true'));
    expect(note).toHaveAccessibleDescription('the note is 2001 characters long; the limit is 2000');
    expect(note).toHaveValue('Long story');
    expect(screen.getByRole('dialog', { name: 'Reject Alan Turing' })).toBeInTheDocument();
    expect(onrejected).not.toHaveBeenCalled();
  });

  it('without an application it only picks the reason, for the caller to move the card', async () => {
    const { user, dialog, onreject } = await setup(0);
    expect(within(dialog).queryByRole('textbox')).toBeNull();
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Reason' }), 'Withdrew');
    await user.click(within(dialog).getByRole('button', { name: 'Reject' }));
    expect(onreject).toHaveBeenCalledWith('Withdrew');
    expect(Candidates.Reject).not.toHaveBeenCalled();
  });
});
