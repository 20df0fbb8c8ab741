// Tests the backups section: the snapshot list, Back up now, restoring a file or a snapshot only after confirming, Go's refusals shown as they come, and who may do what.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import BackupsSection from './BackupsSection.svelte';
import * as Backups from '../../lib/wailsjs/go/app/Backups';
import type { BackupFacts, BackupStatus, RestoreChoice } from '../../lib/api';
import { backendError } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Backups');
vi.mock('../../lib/wailsjs/runtime/runtime');

function status(over: Partial<BackupStatus> = {}): BackupStatus {
  return {
    snapshots: [
      { name: 'workspace-20261201T171800Z.db', time: '2026-12-01T17:18:00Z', bytes: 2 * 1024 * 1024 },
      { name: 'workspace-20261201T161800Z.db', time: '2026-12-01T16:18:00Z', bytes: 1536 },
    ],
    keep: 10,
    maxKeep: 100,
    lastSaved: '',
    rights: { mayBackUp: true, mayRestore: true, note: '' },
    ...over,
  } as BackupStatus;
}

function facts(over: Partial<BackupFacts> = {}): BackupFacts {
  return {
    name: 'friday.db', schema: 6, upgrade: false, bytes: 4096, modified: '2026-11-27T16:00:00Z',
    candidates: 40, roles: 3, currentCandidates: 41, currentRoles: 3, erasedAgain: 0, anonymisedAgain: 0, again: '', ...over,
  } as BackupFacts;
}

function choice(f: BackupFacts): RestoreChoice {
  return { token: 'tok', facts: f } as RestoreChoice;
}

function setup(st = status()) {
  vi.mocked(Backups.Status).mockResolvedValue(st);
  const reload = vi.fn();
  const user = userEvent.setup();
  render(BackupsSection, { reload });
  return { user, reload };
}

beforeEach(() => {
  vi.resetAllMocks();
});

describe('BackupsSection', () => {
  it('lists the snapshots newest first with their size', async () => {
    setup();
    const table = await screen.findByRole('table', { name: 'Automatic snapshots' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('2.0 MB');
    expect(rows[1]).toHaveTextContent('1.5 KB');
    expect(screen.getByTestId('last-saved')).toHaveTextContent('No backup saved yet.');
    expect(screen.getByLabelText('Keep the newest')).toHaveValue(10);
  });

  it('says when there is no snapshot yet', async () => {
    setup(status({ snapshots: [] }));
    expect(await screen.findByTestId('no-snapshots')).toHaveTextContent('the first one is taken when hirebench opens');
  });

  it('backs up now and says what was saved', async () => {
    vi.mocked(Backups.BackUpNow).mockResolvedValue({ path: '', name: 'monday.db', bytes: 3 * 1024 * 1024, time: '2026-12-01T17:30:00Z', schema: 6 });
    const { user } = setup();
    await screen.findByRole('table');
    vi.mocked(Backups.Status).mockResolvedValue(status({ lastSaved: '2026-12-01T17:30:00Z' }));
    await user.click(screen.getByRole('button', { name: 'Back up now…' }));
    expect(await screen.findByTestId('backup-saved')).toHaveTextContent('Saved monday.db (3.0 MB), checked whole.');
    expect(await screen.findByTestId('last-saved')).toHaveTextContent('Last backup saved');
  });

  it('shows nothing when the save dialog is closed', async () => {
    vi.mocked(Backups.BackUpNow).mockResolvedValue(null as never);
    const { user } = setup();
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Back up now…' }));
    expect(Backups.BackUpNow).toHaveBeenCalledOnce();
    expect(screen.queryByTestId('backup-saved')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('restores a chosen file only after the confirmation, then reloads', async () => {
    vi.mocked(Backups.ChooseRestoreFile).mockResolvedValue(choice(facts({ upgrade: true })));
    vi.mocked(Backups.RestoreFile).mockResolvedValue({ ...facts(), keptAs: 'workspace-20261201T173000Z.db' } as never);
    const { user, reload } = setup();
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Restore from a file…' }));

    const confirm = await screen.findByRole('group', { name: 'Confirm the restore' });
    expect(confirm).toHaveTextContent('Restore friday.db?');
    expect(confirm).toHaveTextContent('It holds 40 candidates and 3 roles');
    expect(confirm).toHaveTextContent('made by an older hirebench, it will be upgraded');
    expect(confirm).toHaveTextContent('now 41 candidates and 3 roles, which is kept as a snapshot first');
    expect(Backups.RestoreFile).not.toHaveBeenCalled();

    await user.click(within(confirm).getByRole('button', { name: 'Replace the workspace' }));
    expect(Backups.RestoreFile).toHaveBeenCalledWith('tok');
    expect(await screen.findByTestId('backup-restored')).toHaveTextContent('Restored friday.db.');
    expect(reload).toHaveBeenCalledOnce();
  });

  it("says, in Go's words, who erased since the backup will be erased again", async () => {
    const again = '2 people erased since this backup was made will be erased again.';
    vi.mocked(Backups.ChooseRestoreFile).mockResolvedValue(choice(facts({ erasedAgain: 2, again })));
    const { user } = setup();
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Restore from a file…' }));
    const confirm = await screen.findByRole('group', { name: 'Confirm the restore' });
    expect(within(confirm).getByTestId('restore-again')).toHaveTextContent(again);
  });

  it('says nothing about erased people when the backup holds none', async () => {
    vi.mocked(Backups.ChooseRestoreFile).mockResolvedValue(choice(facts()));
    const { user } = setup();
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Restore from a file…' }));
    const confirm = await screen.findByRole('group', { name: 'Confirm the restore' });
    expect(within(confirm).queryByTestId('restore-again')).toBeNull();
  });

  it('cancelling the confirmation restores nothing', async () => {
    vi.mocked(Backups.ChooseRestoreFile).mockResolvedValue(choice(facts()));
    const { user, reload } = setup();
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Restore from a file…' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Confirm the restore' })).toBeNull();
    expect(Backups.RestoreFile).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
  });

  it('restores a snapshot after checking it and confirming', async () => {
    vi.mocked(Backups.CheckSnapshot).mockResolvedValue(facts({ name: 'workspace-20261201T161800Z.db', candidates: 12, roles: 1 }));
    vi.mocked(Backups.RestoreSnapshot).mockResolvedValue({ ...facts({ name: 'workspace-20261201T161800Z.db' }), keptAs: 'x.db' } as never);
    const { user, reload } = setup();
    const rows = within(await screen.findByRole('table')).getAllByRole('row').slice(1);
    await user.click(within(rows[1]!).getByRole('button', { name: /Restore the snapshot of/ }));
    expect(Backups.CheckSnapshot).toHaveBeenCalledWith('workspace-20261201T161800Z.db');
    const confirm = await screen.findByRole('group', { name: 'Confirm the restore' });
    expect(confirm).toHaveTextContent('Restore the snapshot workspace-20261201T161800Z.db?');
    expect(confirm).toHaveTextContent('It holds 12 candidates and 1 role');
    await user.click(within(confirm).getByRole('button', { name: 'Replace the workspace' }));
    expect(Backups.RestoreSnapshot).toHaveBeenCalledWith('workspace-20261201T161800Z.db');
    expect(reload).toHaveBeenCalledOnce();
  });

  it("shows Go's refusal of a file as it comes, with nothing to confirm", async () => {
    vi.mocked(Backups.ChooseRestoreFile).mockRejectedValue(
      backendError('invalid', 'file: notes.db is not a hirebench backup (not a database file); nothing was changed', [
        { field: 'file', message: 'notes.db is not a hirebench backup (not a database file); nothing was changed' },
      ]),
    );
    const { user } = setup();
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Restore from a file…' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('That file cannot be restored.');
    expect(alert).toHaveTextContent('notes.db is not a hirebench backup');
    expect(screen.queryByRole('group', { name: 'Confirm the restore' })).toBeNull();
  });

  it('a restore that fails says nothing was restored and does not reload', async () => {
    vi.mocked(Backups.ChooseRestoreFile).mockResolvedValue(choice(facts()));
    vi.mocked(Backups.RestoreFile).mockRejectedValue(
      backendError('invalid', 'file: there is not enough free space to keep the current workspace as a snapshot, so nothing was restored'),
    );
    const { user, reload } = setup();
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Restore from a file…' }));
    await user.click(await screen.findByRole('button', { name: 'Replace the workspace' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Nothing was restored.');
    expect(alert).toHaveTextContent('not enough free space');
    expect(reload).not.toHaveBeenCalled();
  });

  it("an interviewer on the recruiter's laptop reads why the buttons are off", async () => {
    const note = "A backup holds every interviewer's scorecards, so on this laptop only the recruiter makes one.";
    setup(status({ rights: { mayBackUp: false, mayRestore: false, note } }));
    expect(await screen.findByTestId('backup-rights-note')).toHaveTextContent(note);
    expect(screen.getByRole('button', { name: 'Back up now…' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Restore from a file…' })).toBeDisabled();
    for (const b of screen.getAllByRole('button', { name: /Restore the snapshot of/ })) expect(b).toBeDisabled();
    expect(screen.getByLabelText('Keep the newest')).toBeDisabled();
  });

  it('offers up to the number of snapshots Go accepts', async () => {
    setup(status({ maxKeep: 7 }));
    expect(await screen.findByLabelText('Keep the newest')).toHaveAttribute('max', '7');
  });

  it('changes how many snapshots are kept, and shows a refusal by the field', async () => {
    const { user } = setup();
    const input = await screen.findByLabelText('Keep the newest');
    vi.mocked(Backups.SetKeep).mockResolvedValue(status({ keep: 3 }));
    await user.clear(input);
    await user.type(input, '3');
    await user.tab();
    expect(Backups.SetKeep).toHaveBeenLastCalledWith(3);
    expect(input).toHaveValue(3);

    vi.mocked(Backups.SetKeep).mockRejectedValue(
      backendError('invalid', 'keep: keep between 1 and 100 snapshots', [{ field: 'keep', message: 'keep between 1 and 100 snapshots' }]),
    );
    await user.clear(input);
    await user.type(input, '500');
    await user.tab();
    expect(await screen.findByRole('alert')).toHaveTextContent('keep between 1 and 100 snapshots');
    expect(input).toHaveAttribute('aria-invalid', 'true');
  });
});
