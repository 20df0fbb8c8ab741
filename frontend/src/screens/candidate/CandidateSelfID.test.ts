// Tests the drawer's self-identification: shown only when Go says this profile may, Go's words above it, "Prefer not to say" offered, every answer saved in one call, Go's refusal placed beside its category.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import CandidateSelfID from './CandidateSelfID.svelte';
import * as Candidates from '../../lib/wailsjs/go/app/Candidates';
import type { SelfIDForm } from '../../lib/api';
import { ui } from '../../lib/stores/ui.svelte';
import { backendError, resetUi, rights } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Candidates');

const NOTE = 'Voluntary: record only what the candidate chose to tell you (Go says so).';

function form(gender = '', veteran = ''): SelfIDForm {
  return {
    note: NOTE,
    answers: [
      { category: 'Gender', answer: gender, offered: ['Woman', 'Man', 'Non-binary', 'Prefer not to say'] },
      { category: 'Veteran status', answer: veteran, offered: ['Protected veteran', 'Not a protected veteran', 'Prefer not to say'] },
    ],
  } as SelfIDForm;
}

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
});

describe('CandidateSelfID', () => {
  it('shows nothing to an interviewer and never asks Go for the answers', async () => {
    ui.rights = rights(false);
    render(CandidateSelfID, { id: 7 });
    await Promise.resolve();
    expect(screen.queryByRole('heading', { name: 'Self-identification' })).toBeNull();
    expect(Candidates.SelfID).not.toHaveBeenCalled();
  });

  it("shows Go's words and the answers given, with Prefer not to say offered in every category", async () => {
    ui.rights = rights(true);
    vi.mocked(Candidates.SelfID).mockResolvedValue(form('Woman'));
    render(CandidateSelfID, { id: 7 });
    expect(await screen.findByText(NOTE)).toBeInTheDocument();
    expect(Candidates.SelfID).toHaveBeenCalledWith(7);
    const gender = screen.getByLabelText('Gender') as HTMLSelectElement;
    expect(gender.value).toBe('Woman');
    for (const label of ['Gender', 'Veteran status']) {
      const options = within(screen.getByLabelText(label)).getAllByRole('option').map((o) => o.textContent);
      expect(options[0]).toBe('Not answered');
      expect(options).toContain('Prefer not to say');
    }
    expect(screen.getByRole('button', { name: 'Save self-identification' })).toBeDisabled();
  });

  it('saves every category in one call and shows what Go kept', async () => {
    ui.rights = rights(true);
    vi.mocked(Candidates.SelfID).mockResolvedValue(form('Woman'));
    vi.mocked(Candidates.SetSelfID).mockResolvedValue(form('', 'Prefer not to say'));
    const user = userEvent.setup();
    render(CandidateSelfID, { id: 7 });
    await screen.findByText(NOTE);
    await user.selectOptions(screen.getByLabelText('Gender'), 'Not answered');
    await user.selectOptions(screen.getByLabelText('Veteran status'), 'Prefer not to say');
    await user.click(screen.getByRole('button', { name: 'Save self-identification' }));
    expect(Candidates.SetSelfID).toHaveBeenCalledTimes(1);
    expect(Candidates.SetSelfID).toHaveBeenCalledWith(7, { Gender: '', 'Veteran status': 'Prefer not to say' });
    expect(await screen.findByRole('status')).toHaveTextContent('Saved');
    expect((screen.getByLabelText('Veteran status') as HTMLSelectElement).value).toBe('Prefer not to say');
    expect(screen.getByRole('button', { name: 'Save self-identification' })).toBeDisabled();
  });

  it("puts Go's refusal beside the category it names and keeps the choice on screen", async () => {
    ui.rights = rights(true);
    vi.mocked(Candidates.SelfID).mockResolvedValue(form());
    const msg = '"Man" is not an answer of "Gender" (offered: "Woman", "Prefer not to say")';
    vi.mocked(Candidates.SetSelfID).mockRejectedValue(backendError('invalid', msg + '.', [{ field: 'Gender', message: msg }]));
    const user = userEvent.setup();
    render(CandidateSelfID, { id: 7 });
    await screen.findByText(NOTE);
    await user.selectOptions(screen.getByLabelText('Gender'), 'Man');
    await user.click(screen.getByRole('button', { name: 'Save self-identification' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(msg);
    expect(screen.getByLabelText('Gender')).toHaveAttribute('aria-invalid', 'true');
    expect((screen.getByLabelText('Gender') as HTMLSelectElement).value).toBe('Man');
  });

  it("says Go's refusal when the form cannot be read", async () => {
    ui.rights = rights(true);
    vi.mocked(Candidates.SelfID).mockRejectedValue(backendError('conflict', 'Only the recruiter records or reads self-identification.'));
    render(CandidateSelfID, { id: 7 });
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Only the recruiter records or reads self-identification.'));
  });

  it('on a shared workspace shows no answer and sends only the categories changed', async () => {
    ui.rights = rights(true);
    const writeOnly = { ...form(), writeOnly: true, keep: 'Keep as recorded', note: 'Never shown again once recorded (Go says so).' } as SelfIDForm;
    vi.mocked(Candidates.SelfID).mockResolvedValue(writeOnly);
    vi.mocked(Candidates.SetSelfID).mockResolvedValue(writeOnly);
    const user = userEvent.setup();
    render(CandidateSelfID, { id: 7 });
    await screen.findByText('Never shown again once recorded (Go says so).');
    for (const label of ['Gender', 'Veteran status']) {
      const select = screen.getByLabelText(label) as HTMLSelectElement;
      expect(select.selectedOptions[0].textContent).toBe('Keep as recorded');
      expect(within(select).getAllByRole('option').map((o) => o.textContent).slice(0, 2)).toEqual(['Keep as recorded', 'Not answered']);
    }
    const save = screen.getByRole('button', { name: 'Save self-identification' });
    expect(save).toBeDisabled();
    await user.selectOptions(screen.getByLabelText('Veteran status'), 'Not answered');
    await user.click(save);
    expect(Candidates.SetSelfID).toHaveBeenCalledWith(7, { 'Veteran status': '' });
    expect(await screen.findByRole('status')).toHaveTextContent('Recorded');
    expect((screen.getByLabelText('Veteran status') as HTMLSelectElement).selectedOptions[0].textContent).toBe('Keep as recorded');
    expect(save).toBeDisabled();
  });

  /** Saves candidate 7's form and moves the drawer to candidate 8 before the save ends; settle ends it. */
  async function saveThenMoveOn() {
    ui.rights = rights(true);
    vi.mocked(Candidates.SelfID).mockImplementation(async (cid: number) => (cid === 7 ? form('Woman') : form('Man')));
    let settle: { resolve: (f: SelfIDForm) => void; reject: (e: unknown) => void } = { resolve: () => {}, reject: () => {} };
    vi.mocked(Candidates.SetSelfID).mockReturnValue(new Promise((resolve, reject) => (settle = { resolve, reject })));
    const user = userEvent.setup();
    const { rerender } = render(CandidateSelfID, { id: 7 });
    await screen.findByText(NOTE);
    await user.selectOptions(screen.getByLabelText('Veteran status'), 'Prefer not to say');
    await user.click(screen.getByRole('button', { name: 'Save self-identification' }));
    await rerender({ id: 8 });
    await waitFor(() => expect((screen.getByLabelText('Gender') as HTMLSelectElement).value).toBe('Man'));
    return settle;
  }

  it("keeps the next candidate's answers when a save for the previous one ends after the drawer moved on", async () => {
    const settle = await saveThenMoveOn();
    settle.resolve(form('Woman', 'Prefer not to say'));
    await new Promise((r) => setTimeout(r, 20));
    expect((screen.getByLabelText('Gender') as HTMLSelectElement).value).toBe('Man');
    expect((screen.getByLabelText('Veteran status') as HTMLSelectElement).value).toBe('');
    expect(screen.queryByRole('status')).toBeNull();
    expect(Candidates.SetSelfID).toHaveBeenCalledWith(7, { Gender: 'Woman', 'Veteran status': 'Prefer not to say' });
  });

  it('says in a toast when a save for the previous candidate fails after the drawer moved on', async () => {
    const notify = vi.spyOn(ui, 'notify');
    const settle = await saveThenMoveOn();
    expect(screen.getByRole('button', { name: 'Save self-identification' })).toHaveTextContent('Save self-identification');
    settle.reject(backendError('conflict', 'The server refused.'));
    await waitFor(() => expect(notify).toHaveBeenCalledWith("The previous candidate's self-identification was not saved: The server refused.", 'error'));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
