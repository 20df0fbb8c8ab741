// Tests the kanban board: columns and cards, keyboard moves and focus, the reject reason, opening a candidate, refused moves, and Undo in the toast.
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Board from './Board.svelte';
import Toast from '../../lib/components/Toast.svelte';
import * as Candidates from '../../lib/wailsjs/go/app/Candidates';
import * as Roles from '../../lib/wailsjs/go/app/Roles';
import { ui } from '../../lib/stores/ui.svelte';
import { application, backendError, board, card, resetUi, role } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

const r = role({ id: 1 }); // stages 11 Applied, 12 Screen, 13 Interview, 14 Rejected
const ada = card({ applicationId: 100, candidateId: 1, name: 'Ada Lovelace' });
const grace = card({ applicationId: 101, candidateId: 2, name: 'Grace Hopper', source: '' });
const alan = card({ applicationId: 102, candidateId: 3, name: 'Alan Turing', tags: ['crypto'] });

async function renderBoard(b = board(r, { Applied: [ada, grace], Interview: [alan] })) {
  vi.mocked(Candidates.Board).mockResolvedValue(b);
  const user = userEvent.setup();
  render(Board, { roleId: r.id });
  await screen.findAllByTestId('board-card');
  return user;
}

function cardNamed(name: string) {
  return screen.getByRole('button', { name: new RegExp(`^${name}, in `) });
}

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
  vi.mocked(Candidates.Move).mockResolvedValue(application());
  vi.mocked(Candidates.Reject).mockResolvedValue(application({ stageName: 'Rejected' }));
  vi.mocked(Roles.RejectionReasons).mockResolvedValue(['Not a fit', 'Withdrew', 'Salary']);
});

describe('Board', () => {
  it('asks for the board of its role and shows one column per stage with counts and names', async () => {
    await renderBoard();
    expect(Candidates.Board).toHaveBeenCalledWith(1, {});

    const columns = screen.getAllByRole('region');
    expect(columns.map((c) => c.getAttribute('aria-label'))).toEqual([
      'Applied, 2 candidates',
      'Screen, 0 candidates',
      'Interview, 1 candidate',
      'Rejected, 0 candidates',
    ]);

    const applied = screen.getByRole('region', { name: 'Applied, 2 candidates' });
    expect(within(applied).getByText('2')).toBeInTheDocument();
    expect(within(applied).getByText('Ada Lovelace')).toBeInTheDocument();
    expect(within(applied).getByText('Grace Hopper')).toBeInTheDocument();
    expect(within(applied).getByText(/^No source/)).toBeInTheDocument();

    const interview = screen.getByRole('region', { name: 'Interview, 1 candidate' });
    expect(within(interview).getByText('Alan Turing')).toBeInTheDocument();
    expect(within(interview).getByText('crypto')).toBeInTheDocument();

    expect(within(screen.getByRole('region', { name: 'Screen, 0 candidates' })).getByText('Drop a candidate here')).toBeInTheDocument();
  });

  it('shows how many more a long column holds and adds a page when asked, keeping it on reload', async () => {
    const b = board(r, { Applied: [ada, grace] });
    b.columns[0] = { ...b.columns[0], stage: { ...b.columns[0].stage, count: 1202 }, more: 1200, next: 50 } as typeof b.columns[0];
    const user = await renderBoard(b);
    const applied = screen.getByRole('region', { name: 'Applied, 1202 candidates' });
    expect(within(applied).getByText((1202).toLocaleString())).toBeInTheDocument();
    expect(within(applied).getByText(`${(1200).toLocaleString()} more, oldest first above`)).toBeInTheDocument();

    const more = board(r, { Applied: [ada, grace, alan] });
    more.columns[0] = { ...more.columns[0], more: 0, next: 0 } as typeof more.columns[0];
    vi.mocked(Candidates.Board).mockResolvedValue(more);
    await user.click(within(applied).getByRole('button', { name: 'Show 50 more' }));
    expect(Candidates.Board).toHaveBeenLastCalledWith(1, { 11: 52 });
    await waitFor(() => expect(cardNamed('Alan Turing')).toHaveFocus());
  });

  it('sends a column that shows all it may to the Candidates table for the rest', async () => {
    const b = board(r, { Applied: [ada] });
    b.columns[0] = { ...b.columns[0], more: 30, next: 0 } as typeof b.columns[0];
    const user = await renderBoard(b);
    expect(screen.queryByRole('button', { name: /^Show \d+ more/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Find them in the Candidates table' }));
    expect(ui.screen).toBe('candidates');
  });

  it('shows the error when the board cannot be loaded', async () => {
    vi.mocked(Candidates.Board).mockRejectedValue(backendError('not_found', 'role not found'));
    render(Board, { roleId: 9 });
    expect(await screen.findByRole('alert')).toHaveTextContent('role not found');
  });

  it('Shift+ArrowRight on a focused card moves it to the next stage', async () => {
    const user = await renderBoard();
    cardNamed('Ada Lovelace').focus();
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}');

    await waitFor(() => expect(Candidates.Move).toHaveBeenCalledWith(100, 11, 12, ''));
    expect(Candidates.Move).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(ui.toast).toMatchObject({ text: 'Ada Lovelace moved to Screen', kind: 'info', action: { label: 'Undo' } }));
  });

  it('Shift+ArrowLeft moves a card back one stage', async () => {
    const user = await renderBoard();
    cardNamed('Alan Turing').focus();
    await user.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    await waitFor(() => expect(Candidates.Move).toHaveBeenCalledWith(102, 13, 12, ''));
  });

  it('Shift+ArrowLeft in the first column does nothing', async () => {
    const user = await renderBoard();
    cardNamed('Ada Lovelace').focus();
    await user.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    await new Promise((r) => setTimeout(r, 20));
    expect(Candidates.Move).not.toHaveBeenCalled();
  });

  it('ArrowDown and ArrowUp move the focus between cards of a column', async () => {
    const user = await renderBoard();
    cardNamed('Ada Lovelace').focus();

    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(cardNamed('Grace Hopper')).toHaveFocus());

    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(cardNamed('Ada Lovelace')).toHaveFocus());
    expect(Candidates.Move).not.toHaveBeenCalled();
  });

  it('ArrowRight jumps the focus to the next column that has cards', async () => {
    const user = await renderBoard();
    cardNamed('Grace Hopper').focus();
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(cardNamed('Alan Turing')).toHaveFocus());
  });

  it('moving into Rejected asks for a reason and a note, and rejects only after a reason is chosen', async () => {
    const user = await renderBoard();
    cardNamed('Alan Turing').focus();
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}');

    const dialog = await screen.findByRole('dialog', { name: 'Reject Alan Turing' });
    expect(Candidates.Move).not.toHaveBeenCalled();

    // Submitting without a reason is refused in the dialog.
    await user.click(within(dialog).getByRole('button', { name: 'Reject' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Choose a reason for rejecting.');
    expect(Candidates.Move).not.toHaveBeenCalled();

    const select = within(dialog).getByLabelText('Reason');
    await within(dialog).findByRole('option', { name: 'Withdrew' });
    await user.selectOptions(select, 'Withdrew');
    await user.type(within(dialog).getByRole('textbox', { name: 'Note (optional)' }), 'Keep in touch');
    await user.click(within(dialog).getByRole('button', { name: 'Reject' }));

    await waitFor(() => expect(Candidates.Reject).toHaveBeenCalledWith(102, 13, 'Withdrew', 'Keep in touch'));
    expect(Candidates.Reject).toHaveBeenCalledTimes(1);
    expect(Candidates.Move).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(ui.toast).toMatchObject({ text: 'Alan Turing rejected', kind: 'info', action: { label: 'Undo' } });
    expect(ui.version).toBe(1);
  });

  it('cancelling the reject dialog leaves the card where it was', async () => {
    const user = await renderBoard();
    cardNamed('Alan Turing').focus();
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}');
    const dialog = await screen.findByRole('dialog', { name: 'Reject Alan Turing' });

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(Candidates.Move).not.toHaveBeenCalled();
    expect(Candidates.Reject).not.toHaveBeenCalled();
  });

  it('Enter on a card opens that candidate', async () => {
    const user = await renderBoard();
    cardNamed('Grace Hopper').focus();
    await user.keyboard('{Enter}');
    expect(ui.candidateId).toBe(2);
  });

  it('clicking a card opens that candidate', async () => {
    const user = await renderBoard();
    await user.click(screen.getByText('Alan Turing'));
    expect(ui.candidateId).toBe(3);
  });

  it('a move someone else made first is refused with Go’s words and the board reloads', async () => {
    const says = 'Moved to Interview by Priya Nair 2 minutes ago — reload to see the move.';
    vi.mocked(Candidates.Move).mockRejectedValue(backendError('changed', says));
    const user = await renderBoard();
    const loads = vi.mocked(Candidates.Board).mock.calls.length;
    cardNamed('Ada Lovelace').focus();
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}');

    await waitFor(() =>
      expect(ui.toast).toEqual({ text: says, kind: 'error' }),
    );
    expect(vi.mocked(Candidates.Board).mock.calls.length).toBeGreaterThan(loads);
    expect(ui.version).toBe(0);
  });

  describe('Undo in the toast', () => {
    const MOVED_AT = '2026-01-05T10:00:00.000Z';

    async function moveAdaWithTheKeyboard() {
      vi.mocked(Candidates.Move).mockResolvedValue(application({ id: 100, stageId: 12, stageName: 'Screen', enteredStageAt: MOVED_AT }));
      vi.mocked(Candidates.UndoMove).mockResolvedValue(application({ id: 100, stageId: 11, stageName: 'Applied' }));
      render(Toast);
      const user = await renderBoard();
      cardNamed('Ada Lovelace').focus();
      await user.keyboard('{Shift>}{ArrowRight}{/Shift}');
      await screen.findByRole('button', { name: 'Undo' });
      return user;
    }

    it('Undo asks Go to move the card back, naming the move it undoes, and the focus follows the card', async () => {
      const user = await moveAdaWithTheKeyboard();
      await user.click(screen.getByRole('button', { name: 'Undo' }));
      await waitFor(() => expect(Candidates.UndoMove).toHaveBeenCalledWith(100, MOVED_AT));
      expect(Candidates.UndoMove).toHaveBeenCalledTimes(1);
      await waitFor(() => expect(ui.toast).toEqual({ text: 'Ada Lovelace is back in Applied', kind: 'info' }));
      expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
      await waitFor(() => expect(cardNamed('Ada Lovelace')).toHaveFocus());
      expect(ui.version).toBe(2); // the move and its undo both reload the screens
    });

    it('Ctrl+Z on the board presses the toast\'s Undo', async () => {
      const user = await moveAdaWithTheKeyboard();
      await user.keyboard('{Control>}z{/Control}');
      await waitFor(() => expect(Candidates.UndoMove).toHaveBeenCalledWith(100, MOVED_AT));
    });

    it('an undo Go refuses (the card moved again) says why', async () => {
      const user = await moveAdaWithTheKeyboard();
      vi.mocked(Candidates.UndoMove).mockRejectedValue(
        backendError('invalid', 'This candidate has moved since (now in Interview), so the move was not undone', [
          { field: 'applicationId', message: 'This candidate has moved since (now in Interview), so the move was not undone' },
        ]),
      );
      await user.click(screen.getByRole('button', { name: 'Undo' }));
      await waitFor(() => expect(ui.toast?.kind).toBe('error'));
      expect(ui.toast?.text).toMatch(/has moved since \(now in Interview\)/);
    });

    it('a rejection is undone with the time Go gave it', async () => {
      vi.mocked(Candidates.Reject).mockResolvedValue(application({ id: 102, stageName: 'Rejected', stageKind: 'rejected', enteredStageAt: MOVED_AT }));
      vi.mocked(Candidates.UndoMove).mockResolvedValue(application({ id: 102, stageName: 'Interview' }));
      render(Toast);
      const user = await renderBoard();
      cardNamed('Alan Turing').focus();
      await user.keyboard('{Shift>}{ArrowRight}{/Shift}');
      const dialog = await screen.findByRole('dialog', { name: 'Reject Alan Turing' });
      await within(dialog).findByRole('option', { name: 'Withdrew' });
      await user.selectOptions(within(dialog).getByLabelText('Reason'), 'Withdrew');
      await user.click(within(dialog).getByRole('button', { name: 'Reject' }));
      await user.click(await screen.findByRole('button', { name: 'Undo' }));
      await waitFor(() => expect(Candidates.UndoMove).toHaveBeenCalledWith(102, MOVED_AT));
      await waitFor(() => expect(ui.toast?.text).toBe('Alan Turing is back in Interview'));
    });
  });
});
