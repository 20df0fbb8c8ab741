// Tests the app shell: welcome and error states, the first role's board, save-before-close, keyboard shortcuts and search, and switching, protecting and unlocking profiles.
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from './App.svelte';
import * as Candidates from './lib/wailsjs/go/app/Candidates';
import * as Roles from './lib/wailsjs/go/app/Roles';
import * as Workspace from './lib/wailsjs/go/app/Workspace';
import * as Interviews from './lib/wailsjs/go/app/Interviews';
import * as Runtime from './lib/wailsjs/runtime/runtime';
import { Autosave } from './lib/autosave.svelte';
import { ui } from './lib/stores/ui.svelte';
import { backendError, board, card, opening, page, profile, resetUi, rights, role, row, wrongPassphrase } from './test/fixtures';

vi.mock('./lib/wailsjs/go/app/Candidates');
vi.mock('./lib/wailsjs/go/app/Roles');
vi.mock('./lib/wailsjs/go/app/Workspace');
vi.mock('./lib/wailsjs/go/app/Interviews');
vi.mock('./lib/wailsjs/runtime/runtime');

// The app loads what is off its first screen on first use; loading those
// modules once here keeps a slow first transform (a busy machine) from
// counting against a test's wait for the dialog or drawer they show.
beforeAll(async () => {
  await Promise.all([
    import('./screens/candidates/CandidatesTable.svelte'),
    import('./screens/candidate/CandidateDetail.svelte'),
    import('./screens/candidate/NewCandidate.svelte'),
    import('./lib/components/PassphraseDialog.svelte'),
  ]);
});

const grace = profile({ id: 1, name: 'Grace Hopper' });
const r = role({ id: 1, title: 'Backend Engineer' });
const firstBoard = board(r, { Applied: [card({ name: 'Ada Lovelace' })] });
let flushHandler: ((...data: unknown[]) => unknown) | undefined;
const off = vi.fn();

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
  flushHandler = undefined;
  vi.mocked(Runtime.EventsOn).mockImplementation((name, fn) => {
    if (name === 'app:flush') flushHandler = fn;
    return off;
  });
  vi.mocked(Workspace.Opening).mockResolvedValue(opening({ profiles: [grace], profile: grace, roles: [r], board: firstBoard }));
  vi.mocked(Workspace.Profiles).mockResolvedValue([grace]);
  vi.mocked(Workspace.CurrentProfile).mockResolvedValue(grace);
  vi.mocked(Workspace.Flushed).mockResolvedValue();
  vi.mocked(Roles.List).mockResolvedValue([r]);
  vi.mocked(Candidates.Board).mockResolvedValue(firstBoard);
  vi.mocked(Candidates.List).mockResolvedValue(page([]));
  vi.mocked(Candidates.Facets).mockResolvedValue({ tags: [], sources: [] });
});

async function start() {
  const user = userEvent.setup();
  const view = render(App);
  await screen.findByRole('tab', { name: 'Backend Engineer' });
  return { user, view };
}

describe('App', () => {
  it('asks who is using the app when there is no current profile', async () => {
    vi.mocked(Workspace.Opening).mockResolvedValue(opening({ profiles: [grace] }));
    render(App);
    expect(await screen.findByRole('heading', { name: 'Welcome to hirebench' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Grace Hopper/ })).toBeInTheDocument();
  });

  it('says so when the workspace cannot be opened', async () => {
    vi.mocked(Workspace.Opening).mockRejectedValue('database is locked');
    render(App);
    expect(await screen.findByRole('alert')).toHaveTextContent('The workspace could not be opened: database is locked');
  });

  it('opens on the board of the first role', async () => {
    await start();
    expect(ui.roleId).toBe(1);
    expect(screen.getByRole('tab', { name: 'Backend Engineer' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByText('Ada Lovelace')).toBeInTheDocument();
  });

  it('paints the first board from the opening answer alone: no other call before it', async () => {
    await start();
    expect(await screen.findByText('Ada Lovelace')).toBeInTheDocument();
    expect(Workspace.Opening).toHaveBeenCalledTimes(1);
    for (const fn of [Workspace.Profiles, Workspace.CurrentProfile, Roles.List, Candidates.Board]) expect(fn).not.toHaveBeenCalled();
  });

  it('takes the opening answer from the page when Go put it there, once', async () => {
    (window as unknown as Record<string, unknown>).__hirebenchOpening = opening({ profiles: [grace], profile: grace, roles: [r], board: firstBoard });
    await start();
    expect(await screen.findByText('Ada Lovelace')).toBeInTheDocument();
    expect(Workspace.Opening).not.toHaveBeenCalled();
    expect(Candidates.Board).not.toHaveBeenCalled();
    expect('__hirebenchOpening' in window).toBe(false);
  });

  it('asks for the board again after a change, not from the opening answer', async () => {
    await start();
    vi.mocked(Candidates.Board).mockResolvedValue(board(r, { Applied: [card({ name: 'Alan Turing' })] }));
    ui.changed();
    expect(await screen.findByText('Alan Turing')).toBeInTheDocument();
    expect(Candidates.Board).toHaveBeenCalledWith(1, {});
  });

  it('saves pending edits before telling the window it may close', async () => {
    await start();
    expect(Runtime.EventsOn).toHaveBeenCalledWith('app:flush', expect.any(Function));
    const order: string[] = [];
    // The save takes a while: the window must not be told before it is done.
    const save = vi.fn(async () => {
      await new Promise((r) => setTimeout(r, 20));
      order.push('save');
    });
    const saver = new Autosave<{ name: string }>(save);
    saver.edit('name', 'Ada');
    vi.mocked(Workspace.Flushed).mockImplementation(async () => {
      order.push('flushed');
    });

    await flushHandler!();
    expect(save).toHaveBeenCalledWith({ name: 'Ada' });
    expect(order).toEqual(['save', 'flushed']);
    await saver.dispose();
  });

  it('stops listening for the close request when unmounted', async () => {
    const { view } = await start();
    view.unmount();
    expect(off).toHaveBeenCalled();
  });

  it('"n" opens the new candidate dialog, "/" focuses the search', async () => {
    const { user } = await start();
    await user.keyboard('/');
    expect(screen.getByRole('searchbox', { name: 'Search candidates' })).toHaveFocus();

    screen.getByRole('searchbox', { name: 'Search candidates' }).blur();
    await user.keyboard('n');
    expect(await screen.findByRole('dialog', { name: 'New candidate' })).toBeInTheDocument();
  });

  it('typing a search switches to the candidates list', async () => {
    const { user } = await start();
    await user.type(screen.getByRole('searchbox', { name: 'Search candidates' }), 'ada');
    expect(ui.screen).toBe('candidates');
    expect(screen.getByRole('button', { name: 'Candidates' })).toHaveAttribute('aria-current', 'page');
    await waitFor(() => expect(Candidates.List).toHaveBeenCalledWith(expect.objectContaining({ query: 'ada' })));
  });

  it('Escape closes the candidate drawer', async () => {
    const { user } = await start();
    vi.mocked(Candidates.Detail).mockReturnValue(new Promise(() => {}));
    await user.click(await screen.findByText('Ada Lovelace'));
    const drawer = await screen.findByRole('complementary', { name: 'Candidate detail' });
    expect(within(drawer).getByText('Loading…')).toBeInTheDocument();
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('{Escape}');
    expect(ui.candidateId).toBe(0);
    expect(screen.queryByRole('complementary', { name: 'Candidate detail' })).toBeNull();
  });

  it('Enter in the search box opens the top result', async () => {
    vi.mocked(Candidates.List).mockResolvedValue(page([row({ id: 5, name: 'Ada Lovelace' }), row({ id: 6, name: 'Ada Byron' })]));
    vi.mocked(Candidates.Detail).mockReturnValue(new Promise(() => {}));
    const { user } = await start();
    const search = screen.getByRole('searchbox', { name: 'Search candidates' });
    await user.type(search, 'ada');
    await screen.findAllByTestId('candidate-row');
    await waitFor(() => expect(ui.firstResultId).toBe(5));
    await user.keyboard('{Enter}');
    expect(ui.candidateId).toBe(5);
  });
});

describe('App profiles and passphrases', () => {
  const priya = profile({ id: 2, name: 'Priya Nair', isRecruiter: false, protected: true });
  const sam = profile({ id: 3, name: 'Sam Okafor', isRecruiter: false });

  beforeEach(() => {
    vi.mocked(Workspace.Opening).mockResolvedValue(opening({ profiles: [grace, priya, sam], profile: grace, roles: [r], board: firstBoard }));
    vi.mocked(Workspace.Profiles).mockResolvedValue([grace, priya, sam]);
  });

  const menu = () => screen.getByRole('combobox', { name: 'Who is using hirebench' });

  it('marks protected profiles in the profile menu', async () => {
    await start();
    expect(within(menu()).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Grace Hopper (recruiter)',
      'Priya Nair 🔒',
      'Sam Okafor',
      'Someone else…',
      'Protect me with a passphrase…',
    ]);
  });

  it('on a shared workspace offers no other profile: the login says who this is', async () => {
    vi.mocked(Workspace.Opening).mockResolvedValue(
      opening({ profiles: [grace, priya, sam], profile: sam, signedIn: true, roles: [r], board: firstBoard }),
    );
    await start();
    expect(within(menu()).getAllByRole('option').map((o) => o.textContent)).toEqual(['Sam Okafor']);
  });

  it("asks Go what the profile may do, again after a switch", async () => {
    vi.mocked(Interviews.Rights).mockResolvedValueOnce(rights(true)).mockResolvedValueOnce(rights(false));
    vi.mocked(Workspace.SwitchProfile).mockResolvedValue(sam);
    const { user } = await start();
    await waitFor(() => expect(ui.rights?.editPlan).toBe(true));
    await user.selectOptions(menu(), 'Sam Okafor');
    await waitFor(() => expect(ui.rights?.editPlan).toBe(false));
    expect(ui.rights?.exportWorkspaceNote).toContain('only the recruiter exports it');
  });

  it('"Someone else…" ends the session in Go before the welcome screen asks who it is', async () => {
    const { user } = await start();
    await user.selectOptions(menu(), 'Someone else…');
    await waitFor(() => expect(ui.profile).toBeNull());
    expect(Workspace.SignOut).toHaveBeenCalled();
  });

  it('a profile without a passphrase switches with one click', async () => {
    vi.mocked(Workspace.SwitchProfile).mockResolvedValue(sam);
    const { user } = await start();
    await user.selectOptions(menu(), 'Sam Okafor');
    await waitFor(() => expect(ui.profile?.name).toBe('Sam Okafor'));
    expect(Workspace.SwitchProfile).toHaveBeenCalledWith(3, '');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(menu()).toHaveDisplayValue('Sam Okafor');
  });

  it('switching to a protected profile asks for its passphrase and says when it is wrong', async () => {
    vi.mocked(Workspace.SwitchProfile).mockRejectedValueOnce(wrongPassphrase()).mockResolvedValueOnce(priya);
    const { user } = await start();
    await user.selectOptions(menu(), 'Priya Nair 🔒');
    const dialog = await screen.findByRole('dialog', { name: 'Switch to Priya Nair' });
    expect(Workspace.SwitchProfile).not.toHaveBeenCalled();
    // Until unlocked, the menu still shows who is using the app.
    expect(menu()).toHaveDisplayValue('Grace Hopper (recruiter)');

    const field = within(dialog).getByLabelText('Passphrase');
    await user.type(field, 'wrong guess');
    await user.click(within(dialog).getByRole('button', { name: 'Unlock' }));
    expect(Workspace.SwitchProfile).toHaveBeenCalledWith(2, 'wrong guess');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('That passphrase is not right');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(ui.profile?.name).toBe('Grace Hopper');

    await user.clear(field);
    await user.type(field, 'correct horse battery');
    await user.click(within(dialog).getByRole('button', { name: 'Unlock' }));
    expect(Workspace.SwitchProfile).toHaveBeenLastCalledWith(2, 'correct horse battery');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(ui.profile?.name).toBe('Priya Nair');
    expect(menu()).toHaveDisplayValue('Priya Nair 🔒');
  });

  it('cancelling the passphrase leaves the current profile', async () => {
    const { user } = await start();
    await user.selectOptions(menu(), 'Priya Nair 🔒');
    const dialog = await screen.findByRole('dialog', { name: 'Switch to Priya Nair' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(Workspace.SwitchProfile).not.toHaveBeenCalled();
    expect(ui.profile?.name).toBe('Grace Hopper');
    expect(menu()).toHaveDisplayValue('Grace Hopper (recruiter)');
  });

  it('opening on a protected profile shows the lock screen until it is unlocked', async () => {
    vi.mocked(Workspace.Opening).mockResolvedValue(opening({ profiles: [grace, priya, sam], lockedId: 2 }));
    vi.mocked(Workspace.SwitchProfile).mockRejectedValueOnce(wrongPassphrase()).mockResolvedValueOnce(priya);
    const user = userEvent.setup();
    render(App);
    const lock = await screen.findByRole('region', { name: 'Locked profile' });
    expect(within(lock).getByRole('heading')).toHaveTextContent('Priya Nair is locked');
    // Nothing of the workspace shows behind the lock.
    expect(screen.queryByRole('tab', { name: 'Backend Engineer' })).toBeNull();
    expect(Roles.List).not.toHaveBeenCalled();

    await user.type(within(lock).getByLabelText('Passphrase'), 'nope nope nope');
    await user.click(within(lock).getByRole('button', { name: 'Unlock' }));
    expect(await within(lock).findByRole('alert')).toHaveTextContent('That passphrase is not right');

    await user.clear(within(lock).getByLabelText('Passphrase'));
    await user.type(within(lock).getByLabelText('Passphrase'), 'correct horse battery');
    await user.click(within(lock).getByRole('button', { name: 'Unlock' }));
    expect(Workspace.SwitchProfile).toHaveBeenLastCalledWith(2, 'correct horse battery');
    expect(await screen.findByRole('tab', { name: 'Backend Engineer' })).toBeInTheDocument();
    expect(ui.profile?.name).toBe('Priya Nair');
  });

  it('the lock screen lets someone else use the app', async () => {
    vi.mocked(Workspace.Opening).mockResolvedValue(opening({ profiles: [grace, priya, sam], lockedId: 2 }));
    vi.mocked(Workspace.SwitchProfile).mockResolvedValue(sam);
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Use another profile' }));
    expect(screen.getByRole('heading', { name: 'Welcome to hirebench' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Priya Nair.*\(protected\)/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sam Okafor' }));
    expect(Workspace.SwitchProfile).toHaveBeenCalledWith(3, '');
    expect(await screen.findByRole('tab', { name: 'Backend Engineer' })).toBeInTheDocument();
  });

  it('protects the current profile with a passphrase typed twice', async () => {
    vi.mocked(Workspace.SetPassphrase).mockResolvedValue({ ...grace, protected: true });
    const { user } = await start();
    await user.selectOptions(menu(), 'Protect me with a passphrase…');
    const dialog = await screen.findByRole('dialog', { name: 'Protect your profile with a passphrase' });
    expect(menu()).toHaveDisplayValue('Grace Hopper (recruiter)');
    expect(within(dialog).queryByLabelText('Current passphrase')).toBeNull();

    await user.type(within(dialog).getByLabelText('New passphrase'), 'correct horse battery');
    await user.type(within(dialog).getByLabelText('Repeat new passphrase'), 'correct horse batery');
    await user.click(within(dialog).getByRole('button', { name: 'Protect my profile' }));
    expect(Workspace.SetPassphrase).not.toHaveBeenCalled();
    expect(within(dialog).getByLabelText('Repeat new passphrase')).toHaveAccessibleDescription('The two new passphrases are not the same.');

    await user.clear(within(dialog).getByLabelText('Repeat new passphrase'));
    await user.type(within(dialog).getByLabelText('Repeat new passphrase'), 'correct horse battery');
    vi.mocked(Workspace.Profiles).mockResolvedValue([{ ...grace, protected: true }, priya, sam]);
    await user.click(within(dialog).getByRole('button', { name: 'Protect my profile' }));
    expect(Workspace.SetPassphrase).toHaveBeenCalledWith('', 'correct horse battery');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(ui.profile?.protected).toBe(true);
    expect(await screen.findByRole('status')).toHaveTextContent('Your profile is protected with a passphrase.');
    await waitFor(() => expect(menu()).toHaveDisplayValue('Grace Hopper (recruiter) 🔒'));
    expect(within(menu()).getByRole('option', { name: 'Change or remove my passphrase…' })).toBeInTheDocument();
  });

  it("changing or removing a passphrase sends the current one, and shows Go's errors by field", async () => {
    const protectedGrace = { ...grace, protected: true };
    vi.mocked(Workspace.Profiles).mockResolvedValue([protectedGrace, priya, sam]);
    vi.mocked(Workspace.Opening).mockResolvedValue(opening({ profiles: [protectedGrace, priya, sam], profile: protectedGrace, roles: [r], board: firstBoard }));
    vi.mocked(Workspace.SetPassphrase)
      .mockRejectedValueOnce(
        backendError('invalid', 'invalid', [
          { field: 'current', message: 'That passphrase is not right' },
        ]),
      )
      .mockRejectedValueOnce(backendError('invalid', 'invalid', [{ field: 'passphrase', message: 'use at least 8 characters' }]));
    vi.mocked(Workspace.RemovePassphrase).mockResolvedValueOnce({ ...grace, protected: false });
    const { user } = await start();
    await user.selectOptions(menu(), 'Change or remove my passphrase…');
    const dialog = await screen.findByRole('dialog', { name: 'Change or remove your passphrase' });
    const current = within(dialog).getByLabelText('Current passphrase');

    await user.type(current, 'old one here');
    await user.type(within(dialog).getByLabelText('New passphrase'), 'short');
    await user.type(within(dialog).getByLabelText('Repeat new passphrase'), 'short');
    await user.click(within(dialog).getByRole('button', { name: 'Change passphrase' }));
    expect(Workspace.SetPassphrase).toHaveBeenLastCalledWith('old one here', 'short');
    await waitFor(() => expect(current).toHaveAccessibleDescription('That passphrase is not right'));

    await user.clear(current);
    await user.type(current, 'the old passphrase');
    await user.click(within(dialog).getByRole('button', { name: 'Change passphrase' }));
    expect(Workspace.SetPassphrase).toHaveBeenLastCalledWith('the old passphrase', 'short');
    await waitFor(() => expect(within(dialog).getByLabelText('New passphrase')).toHaveAttribute('aria-invalid', 'true'));
    expect(within(dialog).getByLabelText('New passphrase').closest('.field')).toHaveTextContent('use at least 8 characters');
    expect(current).not.toHaveAttribute('aria-invalid', 'true');

    await user.click(within(dialog).getByRole('button', { name: 'Remove passphrase' }));
    expect(Workspace.RemovePassphrase).toHaveBeenLastCalledWith('the old passphrase');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(ui.profile?.protected).toBe(false);
  });
});
