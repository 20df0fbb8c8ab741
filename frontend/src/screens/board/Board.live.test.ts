// Tests the board in a shared workspace: another app's change to its role reloads it in place; another role's does not.
import { render, screen, within, waitFor } from '@testing-library/svelte';
import Board from './Board.svelte';
import * as Candidates from '../../lib/wailsjs/go/app/Candidates';
import * as Runtime from '../../lib/wailsjs/runtime/runtime';
import type { WorkspaceChange } from '../../lib/api';
import { board, card, resetUi, role } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

const r = role({ id: 1 }); // stages 11 Applied, 12 Screen, 13 Interview, 14 Rejected
const ada = card({ applicationId: 100, candidateId: 1, name: 'Ada Lovelace' });
let send: (c: WorkspaceChange) => void = () => {};

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
  vi.mocked(Runtime.EventsOn).mockImplementation((name, fn) => {
    if (name === 'workspace:changed') send = fn as typeof send;
    return () => {};
  });
});

it("reloads when another app moves a card in the board's role, and only then", async () => {
  vi.mocked(Candidates.Board).mockResolvedValue(board(r, { Applied: [ada] }));
  render(Board, { roleId: r.id });
  await screen.findByRole('button', { name: /^Ada Lovelace, in / });
  expect(Candidates.Board).toHaveBeenCalledTimes(1);

  send({ what: 'application', role: 2, candidate: 9 });
  send({ what: 'candidate', role: 0, candidate: 1 });
  await new Promise((done) => setTimeout(done, 0));
  expect(Candidates.Board).toHaveBeenCalledTimes(1);

  vi.mocked(Candidates.Board).mockResolvedValue(board(r, { Interview: [ada] }));
  send({ what: 'application', role: 1, candidate: 1 });
  const interview = await screen.findByRole('region', { name: 'Interview, 1 candidate' });
  expect(within(interview).getByText('Ada Lovelace')).toBeInTheDocument();
  expect(Candidates.Board).toHaveBeenCalledTimes(2);
  expect(Candidates.Board).toHaveBeenLastCalledWith(1, {});
});

it('reloads after the connection came back, whatever changed meanwhile', async () => {
  vi.mocked(Candidates.Board).mockResolvedValue(board(r, { Applied: [ada] }));
  render(Board, { roleId: r.id });
  await screen.findByRole('button', { name: /^Ada Lovelace, in / });
  send({ what: 'reconnected', role: 0, candidate: 0 });
  await waitFor(() => expect(Candidates.Board).toHaveBeenCalledTimes(2));
});
