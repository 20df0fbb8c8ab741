// Tests Undo in the candidate drawer's toasts: a stage move from the stage select, a rejection and archiving, each reversed by Go.
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import CandidateDetail from './CandidateDetail.svelte';
import Toast from '../../lib/components/Toast.svelte';
import * as Candidates from '../../lib/wailsjs/go/app/Candidates';
import * as Roles from '../../lib/wailsjs/go/app/Roles';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import { ui } from '../../lib/stores/ui.svelte';
import { flushAll } from '../../lib/autosave.svelte';
import { application, candidate, detail, resetUi, resumeScreen, role } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

const roles = [role({ id: 1, title: 'Backend Engineer' })];
const AT = '2026-01-05T10:00:00.000Z';
const ada = () =>
  detail({
    candidate: candidate({ id: 1, name: 'Ada Lovelace', email: 'ada@example.com' }),
    applications: [application({ id: 100, roleId: 1, roleTitle: 'Backend Engineer', stageId: 12, stageName: 'Screen' })],
  });

async function open() {
  vi.mocked(Candidates.Detail).mockResolvedValue(ada());
  const user = userEvent.setup();
  render(Toast);
  render(CandidateDetail, { id: 1, roles, onclose: vi.fn() });
  await screen.findByRole('textbox', { name: 'Name' });
  return user;
}

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
  vi.mocked(Roles.RejectionReasons).mockResolvedValue(['Not a fit', 'Withdrew']);
  vi.mocked(Interviews.CandidateRounds).mockResolvedValue([]);
  vi.mocked(Interviews.Screen).mockImplementation(async (applicationId) => resumeScreen({ applicationId }));
});

afterEach(async () => {
  await flushAll();
});

describe('Undo in the candidate drawer', () => {
  it('a move from the stage select is undone by Go, and the drawer shows the stage again', async () => {
    vi.mocked(Candidates.Move).mockResolvedValue(application({ id: 100, stageId: 13, stageName: 'Interview', enteredStageAt: AT }));
    vi.mocked(Candidates.UndoMove).mockResolvedValue(application({ id: 100, stageId: 12, stageName: 'Screen' }));
    const user = await open();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Stage for Backend Engineer' }), 'Interview');
    await waitFor(() => expect(ui.toast?.text).toBe('Ada Lovelace moved to Interview'));

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(Candidates.UndoMove).toHaveBeenCalledWith(100, AT);
    await waitFor(() => expect(ui.toast?.text).toBe('Ada Lovelace is back in Screen'));
    expect(Candidates.Detail).toHaveBeenCalledTimes(3); // opened, after the move, after the undo
  });

  it('a rejection from the drawer is undone with the time Go gave it', async () => {
    vi.mocked(Candidates.Reject).mockResolvedValue(application({ id: 100, stageId: 14, stageName: 'Rejected', stageKind: 'rejected', enteredStageAt: AT }));
    vi.mocked(Candidates.UndoMove).mockResolvedValue(application({ id: 100, stageId: 12, stageName: 'Screen' }));
    const user = await open();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Stage for Backend Engineer' }), 'Rejected');
    const dialog = await screen.findByRole('dialog', { name: 'Reject Ada Lovelace' });
    await within(dialog).findByRole('option', { name: 'Withdrew' });
    await user.selectOptions(within(dialog).getByLabelText('Reason'), 'Withdrew');
    await user.click(within(dialog).getByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(ui.toast?.text).toBe('Ada Lovelace rejected'));

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(Candidates.UndoMove).toHaveBeenCalledWith(100, AT);
    await waitFor(() => expect(ui.toast?.text).toBe('Ada Lovelace is back in Screen'));
  });

  it('archiving is undone by Go, and the drawer offers Archive again', async () => {
    vi.mocked(Candidates.Archive).mockResolvedValue(candidate({ id: 1, name: 'Ada Lovelace', archivedAt: AT }));
    vi.mocked(Candidates.UndoArchive).mockResolvedValue(candidate({ id: 1, name: 'Ada Lovelace', archivedAt: '' }));
    const user = await open();
    await user.click(screen.getByRole('button', { name: 'Archive' }));
    await waitFor(() => expect(ui.toast?.text).toMatch(/^Ada Lovelace archived/));

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(Candidates.UndoArchive).toHaveBeenCalledWith(1, AT);
    await waitFor(() => expect(ui.toast).toEqual({ text: 'Ada Lovelace restored', kind: 'info' }));
    expect(screen.getByRole('button', { name: 'Archive' })).toBeInTheDocument();
  });
});
