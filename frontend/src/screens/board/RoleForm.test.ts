// Tests the role form: a new role's pipeline set in the same dialog (Go's default stages, renamed, reordered, removed, added where Go says) and sent with the role; Go's messages under the stage they name; editing a role shows no pipeline.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import RoleForm from './RoleForm.svelte';
import * as Roles from '../../lib/wailsjs/go/app/Roles';
import { backendError, resetUi, role, stage } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

const names = () => screen.getAllByRole('textbox', { name: /^Name of stage/ }).map((el) => (el as HTMLInputElement).value);

async function setup() {
  const onsaved = vi.fn();
  const user = userEvent.setup();
  render(RoleForm, { onclose: vi.fn(), onsaved });
  await screen.findByRole('textbox', { name: 'Name of stage 1' });
  return { user, onsaved };
}

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
  vi.mocked(Roles.DefaultStages).mockResolvedValue(['Applied', 'Screen', 'Interview', 'Offer', 'Hired']);
  // Go's rule for these lists: before a trailing Offer/Hired run.
  vi.mocked(Roles.NewStageIndex).mockImplementation(async (list) => {
    let i = list.length;
    while (i > 0 && /^(offer|hire)/i.test(list[i - 1])) i--;
    return i;
  });
  vi.mocked(Roles.Create).mockImplementation(async (input, stages) =>
    role({ id: 9, title: input.title, stages: stages.map((name, i) => stage({ id: 90 + i, roleId: 9, name, position: i })) }),
  );
});

describe('RoleForm (new role)', () => {
  it('shows the default pipeline, editable, with Rejected fixed last', async () => {
    await setup();
    expect(screen.getByRole('dialog', { name: 'New role' })).toBeInTheDocument();
    expect(names()).toEqual(['Applied', 'Screen', 'Interview', 'Offer', 'Hired']);
    expect(screen.getByText('Rejected')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Remove Rejected' })).toBeNull();
  });

  it('creates the role with the pipeline as edited: renamed, reordered, removed and a stage added before Offer', async () => {
    const { user, onsaved } = await setup();
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'ML Engineer');
    const screenName = screen.getByRole('textbox', { name: 'Name of stage 2' });
    await user.clear(screenName);
    await user.type(screenName, 'Phone screen');
    await user.click(screen.getByRole('button', { name: 'Remove Hired' }));
    await user.click(screen.getByRole('button', { name: 'Move Interview up' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Move Interview up' })).toHaveFocus());
    await user.type(screen.getByRole('textbox', { name: 'New stage name' }), 'Take-home');
    await user.click(screen.getByRole('button', { name: 'Add stage' }));
    await waitFor(() => expect(names()).toEqual(['Applied', 'Interview', 'Phone screen', 'Take-home', 'Offer']));
    expect(screen.getByRole('textbox', { name: 'New stage name' })).toHaveValue('');

    await user.click(screen.getByRole('button', { name: 'Create role' }));
    expect(Roles.Create).toHaveBeenCalledTimes(1);
    expect(Roles.Create).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'ML Engineer', status: 'open' }),
      ['Applied', 'Interview', 'Phone screen', 'Take-home', 'Offer'],
    );
    await waitFor(() => expect(onsaved).toHaveBeenCalledWith(expect.objectContaining({ id: 9, title: 'ML Engineer' })));
  });

  it('Enter in the new stage box adds the stage and does not create the role', async () => {
    const { user } = await setup();
    await user.type(screen.getByRole('textbox', { name: 'New stage name' }), 'Team lunch{Enter}');
    await waitFor(() => expect(names()).toEqual(['Applied', 'Screen', 'Interview', 'Team lunch', 'Offer', 'Hired']));
    expect(Roles.Create).not.toHaveBeenCalled();
  });

  it('shows Go’s message under the stage it names, keeps what was typed, and drops it once the list changes', async () => {
    vi.mocked(Roles.Create).mockRejectedValue(
      backendError('invalid', 'stages[2]: "Screen" is stage 2 already; give each stage its own name', [
        { field: 'stages[2]', message: '"Screen" is stage 2 already; give each stage its own name' },
      ]),
    );
    const { user } = await setup();
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Ops');
    const third = screen.getByRole('textbox', { name: 'Name of stage 3' });
    await user.clear(third);
    await user.type(third, 'screen');
    await user.click(screen.getByRole('button', { name: 'Create role' }));

    await waitFor(() => expect(third).toHaveAttribute('aria-invalid', 'true'));
    expect(third).toHaveAccessibleDescription('"Screen" is stage 2 already; give each stage its own name');
    expect(third).toHaveValue('screen');
    expect(screen.getByRole('textbox', { name: 'Name of stage 2' })).toHaveAttribute('aria-invalid', 'false');

    await user.click(screen.getByRole('button', { name: 'Remove screen' }));
    expect(screen.queryByText(/give each stage its own name/)).toBeNull();
  });

  it('says so when every stage was removed and Go refuses', async () => {
    vi.mocked(Roles.Create).mockRejectedValue(
      backendError('invalid', 'stages: a pipeline needs at least one stage besides Rejected', [
        { field: 'stages', message: 'a pipeline needs at least one stage besides Rejected' },
      ]),
    );
    const { user } = await setup();
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Ops');
    for (const n of ['Applied', 'Screen', 'Interview', 'Offer', 'Hired']) await user.click(screen.getByRole('button', { name: `Remove ${n}` }));
    await user.click(screen.getByRole('button', { name: 'Create role' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('a pipeline needs at least one stage besides Rejected');
    expect(Roles.Create).toHaveBeenCalledWith(expect.anything(), []);
  });
});

describe('RoleForm (editing)', () => {
  it('edits the details only: the pipeline has its own editor', async () => {
    const user = userEvent.setup();
    const onsaved = vi.fn();
    const r = role({ id: 3, title: 'Backend Engineer' });
    vi.mocked(Roles.Update).mockResolvedValue(r);
    render(RoleForm, { role: r, onclose: vi.fn(), onsaved });
    expect(screen.getByRole('dialog', { name: 'Edit role' })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Pipeline' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save role' }));
    expect(Roles.Update).toHaveBeenCalledWith(3, expect.objectContaining({ title: 'Backend Engineer' }));
    expect(Roles.DefaultStages).not.toHaveBeenCalled();
    await waitFor(() => expect(onsaved).toHaveBeenCalled());
  });
});
