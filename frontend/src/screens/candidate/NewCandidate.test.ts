// Tests the New candidate dialog: focus and defaults, Go's field errors, duplicate and known emails, and creating with trimmed tags and the chosen role.
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import NewCandidate from './NewCandidate.svelte';
import * as Candidates from '../../lib/wailsjs/go/app/Candidates';
import { ui } from '../../lib/stores/ui.svelte';
import { backendError, candidate, duplicateEmail, notFound, resetUi, role } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

const roles = [role({ id: 1, title: 'Backend Engineer' }), role({ id: 2, title: 'Product Designer' })];

function setup() {
  const onclose = vi.fn();
  const user = userEvent.setup();
  render(NewCandidate, { roles, onclose });
  const dialog = screen.getByRole('dialog', { name: 'New candidate' });
  return { user, onclose, dialog };
}

/** The field wrapper (label, input, message) of a labelled control. */
function fieldOf(label: string): HTMLElement {
  return screen.getByLabelText(label).closest('.field') as HTMLElement;
}

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
  vi.mocked(Candidates.FindByEmail).mockRejectedValue(notFound());
});

describe('NewCandidate', () => {
  it('starts with the name field focused and the current role selected', () => {
    ui.roleId = 2;
    setup();
    expect(screen.getByLabelText('Full name')).toHaveFocus();
    expect(screen.getByRole('combobox', { name: 'Apply to role' })).toHaveDisplayValue('Product Designer');
  });

  it('shows the backend message next to Full name when the name is refused', async () => {
    vi.mocked(Candidates.Create).mockRejectedValue(
      backendError('invalid', 'name: required', [{ field: 'name', message: 'Enter the candidate’s full name' }]),
    );
    const { user, onclose } = setup();
    await user.click(screen.getByRole('button', { name: 'Add candidate' }));

    const nameField = fieldOf('Full name');
    expect(await within(nameField).findByRole('alert')).toHaveTextContent('Enter the candidate’s full name');
    expect(screen.getByLabelText('Full name')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'false');
    expect(within(fieldOf('Email')).queryByRole('alert')).toBeNull();
    expect(onclose).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Add candidate' })).toBeEnabled();
  });

  it('shows an error without fields below the form', async () => {
    vi.mocked(Candidates.Create).mockRejectedValue('database is locked');
    const { user, dialog } = setup();
    await user.type(screen.getByLabelText('Full name'), 'Ada');
    await user.click(screen.getByRole('button', { name: 'Add candidate' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('database is locked');
  });

  it('a duplicate email offers to open the existing candidate', async () => {
    vi.mocked(Candidates.Create).mockRejectedValue(duplicateEmail(7, 'Ada Lovelace'));
    const { user, onclose } = setup();
    await user.type(screen.getByLabelText('Full name'), 'Ada L');
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Add candidate' }));

    const alert = await within(fieldOf('Email')).findByRole('alert');
    expect(alert).toHaveTextContent('Ada Lovelace already has this email.');
    await user.click(within(alert).getByRole('button', { name: 'Open Ada Lovelace' }));
    expect(ui.candidateId).toBe(7);
    expect(onclose).toHaveBeenCalled();
  });

  it('warns about a known email as soon as the email field is left', async () => {
    vi.mocked(Candidates.FindByEmail).mockResolvedValue(candidate({ id: 9, name: 'Grace Hopper' }));
    const { user, onclose } = setup();
    await user.type(screen.getByLabelText('Email'), 'grace@example.com');
    await user.tab();

    expect(Candidates.FindByEmail).toHaveBeenCalledWith('grace@example.com');
    const hint = await within(fieldOf('Email')).findByRole('status');
    expect(hint).toHaveTextContent('Grace Hopper already has this email.');
    await user.click(within(hint).getByRole('button', { name: 'Open Grace Hopper' }));
    expect(ui.candidateId).toBe(9);
    expect(onclose).toHaveBeenCalled();
  });

  it('does not look up an email that is not one, nor warn when nobody has it', async () => {
    const { user } = setup();
    await user.type(screen.getByLabelText('Email'), 'ada');
    await user.tab();
    expect(Candidates.FindByEmail).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('Email'), '@example.com');
    await user.tab();
    await waitFor(() => expect(Candidates.FindByEmail).toHaveBeenCalledWith('ada@example.com'));
    expect(within(fieldOf('Email')).queryByRole('status')).toBeNull();
  });

  it('creates the candidate with trimmed tags and the chosen role, then opens it', async () => {
    vi.mocked(Candidates.Create).mockResolvedValue(candidate({ id: 42, name: 'Ada Lovelace' }));
    const { user, onclose } = setup();
    await user.type(screen.getByLabelText('Full name'), 'Ada Lovelace');
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Phone'), '+44 20 7946 0000');
    await user.type(screen.getByLabelText('Source'), 'Referral');
    await user.type(screen.getByLabelText('Tags (comma-separated)'), ' python , rag,,evals ,');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Apply to role' }), 'Product Designer');
    await user.type(screen.getByLabelText('Resume text (optional)'), 'Analytical engines');
    await user.click(screen.getByRole('button', { name: 'Add candidate' }));

    await waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(Candidates.Create).toHaveBeenCalledTimes(1);
    expect(Candidates.Create).toHaveBeenCalledWith(
      {
        name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000', source: 'Referral', resumeText: 'Analytical engines',
        location: '', linkedIn: '', gitHub: '', portfolio: '', tags: ['python', 'rag', 'evals'],
      },
      [2],
    );
    expect(ui.candidateId).toBe(42);
    expect(ui.toast).toEqual({ text: 'Ada Lovelace added', kind: 'info' });
    expect(ui.version).toBe(1);
  });

  it('with "No role yet" it applies to no role', async () => {
    vi.mocked(Candidates.Create).mockResolvedValue(candidate({ id: 43 }));
    ui.roleId = 1;
    const { user, onclose } = setup();
    await user.type(screen.getByLabelText('Full name'), 'Ada');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Apply to role' }), 'No role yet');
    await user.click(screen.getByRole('button', { name: 'Add candidate' }));
    await waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(Candidates.Create).toHaveBeenCalledWith(expect.objectContaining({ name: 'Ada', tags: [] }), []);
  });

  it('Cancel closes without saving', async () => {
    const { user, onclose } = setup();
    await user.type(screen.getByLabelText('Full name'), 'Ada');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onclose).toHaveBeenCalled();
    expect(Candidates.Create).not.toHaveBeenCalled();
  });
});
