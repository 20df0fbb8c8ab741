// Tests the pipeline editor: stage list and counts, deleting a stage (asked first, beside it; moving its candidates; undone from the toast), adding where Go says and reordering stages, and the rejection reasons.
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import PipelineEditor from './PipelineEditor.svelte';
import Toast from '../../lib/components/Toast.svelte';
import type { StageDeletion } from '../../lib/api';
import * as Roles from '../../lib/wailsjs/go/app/Roles';
import { ui } from '../../lib/stores/ui.svelte';
import { backendError, resetUi, role, stage } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

const stages = [
  stage({ id: 11, name: 'Applied', position: 0, count: 3 }),
  stage({ id: 12, name: 'Screen', position: 1, count: 0 }),
  stage({ id: 13, name: 'Interview', position: 2, count: 1 }),
  stage({ id: 14, name: 'Rejected', position: 3, kind: 'rejected', count: 2 }),
];
const r = role({ id: 1, title: 'Backend Engineer', stages });

function setup() {
  const onclose = vi.fn();
  const user = userEvent.setup();
  render(PipelineEditor, { role: r, onclose });
  return { user, onclose };
}

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
  vi.mocked(Roles.RejectionReasons).mockResolvedValue(['Not a fit', 'Withdrew']);
  vi.mocked(Roles.DeleteStage).mockImplementation(async (id, moveTo) => {
    const gone = stages.find((s) => s.id === id)!;
    return {
      role: role({ ...r, stages: stages.filter((s) => s.id !== id) }), stage: gone.name, index: gone.position,
      movedTo: gone.count ? moveTo : 0, moved: gone.count ? [100, 101, 102].slice(0, gone.count) : [], at: '2026-01-05T10:00:00.000Z',
    } as StageDeletion;
  });
  // Go's rule: before the closing stages; this pipeline has none, so last.
  vi.mocked(Roles.NewStageIndex).mockImplementation(async (names) => names.length);
});

/** The row of the list right before el's row: the stage a question is about. */
const rowBefore = (el: HTMLElement) => el.closest('li')?.previousElementSibling as HTMLElement;

describe('PipelineEditor', () => {
  it('lists the active stages with their counts, and the rejected stage last', () => {
    setup();
    expect(screen.getByRole('dialog', { name: 'Backend Engineer: role & pipeline' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Name of stage 1' })).toHaveValue('Applied');
    expect(screen.getByRole('textbox', { name: 'Name of stage 2' })).toHaveValue('Screen');
    expect(screen.getByRole('textbox', { name: 'Name of stage 3' })).toHaveValue('Interview');
    expect(screen.getByRole('textbox', { name: 'Name of the rejected stage' })).toHaveValue('Rejected');
    expect(screen.getByText('3 here')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete Rejected' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Move Applied up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move Interview down' })).toBeDisabled();
  });

  it('deleting a stage that holds candidates asks where they go, then deletes', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Delete Applied' }));

    const confirm = screen.getByRole('alertdialog', { name: 'Move candidates before deleting' });
    expect(confirm).toHaveTextContent('Applied holds 3 candidates. Where should they go?');
    expect(Roles.DeleteStage).not.toHaveBeenCalled();
    // The question stands right under the Delete that was clicked, and takes the focus.
    expect(within(rowBefore(confirm)).getByRole('button', { name: 'Delete Applied' })).toBeInTheDocument();

    const target = within(confirm).getByRole('combobox', { name: 'Move candidates to' });
    await waitFor(() => expect(target).toHaveFocus());
    // Only the other active stages are offered; the first one is preselected.
    expect(within(target).getAllByRole('option').map((o) => o.textContent)).toEqual(['Screen', 'Interview']);
    expect(target).toHaveDisplayValue('Screen');

    await user.selectOptions(target, 'Interview');
    await user.click(within(confirm).getByRole('button', { name: 'Move and delete' }));

    expect(Roles.DeleteStage).toHaveBeenCalledTimes(1);
    expect(Roles.DeleteStage).toHaveBeenCalledWith(11, 13);
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(screen.queryByRole('button', { name: 'Delete Applied' })).toBeNull();
    expect(ui.toast).toMatchObject({ text: 'Stage Applied deleted; 3 candidates moved to Interview', kind: 'info', action: { label: 'Undo' } });
  });

  it('Undo in the toast hands Go the deletion to reverse and shows the stage again', async () => {
    render(Toast);
    vi.mocked(Roles.UndoDeleteStage).mockResolvedValue(r);
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Delete Applied' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Move and delete' }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Name of stage 3' })).toBeNull());

    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(Roles.UndoDeleteStage).toHaveBeenCalledWith(await vi.mocked(Roles.DeleteStage).mock.results[0].value);
    await waitFor(() => expect(ui.toast?.text).toBe('Stage Applied is back with its 3 candidates'));
    expect(screen.getByRole('textbox', { name: 'Name of stage 1' })).toHaveValue('Applied');
  });

  it('an undo Go refuses (the name is taken again) is said as an error', async () => {
    render(Toast);
    const taken = 'The role has a stage called "Screen" again, so the deleted one was not brought back; rename that one first';
    vi.mocked(Roles.UndoDeleteStage).mockRejectedValue(backendError('invalid', taken, [{ field: 'stage', message: taken }]));
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Delete Screen' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete stage' }));
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(ui.toast).toEqual({ text: taken, kind: 'error' }));
  });

  it('the move target defaults to the first other stage', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Delete Interview' }));
    const confirm = screen.getByRole('alertdialog');
    expect(confirm).toHaveTextContent('Interview holds 1 candidate. Where should they go?');
    await user.click(within(confirm).getByRole('button', { name: 'Move and delete' }));
    expect(Roles.DeleteStage).toHaveBeenCalledWith(13, 11);
  });

  it('cancelling keeps the stage', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Delete Applied' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(Roles.DeleteStage).not.toHaveBeenCalled();
  });

  it('a stage with no candidates is deleted only after asking, beside it', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Delete Screen' }));

    const ask = screen.getByRole('alertdialog', { name: 'Delete Screen?' });
    expect(ask).toHaveTextContent('Delete Screen? No candidate is in it.');
    expect(within(rowBefore(ask)).getByRole('button', { name: 'Delete Screen' })).toBeInTheDocument();
    expect(Roles.DeleteStage).not.toHaveBeenCalled();

    await user.click(within(ask).getByRole('button', { name: 'Delete stage' }));
    expect(Roles.DeleteStage).toHaveBeenCalledWith(12, 0);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Delete Screen' })).toBeNull());
  });

  it('Escape cancels the question and gives the focus back to its Delete button', async () => {
    const { user, onclose } = setup();
    await user.click(screen.getByRole('button', { name: 'Delete Screen' }));
    await waitFor(() => expect(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel' })).toHaveFocus());
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onclose).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Delete Screen' })).toHaveFocus());
    expect(Roles.DeleteStage).not.toHaveBeenCalled();
  });

  it('shows the reason when the delete is refused', async () => {
    vi.mocked(Roles.DeleteStage).mockRejectedValue(
      backendError('invalid', 'stage: in use', [{ field: 'stage', message: 'A role needs at least one active stage' }]),
    );
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Delete Screen' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete stage' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('A role needs at least one active stage');
    expect(screen.getByRole('button', { name: 'Delete Screen' })).toBeInTheDocument();
  });

  it('says where a new stage goes, as Go places it: before Offer and Hired', async () => {
    const closing = [...stages.slice(0, 3), stage({ id: 15, name: 'Offer', position: 3 }), stage({ id: 16, name: 'Hired', position: 4 }), stages[3]];
    vi.mocked(Roles.NewStageIndex).mockResolvedValue(3);
    render(PipelineEditor, { role: role({ ...r, stages: closing }), onclose: vi.fn() });
    expect(await screen.findByText('A new stage goes after Interview, before Offer.')).toBeInTheDocument();
    expect(Roles.NewStageIndex).toHaveBeenCalledWith(['Applied', 'Screen', 'Interview', 'Offer', 'Hired']);
    expect(screen.getByRole('textbox', { name: 'New stage name' })).toHaveAccessibleDescription('A new stage goes after Interview, before Offer.');
  });

  it('adds a stage and clears the input', async () => {
    vi.mocked(Roles.AddStage).mockResolvedValue(
      role({ ...r, stages: [...stages.slice(0, 3), stage({ id: 15, name: 'Take-home', position: 3 }), stages[3]] }),
    );
    const { user } = setup();
    const input = screen.getByRole('textbox', { name: 'New stage name' });
    await user.type(input, 'Take-home');
    await user.click(screen.getByRole('button', { name: 'Add stage' }));

    expect(Roles.AddStage).toHaveBeenCalledWith(1, 'Take-home');
    expect(await screen.findByRole('textbox', { name: 'Name of stage 4' })).toHaveValue('Take-home');
    expect(input).toHaveValue('');
  });

  it('moving a stage down sends the new order', async () => {
    vi.mocked(Roles.ReorderStages).mockResolvedValue(r);
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Move Applied down' }));
    expect(Roles.ReorderStages).toHaveBeenCalledWith(1, [12, 11, 13]);
  });

  it('shows the rejection reasons one per line and saves the edited list', async () => {
    vi.mocked(Roles.SetRejectionReasons).mockImplementation(async (labels) => labels);
    const { user } = setup();
    const box = screen.getByRole('textbox', { name: 'Rejection reasons, one per line' });
    await waitFor(() => expect(box).toHaveValue('Not a fit\nWithdrew'));

    await user.click(box);
    await user.keyboard('{Control>}{End}{/Control}{Enter}Salary too high');
    expect(screen.queryByRole('status')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save reasons' }));

    expect(Roles.SetRejectionReasons).toHaveBeenCalledWith(['Not a fit', 'Withdrew', 'Salary too high']);
    expect(await screen.findByRole('status')).toHaveTextContent('Saved');

    // Editing again hides "Saved" until the next save.
    await user.type(box, '!');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows why the rejection reasons were refused', async () => {
    vi.mocked(Roles.SetRejectionReasons).mockRejectedValue(
      backendError('invalid', 'reasons: empty', [{ field: 'reasons', message: 'Keep at least one reason' }]),
    );
    const { user } = setup();
    const box = screen.getByRole('textbox', { name: 'Rejection reasons, one per line' });
    await waitFor(() => expect(box).toHaveValue('Not a fit\nWithdrew'));
    await user.clear(box);
    await user.click(screen.getByRole('button', { name: 'Save reasons' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Keep at least one reason');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('status')).toBeNull();
  });
});
