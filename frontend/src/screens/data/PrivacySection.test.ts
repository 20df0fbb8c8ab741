// Tests the privacy section of the Data dialog: setting the retention policy, reviewing who is due, erasing or anonymising the chosen ones after a confirmation, and the audit of erasures; an interviewer sees Go's sentence instead of the actions.
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import PrivacySection from './PrivacySection.svelte';
import * as Privacy from '../../lib/wailsjs/go/app/Privacy';
import type { AuditEntry, DueCandidate, ErasureResult, RetentionReview } from '../../lib/api';
import { ui } from '../../lib/stores/ui.svelte';
import { backendError, resetUi } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Privacy');

const note = 'Only the recruiter erases or anonymises candidates, exports everything held about one, or sets the retention policy.';

function due(id: number, name: string): DueCandidate {
  return { id, name, email: `${name.split(' ')[0].toLowerCase()}@example.com`, lastActivity: '2025-01-10T09:00:00.000Z', applications: ['Data Engineer: Candidate withdrew'] } as DueCandidate;
}

const off = { months: 0, cutoff: '', candidates: [], maxMonths: 120 } as unknown as RetentionReview;
const six: RetentionReview = { months: 6, cutoff: '2025-06-01T09:00:00.000Z', candidates: [due(3, 'Old Rejection'), due(4, 'Older Rejection')], maxMonths: 36 } as RetentionReview;

function entry(over: Partial<AuditEntry> = {}): AuditEntry {
  return { id: 1, action: 'erase', why: 'request', candidateId: 9, counts: { candidates: 1 }, actorId: 1, actorName: 'Riley Chen', at: '2025-02-01T10:00:00.000Z', snapshots: { rewritten: 3, dropped: 0, unchanged: 0 }, ...over } as AuditEntry;
}

function setup(review = off, manage = true, log: AuditEntry[] = []) {
  vi.mocked(Privacy.Rights).mockResolvedValue({ manage, manageNote: manage ? '' : note, erase: manage, eraseNote: manage ? '' : note });
  vi.mocked(Privacy.Retention).mockResolvedValue(review);
  vi.mocked(Privacy.AuditLog).mockResolvedValue(log);
  const user = userEvent.setup();
  render(PrivacySection);
  return { user };
}

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
});

describe('PrivacySection', () => {
  it('sets the retention policy and lists who is due, all chosen', async () => {
    const { user } = setup();
    const months = await screen.findByRole('spinbutton', { name: /idle for more than/ });
    await waitFor(() => expect(months).toBeEnabled());
    expect(months).toHaveValue(0);
    expect(screen.getByText('No candidate has been erased or anonymised.')).toBeInTheDocument();
    vi.mocked(Privacy.SetRetention).mockResolvedValue(six);
    await user.clear(months);
    await user.type(months, '6');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(Privacy.SetRetention).toHaveBeenCalledWith(6);
    expect(await screen.findByText(/2 rejected or withdrawn candidates have had nothing done since/)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Choose Old Rejection' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Choose Older Rejection' })).toBeChecked();
    expect(ui.toast?.text).toBe('Retention policy: 6 months');
  });

  it('offers up to the number of months Go accepts', async () => {
    setup(six);
    await screen.findByText('Old Rejection');
    expect(screen.getByRole('spinbutton')).toHaveAttribute('max', '36');
  });

  it('puts a refused number of months next to the field', async () => {
    const { user } = setup();
    const months = await screen.findByRole('spinbutton', { name: /idle for more than/ });
    await waitFor(() => expect(months).toBeEnabled());
    vi.mocked(Privacy.SetRetention).mockRejectedValue(
      backendError('invalid', 'months: give a number of months from 1 to 120, or 0 to turn the policy off', [
        { field: 'months', message: 'give a number of months from 1 to 120, or 0 to turn the policy off' },
      ]),
    );
    await user.clear(months);
    await user.type(months, '500');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('give a number of months from 1 to 120, or 0 to turn the policy off');
    expect(months).toHaveAttribute('aria-invalid', 'true');
  });

  it('erases the chosen candidates only once confirmed, then says what may still hold them', async () => {
    const { user } = setup(six);
    await screen.findByRole('checkbox', { name: 'Choose Old Rejection' });
    await user.click(screen.getByRole('checkbox', { name: 'Choose Older Rejection' }));
    await user.click(screen.getByRole('button', { name: 'Erase chosen…' }));
    expect(screen.getByRole('group', { name: 'Confirm' })).toHaveTextContent('Erase 1 candidate for good?');
    expect(Privacy.ApplyRetention).not.toHaveBeenCalled();
    const res = { action: 'erase', candidates: 1, counts: { candidates: 1 }, snapshots: { rewritten: 2, dropped: 0, unchanged: 1 }, outside: 'Backups you saved yourself since 3 January 2025 may still hold this person.' } as unknown as ErasureResult;
    vi.mocked(Privacy.ApplyRetention).mockResolvedValue(res);
    vi.mocked(Privacy.Retention).mockResolvedValue({ ...six, candidates: [due(4, 'Older Rejection')] } as RetentionReview);
    vi.mocked(Privacy.AuditLog).mockResolvedValue([entry({ candidateId: 3, why: 'retention', snapshots: { rewritten: 2, dropped: 0, unchanged: 1 } })]);
    await user.click(screen.getByRole('button', { name: 'Erase for good' }));
    expect(Privacy.ApplyRetention).toHaveBeenCalledWith([3], 'erase');
    expect(await screen.findByRole('status')).toHaveTextContent('1 candidate erased. Automatic snapshots: 2 rewritten, 0 deleted.');
    expect(screen.getByRole('status')).toHaveTextContent(res.outside);
    const audit = screen.getAllByRole('table')[1];
    expect(within(audit).getAllByRole('row')[1]).toHaveTextContent(/erased \(retention policy\)\s*#3\s*Riley Chen\s*2 rewritten/);
    expect(screen.queryByRole('checkbox', { name: 'Choose Old Rejection' })).toBeNull();
  });

  it('on a shared workspace, which has no snapshots, says nothing of them', async () => {
    const { user } = setup(six);
    await screen.findByRole('checkbox', { name: 'Choose Old Rejection' });
    await user.click(screen.getByRole('checkbox', { name: 'Choose Older Rejection' }));
    await user.click(screen.getByRole('button', { name: 'Erase chosen…' }));
    const res = { action: 'erase', candidates: 1, counts: { candidates: 1 }, snapshots: { rewritten: 0, dropped: 0, unchanged: 0 }, noSnapshots: true, outside: 'The server reuses the space of the erased records when it vacuums them.' } as unknown as ErasureResult;
    vi.mocked(Privacy.ApplyRetention).mockResolvedValue(res);
    vi.mocked(Privacy.Retention).mockResolvedValue({ ...six, candidates: [due(4, 'Older Rejection')] } as RetentionReview);
    vi.mocked(Privacy.AuditLog).mockResolvedValue([entry({ candidateId: 3, why: 'retention' })]);
    await user.click(screen.getByRole('button', { name: 'Erase for good' }));
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('1 candidate erased. The server reuses the space');
    expect(status).not.toHaveTextContent('snapshots');
  });

  it('anonymises instead when asked, and a refusal changes nothing on screen', async () => {
    const { user } = setup(six);
    await screen.findByRole('checkbox', { name: 'Choose Old Rejection' });
    await user.click(screen.getByRole('button', { name: 'Anonymise chosen…' }));
    vi.mocked(Privacy.ApplyRetention).mockRejectedValue(backendError('conflict', 'Candidate 3 is not due under the retention policy any more; nothing was changed: reload the list.'));
    await user.click(screen.getByRole('button', { name: 'Anonymise for good' }));
    expect(Privacy.ApplyRetention).toHaveBeenCalledWith([3, 4], 'anonymise');
    expect(await screen.findByRole('alert')).toHaveTextContent('not due under the retention policy any more');
    expect(screen.getByRole('checkbox', { name: 'Choose Old Rejection' })).toBeInTheDocument();
  });

  it('an interviewer reads the policy, the list and the log, but acts on none', async () => {
    setup(six, false, [entry()]);
    expect(await screen.findByText(note)).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: /idle for more than/ })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Choose Old Rejection' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Erase chosen…' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Anonymise chosen…' })).toBeDisabled();
    expect(screen.getAllByRole('table')[1]).toHaveTextContent(/erased \(on request\)\s*#9\s*Riley Chen\s*3 rewritten/);
  });
});
