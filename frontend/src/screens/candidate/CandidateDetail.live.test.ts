// Tests the candidate drawer in a shared workspace: another app's change to this candidate reloads it, but not under the user's typing.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import CandidateDetail from './CandidateDetail.svelte';
import * as Candidates from '../../lib/wailsjs/go/app/Candidates';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import * as Roles from '../../lib/wailsjs/go/app/Roles';
import * as Runtime from '../../lib/wailsjs/runtime/runtime';
import type { WorkspaceChange } from '../../lib/api';
import { flushAll } from '../../lib/autosave.svelte';
import { backendError, candidate, detail, resetUi, role } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

let send: (c: WorkspaceChange) => void = () => {};

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
  vi.mocked(Runtime.EventsOn).mockImplementation((name, fn) => {
    if (name === 'workspace:changed') send = fn as typeof send;
    return () => {};
  });
  vi.mocked(Candidates.Update).mockImplementation(async (_id, patch) => candidate({ ...(patch as object) }));
  vi.mocked(Roles.RejectionReasons).mockResolvedValue([]);
  vi.mocked(Interviews.CandidateRounds).mockResolvedValue([]);
});

afterEach(async () => {
  await flushAll();
});

it('waits while the user types, saves what they typed, then shows what the other app changed', async () => {
  vi.mocked(Candidates.Detail).mockResolvedValue(detail({ candidate: candidate({ id: 1, name: 'Ada Lovelace', location: 'London' }) }));
  const user = userEvent.setup();
  render(CandidateDetail, { id: 1, roles: [role({ id: 1 })], onclose: () => {} });
  const name = await screen.findByRole('textbox', { name: 'Name' });
  await user.click(name);
  await user.type(name, ' King');

  // Someone else moved Lee's card, then changed Ada's location.
  send({ what: 'application', role: 1, candidate: 2 });
  vi.mocked(Candidates.Detail).mockResolvedValue(
    detail({ candidate: candidate({ id: 1, name: 'Ada Lovelace King', location: 'Paris' }) }),
  );
  send({ what: 'candidate', role: 0, candidate: 1 });
  await user.click(screen.getByRole('textbox', { name: 'Email' })); // another field: still typing
  expect(Candidates.Detail).toHaveBeenCalledTimes(1);
  expect(name).toHaveValue('Ada Lovelace King');

  await user.click(document.body);
  await vi.waitFor(() => expect(screen.getByRole('textbox', { name: 'Location' })).toHaveValue('Paris'));
  expect(Candidates.Update).toHaveBeenCalledWith(1, expect.objectContaining({ name: 'Ada Lovelace King' }));
  expect(vi.mocked(Candidates.Update).mock.invocationCallOrder[0]).toBeLessThan(
    vi.mocked(Candidates.Detail).mock.invocationCallOrder[1],
  );
  expect(name).toHaveValue('Ada Lovelace King');
});

it('leaves an edit Go refused to the user: no reload over it', async () => {
  vi.mocked(Candidates.Detail).mockResolvedValue(detail({ candidate: candidate({ id: 1, name: 'Ada Lovelace' }) }));
  vi.mocked(Candidates.Update).mockRejectedValue(backendError('changed', 'Changed by Priya Nair 2 minutes ago — reload'));
  const user = userEvent.setup();
  render(CandidateDetail, { id: 1, roles: [role({ id: 1 })], onclose: () => {} });
  const name = await screen.findByRole('textbox', { name: 'Name' });
  await user.click(name);
  await user.type(name, ' King');
  send({ what: 'candidate', role: 0, candidate: 1 });
  await user.click(document.body);

  await vi.waitFor(() => expect(Candidates.Update).toHaveBeenCalled());
  await new Promise((done) => setTimeout(done, 0));
  expect(Candidates.Detail).toHaveBeenCalledTimes(1);
  expect(name).toHaveValue('Ada Lovelace King');
});
