import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from './App.svelte';
import * as Candidates from './lib/wailsjs/go/app/Candidates';
import * as Roles from './lib/wailsjs/go/app/Roles';
import * as Workspace from './lib/wailsjs/go/app/Workspace';
import * as Runtime from './lib/wailsjs/runtime/runtime';
import { Autosave } from './lib/autosave.svelte';
import { ui } from './lib/stores/ui.svelte';
import { board, card, notFound, page, profile, resetUi, role, row } from './test/fixtures';

vi.mock('./lib/wailsjs/go/app/Candidates');
vi.mock('./lib/wailsjs/go/app/Roles');
vi.mock('./lib/wailsjs/go/app/Workspace');
vi.mock('./lib/wailsjs/runtime/runtime');

const grace = profile({ id: 1, name: 'Grace Hopper' });
const r = role({ id: 1, title: 'Backend Engineer' });
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
  vi.mocked(Workspace.Profiles).mockResolvedValue([grace]);
  vi.mocked(Workspace.CurrentProfile).mockResolvedValue(grace);
  vi.mocked(Workspace.Flushed).mockResolvedValue();
  vi.mocked(Roles.List).mockResolvedValue([r]);
  vi.mocked(Candidates.Board).mockResolvedValue(board(r, { Applied: [card({ name: 'Ada Lovelace' })] }));
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
    vi.mocked(Workspace.CurrentProfile).mockRejectedValue(notFound('profile'));
    render(App);
    expect(await screen.findByRole('heading', { name: 'Welcome to hirebench' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Grace Hopper/ })).toBeInTheDocument();
  });

  it('says so when the workspace cannot be opened', async () => {
    vi.mocked(Workspace.Profiles).mockRejectedValue('database is locked');
    render(App);
    expect(await screen.findByRole('alert')).toHaveTextContent('The workspace could not be opened: database is locked');
  });

  it('opens on the board of the first role', async () => {
    await start();
    expect(ui.roleId).toBe(1);
    expect(screen.getByRole('tab', { name: 'Backend Engineer' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByText('Ada Lovelace')).toBeInTheDocument();
    expect(Candidates.Board).toHaveBeenCalledWith(1);
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
