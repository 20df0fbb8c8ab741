// The debrief in a shared workspace: another app's scorecard or move in its role reloads it, staying on the candidate open.
import { screen, waitFor } from '@testing-library/svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import * as Runtime from '../../lib/wailsjs/runtime/runtime';
import type { WorkspaceChange } from '../../lib/api';
import { ada, bob, debriefOf, resetDebrief, setup } from './debriefTestKit';

vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/Exports');
vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');
vi.mock('chart.js', () => import('./fakeChart'));

let send: (c: WorkspaceChange) => void = () => {};

beforeEach(() => {
  resetDebrief(); // role 1 on screen
  vi.mocked(Runtime.EventsOn).mockImplementation((name, fn) => {
    if (name === 'workspace:changed') send = fn as typeof send;
    return () => {};
  });
});

it("reloads when another app submits a card in the debrief's role, and not for another role", async () => {
  const { user } = await setup();
  await user.click(screen.getByRole('button', { name: 'Ada Lovelace' }));
  expect(Interviews.RoleDebrief).toHaveBeenCalledTimes(1);

  send({ what: 'scorecard', role: 2, candidate: 9 });
  await new Promise((done) => setTimeout(done, 0));
  expect(Interviews.RoleDebrief).toHaveBeenCalledTimes(1);

  vi.mocked(Interviews.RoleDebrief).mockResolvedValue(debriefOf({ candidates: [ada, bob] }));
  send({ what: 'scorecard', role: 1, candidate: 1 });
  await waitFor(() => expect(Interviews.RoleDebrief).toHaveBeenCalledTimes(2));
  expect(Interviews.RoleDebrief).toHaveBeenLastCalledWith(1);
  expect(screen.getByTestId('candidate-debrief')).toBeInTheDocument();
});
