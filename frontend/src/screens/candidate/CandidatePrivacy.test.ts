// Tests the drawer's privacy actions: Go decides who may (a disabled button with its sentence), the subject export, and erasing or anonymising after a confirmation that then says which copies outside may still hold the person.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import CandidatePrivacy from './CandidatePrivacy.svelte';
import * as Privacy from '../../lib/wailsjs/go/app/Privacy';
import type { ErasureResult, PrivacyRights, SubjectResult } from '../../lib/api';
import { ui } from '../../lib/stores/ui.svelte';
import { backendError, resetUi } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Privacy');

const note = 'Only the recruiter erases or anonymises candidates, exports everything held about one, or sets the retention policy.';
const outside = 'Backups you saved yourself since 2 March 2026 may still hold this person.';

function result(over: Partial<ErasureResult> = {}): ErasureResult {
  return { action: 'erase', candidates: 1, counts: { candidates: 1, notes: 2, scorecards: 1 }, snapshots: { rewritten: 2, dropped: 1, unchanged: 0 }, outside, ...over } as ErasureResult;
}

async function open(rights: PrivacyRights = { manage: true, manageNote: '', erase: true, eraseNote: '' }) {
  vi.mocked(Privacy.Rights).mockResolvedValue(rights);
  const onerased = vi.fn();
  const beforeerase = vi.fn().mockResolvedValue(undefined);
  const user = userEvent.setup();
  render(CandidatePrivacy, { id: 7, name: 'Ada Lovelace', beforeerase, onerased });
  await screen.findByRole('heading', { name: 'Privacy' });
  return { user, onerased, beforeerase };
}

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
});

describe('CandidatePrivacy', () => {
  it('offers nothing an interviewer may not do, and says why', async () => {
    await open({ manage: false, manageNote: note, erase: false, eraseNote: note });
    expect(screen.getByRole('button', { name: 'Export everything held…' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Erase…' })).toBeDisabled();
    expect(screen.getByText(note)).toBeInTheDocument();
  });

  it("on a shared workspace lets a recruiter export but not erase, and says whose login erases", async () => {
    const owners = "On a shared workspace only its owner's login erases or anonymises candidates.";
    await open({ manage: true, manageNote: '', erase: false, eraseNote: owners });
    expect(screen.getByRole('button', { name: 'Export everything held…' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Erase…' })).toBeDisabled();
    expect(screen.getByText(owners)).toBeInTheDocument();
  });

  it('shows nothing when Go cannot say who may', async () => {
    vi.mocked(Privacy.Rights).mockRejectedValue(backendError('internal', 'Something went wrong'));
    render(CandidatePrivacy, { id: 7, name: 'Ada Lovelace', onerased: vi.fn() });
    await waitFor(() => expect(Privacy.Rights).toHaveBeenCalled());
    expect(screen.queryByRole('heading', { name: 'Privacy' })).toBeNull();
  });

  it('exports everything held and says what was saved; a closed dialog says nothing', async () => {
    const { user } = await open();
    vi.mocked(Privacy.ExportSubject).mockResolvedValue({ saved: true, name: 'x.zip', records: 12, attachments: 2 } as SubjectResult);
    await user.click(screen.getByRole('button', { name: 'Export everything held…' }));
    expect(Privacy.ExportSubject).toHaveBeenCalledWith(7);
    await waitFor(() => expect(ui.toast?.text).toBe('Saved everything held about Ada Lovelace: 12 records, 2 attachments'));
    ui.toast = null;
    vi.mocked(Privacy.ExportSubject).mockResolvedValue({ saved: false, name: '', records: 0, attachments: 0 } as SubjectResult);
    await user.click(screen.getByRole('button', { name: 'Export everything held…' }));
    await waitFor(() => expect(Privacy.ExportSubject).toHaveBeenCalledTimes(2));
    expect(ui.toast).toBeNull();
  });

  it('erases only once confirmed, then says what went and what may still hold them', async () => {
    const { user, onerased, beforeerase } = await open();
    vi.mocked(Privacy.Erase).mockResolvedValue(result());
    await user.click(screen.getByRole('button', { name: 'Erase…' }));
    expect(screen.getByRole('dialog', { name: 'Erase Ada Lovelace?' })).toBeInTheDocument();
    const go = screen.getByRole('button', { name: 'Erase for good' });
    expect(go).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'I understand this cannot be undone' }));
    await user.click(go);
    expect(beforeerase).toHaveBeenCalled();
    expect(Privacy.Erase).toHaveBeenCalledWith(7, 'erase');
    expect(await screen.findByRole('status')).toHaveTextContent('Ada Lovelace was erased: 4 records removed or cleared. Automatic snapshots: 2 rewritten without them, 1 deleted.');
    expect(screen.getByText(outside)).toBeInTheDocument();
    expect(onerased).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(onerased).toHaveBeenCalled();
    expect(ui.version).toBeGreaterThan(0);
  });

  it('anonymises when chosen', async () => {
    const { user } = await open();
    vi.mocked(Privacy.Erase).mockResolvedValue(result({ action: 'anonymise' }));
    await user.click(screen.getByRole('button', { name: 'Erase…' }));
    await user.click(screen.getByRole('radio', { name: /Anonymise/ }));
    await user.click(screen.getByRole('checkbox', { name: 'I understand this cannot be undone' }));
    await user.click(screen.getByRole('button', { name: 'Anonymise for good' }));
    expect(Privacy.Erase).toHaveBeenCalledWith(7, 'anonymise');
    expect(await screen.findByRole('status')).toHaveTextContent('Ada Lovelace was anonymised');
  });

  it('a refusal is shown in the dialog and the drawer stays', async () => {
    const { user, onerased } = await open();
    vi.mocked(Privacy.Erase).mockRejectedValue(backendError('conflict', note));
    await user.click(screen.getByRole('button', { name: 'Erase…' }));
    await user.click(screen.getByRole('checkbox', { name: 'I understand this cannot be undone' }));
    await user.click(screen.getByRole('button', { name: 'Erase for good' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(note);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onerased).not.toHaveBeenCalled();
  });
});
