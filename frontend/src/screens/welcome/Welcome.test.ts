// Tests the welcome screen: continuing as a profile, the passphrase of a protected one, and a profile that could not be chosen.
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Welcome from './Welcome.svelte';
import * as Workspace from '../../lib/wailsjs/go/app/Workspace';
import { profile, resetUi, wrongPassphrase } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

const grace = profile({ id: 1, name: 'Grace Hopper', isRecruiter: true, protected: true });
const sam = profile({ id: 3, name: 'Sam Okafor', isRecruiter: false });

function setup() {
  const onchosen = vi.fn();
  const user = userEvent.setup();
  render(Welcome, { profiles: [grace, sam], onchosen });
  return { user, onchosen };
}

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
});

describe('Welcome', () => {
  it('continues as a profile without a passphrase at once', async () => {
    vi.mocked(Workspace.SwitchProfile).mockResolvedValue(sam);
    const { user, onchosen } = setup();
    await user.click(screen.getByRole('button', { name: 'Sam Okafor' }));
    expect(Workspace.SwitchProfile).toHaveBeenCalledWith(3, '');
    await waitFor(() => expect(onchosen).toHaveBeenCalledWith(sam));
  });

  it('asks for the passphrase of a protected profile', async () => {
    vi.mocked(Workspace.SwitchProfile).mockRejectedValueOnce(wrongPassphrase()).mockResolvedValueOnce(grace);
    const { user, onchosen } = setup();
    await user.click(screen.getByRole('button', { name: 'Grace Hopper · recruiter (protected)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Switch to Grace Hopper' });
    expect(Workspace.SwitchProfile).not.toHaveBeenCalled();

    await user.type(within(dialog).getByLabelText('Passphrase'), 'guess guess');
    await user.click(within(dialog).getByRole('button', { name: 'Unlock' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('That passphrase is not right');
    expect(onchosen).not.toHaveBeenCalled();

    await user.clear(within(dialog).getByLabelText('Passphrase'));
    await user.type(within(dialog).getByLabelText('Passphrase'), 'correct horse battery');
    await user.click(within(dialog).getByRole('button', { name: 'Unlock' }));
    expect(Workspace.SwitchProfile).toHaveBeenLastCalledWith(1, 'correct horse battery');
    await waitFor(() => expect(onchosen).toHaveBeenCalledWith(grace));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says why a profile could not be chosen', async () => {
    vi.mocked(Workspace.SwitchProfile).mockRejectedValue('database is locked');
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Sam Okafor' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('database is locked');
  });
});
