// Tests the candidate drawer: loading and empty states, autosaved profile fields and their errors, notes, flushing on close, and moving, applying and attaching.
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import CandidateDetail from './CandidateDetail.svelte';
import * as Candidates from '../../lib/wailsjs/go/app/Candidates';
import * as Roles from '../../lib/wailsjs/go/app/Roles';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import { ui } from '../../lib/stores/ui.svelte';
import type { Attachment } from '../../lib/api';
import { flushAll } from '../../lib/autosave.svelte';
import {
  application, backendError, candidate, candidateRound, detail, duplicateEmail, invalidEmail, note, resetUi, resumeScreen, role, round,
  stageEvent,
} from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

const roles = [role({ id: 1, title: 'Backend Engineer' }), role({ id: 2, title: 'Product Designer' })];

function fixture() {
  return detail({
    candidate: candidate({ id: 1, name: 'Ada Lovelace', email: 'ada@example.com', tags: ['math', 'poetry'] }),
    applications: [application({ id: 100, roleId: 1, roleTitle: 'Backend Engineer', stageId: 12, stageName: 'Screen' })],
    notes: [note({ id: 1, body: 'Strong on fundamentals', authorName: 'Grace' })],
    history: [
      stageEvent({ id: 2, fromStage: 'Applied', toStage: 'Screen', actorName: 'Grace' }),
      stageEvent({ id: 1, fromStage: '', toStage: 'Applied', actorName: '' }),
    ],
  });
}

function section(heading: string): HTMLElement {
  return screen.getByRole('heading', { name: heading }).closest('section')!;
}

async function open(d = fixture()) {
  vi.mocked(Candidates.Detail).mockResolvedValue(d);
  const onclose = vi.fn();
  const user = userEvent.setup();
  const view = render(CandidateDetail, { id: 1, roles, onclose });
  await screen.findByRole('textbox', { name: 'Name' });
  return { user, onclose, view };
}

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
  vi.mocked(Candidates.Update).mockImplementation(async (_id, patch) => candidate({ ...(patch as object) }));
  vi.mocked(Roles.RejectionReasons).mockResolvedValue(['Not a fit', 'Withdrew']);
  vi.mocked(Interviews.CandidateRounds).mockResolvedValue([]);
  vi.mocked(Interviews.Screen).mockImplementation(async (applicationId) => resumeScreen({ applicationId }));
});

afterEach(async () => {
  // Nothing typed in one test may leak into another's flushAll.
  await flushAll();
});

describe('CandidateDetail', () => {
  it('loads the candidate and shows profile, applications, notes and history', async () => {
    await open();
    expect(Candidates.Detail).toHaveBeenCalledWith(1);

    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('Ada Lovelace');
    expect(screen.getByRole('textbox', { name: 'Email' })).toHaveValue('ada@example.com');
    expect(screen.getByRole('textbox', { name: 'Location' })).toHaveValue('London');
    expect(screen.getByRole('textbox', { name: 'Tags (comma-separated)' })).toHaveValue('math, poetry');
    expect(screen.getByTestId('save-state')).toHaveTextContent('All changes saved');

    const apps = section('Applications');
    expect(within(apps).getByText('Backend Engineer')).toBeInTheDocument();
    const stageSelect = within(apps).getByRole('combobox', { name: 'Stage for Backend Engineer' });
    expect(stageSelect).toHaveValue('12');
    expect(within(stageSelect).getByRole('option', { name: 'Screen' })).toHaveProperty('selected', true);
    // Only roles the candidate has not applied to are offered.
    const applyTo = within(apps).getByRole('combobox', { name: 'Apply to role' });
    expect(within(applyTo).queryByRole('option', { name: 'Backend Engineer' })).toBeNull();
    expect(within(applyTo).getByRole('option', { name: 'Product Designer' })).toBeInTheDocument();

    expect(within(section('Notes')).getByText('Strong on fundamentals')).toBeInTheDocument();
    expect(within(section('Notes')).getByText(/^Grace ·/)).toBeInTheDocument();

    const history = within(section('Stage history')).getAllByRole('listitem');
    expect(history).toHaveLength(2);
    expect(history[0]).toHaveTextContent(/Grace\s+moved from Applied to Screen/);
    expect(history[1]).toHaveTextContent(/Someone\s+added to Applied/);
  });

  it('says so when there are no applications, notes or history', async () => {
    await open(detail({ applications: [], notes: [], history: [] }));
    expect(screen.getByText('Not applied to any role yet.')).toBeInTheDocument();
    expect(screen.getByText('No notes yet.')).toBeInTheDocument();
    expect(screen.getByText('No stage changes yet.')).toBeInTheDocument();
  });

  it('shows the error when the candidate cannot be loaded', async () => {
    vi.mocked(Candidates.Detail).mockRejectedValue(backendError('not_found', 'candidate not found'));
    const onclose = vi.fn();
    const user = userEvent.setup();
    render(CandidateDetail, { id: 1, roles, onclose });
    expect(await screen.findByRole('alert')).toHaveTextContent('candidate not found');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onclose).toHaveBeenCalled();
  });

  it('saves an email edit after the pause and says "Saved"', async () => {
    const { user } = await open();
    const email = screen.getByRole('textbox', { name: 'Email' });
    await user.clear(email);
    await user.type(email, 'ada@lovelace.dev');

    expect(screen.getByTestId('save-state')).toHaveTextContent('Editing…');
    expect(Candidates.Update).not.toHaveBeenCalled();

    await waitFor(() => expect(Candidates.Update).toHaveBeenCalled(), { timeout: 2000 });
    expect(Candidates.Update).toHaveBeenCalledTimes(1);
    expect(Candidates.Update).toHaveBeenCalledWith(1, { email: 'ada@lovelace.dev', version: 1 });
    await waitFor(() => expect(screen.getByTestId('save-state')).toHaveTextContent('Saved'));
    expect(ui.version).toBeGreaterThan(0);
  });

  it('saves at once when the field loses focus', async () => {
    const { user } = await open();
    const phone = screen.getByRole('textbox', { name: 'Phone' });
    await user.type(phone, '+44 20');
    await user.tab();
    await waitFor(() => expect(Candidates.Update).toHaveBeenCalledWith(1, { phone: '+44 20', version: 1 }));
  });

  it('sends tags as a trimmed list', async () => {
    const { user } = await open();
    const tags = screen.getByRole('textbox', { name: 'Tags (comma-separated)' });
    await user.clear(tags);
    await user.type(tags, ' math ,  rust,, ');
    await user.tab();
    await waitFor(() => expect(Candidates.Update).toHaveBeenCalledWith(1, { tags: ['math', 'rust'], version: 1 }));
  });

  it('a refused email shows the message next to the field and says it is not saved', async () => {
    vi.mocked(Candidates.Update).mockRejectedValue(invalidEmail('ada@'));
    const { user } = await open();
    const email = screen.getByRole('textbox', { name: 'Email' });
    await user.clear(email);
    await user.type(email, 'ada@');
    await user.tab();

    const field = email.closest('.field') as HTMLElement;
    expect(await within(field).findByRole('alert')).toHaveTextContent('"ada@" is not a valid email address');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('save-state')).toHaveTextContent('Not saved: fix the field marked in red');
    expect(screen.getByTestId('save-state')).not.toHaveTextContent(/^Saved$/);
    // Other fields are not marked.
    expect(screen.getByRole('textbox', { name: 'Phone' })).toHaveAttribute('aria-invalid', 'false');

    // Fixing the field saves it and clears the message.
    vi.mocked(Candidates.Update).mockImplementation(async (_id, patch) => candidate({ ...(patch as object) }));
    await user.type(email, 'example.com');
    await user.tab();
    await waitFor(() => expect(Candidates.Update).toHaveBeenLastCalledWith(1, { email: 'ada@example.com', version: 1 }));
    await waitFor(() => expect(within(field).queryByRole('alert')).toBeNull());
    expect(screen.getByTestId('save-state')).toHaveTextContent('Saved');
  });

  it('autosaving field after field sends each save from the version the last one answered with', async () => {
    // Go counts the version up on every save.
    vi.mocked(Candidates.Update).mockImplementation(async (_id, patch) => candidate({ ...patch, version: (patch.version ?? 0) + 1 }));
    const { user } = await open();
    await user.type(screen.getByRole('textbox', { name: 'Phone' }), '+44 20');
    await user.tab();
    await waitFor(() => expect(Candidates.Update).toHaveBeenLastCalledWith(1, { phone: '+44 20', version: 1 }));
    await user.type(screen.getByRole('textbox', { name: 'Location' }), ', UK');
    await user.tab();
    await waitFor(() => expect(Candidates.Update).toHaveBeenLastCalledWith(1, { location: 'London, UK', version: 2 }));
    await user.type(screen.getByRole('textbox', { name: 'Source' }), ' (Grace)');
    await user.tab();
    await waitFor(() => expect(Candidates.Update).toHaveBeenLastCalledWith(1, { source: 'Referral (Grace)', version: 3 }));
    await waitFor(() => expect(screen.getByTestId('save-state')).toHaveTextContent('Saved'));
  });

  it('an edit someone else changed first shows Go’s words, and Reload shows the record as it is now', async () => {
    const says = 'Changed by Priya Nair 2 minutes ago — reload to see their change.';
    // Priya saved version 5 after this drawer loaded version 1: Go refuses edits made from any other.
    const now = fixture();
    now.candidate = candidate({ ...now.candidate, phone: '+44 99', version: 5, changedBy: 'Priya Nair' });
    vi.mocked(Candidates.Update).mockImplementation(async (_id, patch) => {
      if (patch.version !== 5) throw backendError('changed', says);
      return candidate({ ...now.candidate, ...patch, version: 6 });
    });
    const { user } = await open();
    await user.type(screen.getByRole('textbox', { name: 'Phone' }), '+44 20');
    await user.tab();

    const alert = await screen.findByText(says);
    expect(alert).toHaveAttribute('role', 'alert');
    expect(screen.getByTestId('save-state')).toHaveTextContent('Not saved');
    expect(screen.getByTestId('save-state')).not.toHaveTextContent('field marked in red');

    vi.mocked(Candidates.Detail).mockResolvedValue(now);
    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Phone' })).toHaveValue('+44 99'));
    expect(Candidates.Detail).toHaveBeenCalledTimes(2);
    expect(screen.queryByText(says)).toBeNull();

    // The refused edit is gone; the next one is made from Priya's version and saved.
    await user.type(screen.getByRole('textbox', { name: 'Location' }), ', UK');
    await user.tab();
    await waitFor(() => expect(Candidates.Update).toHaveBeenLastCalledWith(1, { location: 'London, UK', version: 5 }));
    await waitFor(() => expect(screen.getByTestId('save-state')).toHaveTextContent('Saved'));
    expect(vi.mocked(Candidates.Update).mock.calls.filter(([, p]) => p.version === 5)).toHaveLength(1);
  });

  it('a duplicate email offers to open the candidate who has it', async () => {
    vi.mocked(Candidates.Update).mockRejectedValue(duplicateEmail(7, 'Ada Lovelace'));
    const { user } = await open(detail({ candidate: candidate({ id: 1, name: 'Ada L.', email: '' }) }));
    const email = screen.getByRole('textbox', { name: 'Email' });
    await user.type(email, 'ada@example.com');
    await user.tab();

    const field = email.closest('.field') as HTMLElement;
    const alert = await within(field).findByRole('alert');
    expect(alert).toHaveTextContent('already used by Ada Lovelace');
    await user.click(within(alert).getByRole('button', { name: 'Open Ada Lovelace' }));
    expect(ui.candidateId).toBe(7);
  });

  it('adding a note calls AddNote and shows it at the top', async () => {
    vi.mocked(Candidates.AddNote).mockResolvedValue(note({ id: 2, body: 'Great systems answer', authorName: 'Linus' }));
    const { user } = await open();
    const notes = section('Notes');
    const add = within(notes).getByRole('button', { name: 'Add note' });
    expect(add).toBeDisabled();

    await user.type(within(notes).getByRole('textbox', { name: 'New note' }), 'Great systems answer');
    expect(add).toBeEnabled();
    await user.click(add);

    expect(Candidates.AddNote).toHaveBeenCalledWith(1, 'Great systems answer');
    await waitFor(() => expect(within(notes).getAllByRole('listitem')).toHaveLength(2));
    const items = within(notes).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Great systems answer');
    expect(items[0]).toHaveTextContent('Linus');
    expect(items[1]).toHaveTextContent('Strong on fundamentals');
    expect(within(notes).getByRole('textbox', { name: 'New note' })).toHaveValue('');
  });

  it('a refused note shows the message and keeps the text', async () => {
    vi.mocked(Candidates.AddNote).mockRejectedValue(
      backendError('invalid', 'body: too long', [{ field: 'body', message: 'Keep notes under 10,000 characters' }]),
    );
    const { user } = await open();
    const notes = section('Notes');
    const box = within(notes).getByRole('textbox', { name: 'New note' });
    await user.type(box, 'very long');
    await user.click(within(notes).getByRole('button', { name: 'Add note' }));
    expect(await within(notes).findByRole('alert')).toHaveTextContent('Keep notes under 10,000 characters');
    expect(box).toHaveValue('very long');
    expect(within(notes).getAllByRole('listitem')).toHaveLength(1);
  });

  it('a note typed but not added is saved when the window flushes', async () => {
    vi.mocked(Candidates.AddNote).mockResolvedValue(note({ id: 3, body: 'draft' }));
    const { user } = await open();
    await user.type(screen.getByRole('textbox', { name: 'New note' }), 'draft');
    await flushAll();
    expect(Candidates.AddNote).toHaveBeenCalledWith(1, 'draft');
  });

  it('closing the drawer saves what is pending', async () => {
    const { user, view } = await open();
    await user.type(screen.getByRole('textbox', { name: 'Location' }), ', UK');
    view.unmount();
    await waitFor(() => expect(Candidates.Update).toHaveBeenCalledWith(1, { location: 'London, UK', version: 1 }));
  });

  it('changing the stage of an application moves it and shows the new stage', async () => {
    vi.mocked(Candidates.Move).mockResolvedValue(application({ stageId: 13 }));
    const { user } = await open();
    const moved = fixture();
    moved.applications = [application({ id: 100, roleId: 1, stageId: 13, stageName: 'Interview' })];
    vi.mocked(Candidates.Detail).mockResolvedValue(moved);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Stage for Backend Engineer' }), 'Interview');
    await waitFor(() => expect(Candidates.Move).toHaveBeenCalledWith(100, 12, 13, ''));
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Stage for Backend Engineer' })).toHaveDisplayValue('Interview'));
    expect(ui.version).toBeGreaterThan(0);
  });

  it('choosing Rejected as the stage asks for a reason (and a note) first', async () => {
    vi.mocked(Candidates.Reject).mockResolvedValue(application({ stageId: 14 }));
    const { user } = await open();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Stage for Backend Engineer' }), 'Rejected');

    const dialog = await screen.findByRole('dialog', { name: 'Reject Ada Lovelace' });
    expect(Candidates.Reject).not.toHaveBeenCalled();
    await within(dialog).findByRole('option', { name: 'Not a fit' });
    await user.selectOptions(within(dialog).getByLabelText('Reason'), 'Not a fit');
    await user.type(within(dialog).getByLabelText('Note (optional)'), 'Keep in touch');
    await user.click(within(dialog).getByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(Candidates.Reject).toHaveBeenCalledWith(100, 12, 'Not a fit', 'Keep in touch'));
    expect(Candidates.Move).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Reject Ada Lovelace' })).toBeNull());
  });

  it('the history shows a rejection’s note under its reason', async () => {
    await open(
      detail({
        history: [stageEvent({ id: 3, fromStage: 'Screen', toStage: 'Rejected', reason: 'Position filled', note: 'Strong; ask again in spring.' })],
      }),
    );
    const line = within(section('Stage history')).getByRole('listitem');
    expect(line).toHaveTextContent('Reason: Position filled');
    expect(line).toHaveTextContent('Strong; ask again in spring.');
  });

  it('cancelling the reject dialog puts the stage select back', async () => {
    const { user } = await open();
    const select = screen.getByRole('combobox', { name: 'Stage for Backend Engineer' });
    await user.selectOptions(select, 'Rejected');
    const dialog = await screen.findByRole('dialog', { name: 'Reject Ada Lovelace' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(Candidates.Move).not.toHaveBeenCalled();
    await waitFor(() => expect(select).toHaveDisplayValue('Screen'));
  });

  it('a refused move shows the error and the stage select shows the real stage', async () => {
    vi.mocked(Candidates.Move).mockRejectedValue(backendError('conflict', 'Ada Lovelace was moved by someone else'));
    const { user } = await open();
    const select = screen.getByRole('combobox', { name: 'Stage for Backend Engineer' });
    await user.selectOptions(select, 'Interview');

    await waitFor(() => expect(ui.toast).toEqual({ text: 'Ada Lovelace was moved by someone else', kind: 'error' }));
    await waitFor(() => expect(Candidates.Detail).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Stage for Backend Engineer' })).toHaveDisplayValue('Screen'));
  });

  it('attaching asks Go for the file, then shows it', async () => {
    const cv = { id: 5, candidateId: 1, fileName: 'cv.txt', mimeType: 'text/plain', size: 2048, hasText: true, createdAt: '2026-01-05T10:00:00Z' } as Attachment;
    vi.mocked(Candidates.AttachFile).mockResolvedValue(cv);
    const { user } = await open();
    const resume = section('Resume');
    expect(within(resume).getByText('PDF, DOCX or TXT, up to 20 MB')).toBeInTheDocument();
    const withCv = fixture();
    withCv.attachments = [cv];
    vi.mocked(Candidates.Detail).mockResolvedValue(withCv);
    await user.click(within(resume).getByRole('button', { name: 'Attach a file…' }));

    expect(Candidates.AttachFile).toHaveBeenCalledWith(1);
    expect(await within(resume).findByText(/cv\.txt/)).toHaveTextContent('cv.txt (2.0 KB, searchable)');
    expect(Candidates.Detail).toHaveBeenCalledTimes(2);
    expect(ui.toast).toEqual({ text: 'cv.txt attached (2.0 KB)', kind: 'info' });
  });

  it('a resume file whose text became the resume text says so and shows it to correct', async () => {
    const cv = { id: 6, candidateId: 1, fileName: 'cv.pdf', mimeType: 'application/pdf', size: 4096, hasText: false, createdAt: '2026-01-05T10:00:00Z', resumeFilled: true } as Attachment;
    vi.mocked(Candidates.AttachFile).mockResolvedValue(cv);
    const { user } = await open();
    const filled = fixture();
    filled.attachments = [cv];
    filled.candidate.resumeText = 'Ada Lovelace\nAnalytical Engine notes';
    vi.mocked(Candidates.Detail).mockResolvedValue(filled);
    await user.click(within(section('Resume')).getByRole('button', { name: 'Attach a file…' }));

    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Resume text' })).toHaveValue('Ada Lovelace\nAnalytical Engine notes'));
    expect(ui.toast).toEqual({ text: 'cv.pdf attached; its text is now the resume text: check it and correct what the file garbled', kind: 'info' });
  });

  it('a resume file whose text could not be read is attached with the reason', async () => {
    const cv = { id: 7, candidateId: 1, fileName: 'cv.pdf', mimeType: 'application/pdf', size: 4096, hasText: false, createdAt: '2026-01-05T10:00:00Z',
      textProblem: 'cv.pdf is a password-protected PDF; save a copy without the password and use that' } as Attachment;
    vi.mocked(Candidates.AttachFile).mockResolvedValue(cv);
    const { user } = await open();
    await user.click(within(section('Resume')).getByRole('button', { name: 'Attach a file…' }));
    await waitFor(() => expect(ui.toast).toEqual({ text: 'cv.pdf attached. cv.pdf is a password-protected PDF; save a copy without the password and use that', kind: 'info' }));
  });

  it('a cancelled dialog attaches nothing', async () => {
    vi.mocked(Candidates.AttachFile).mockResolvedValue(null as unknown as Attachment);
    const { user } = await open();
    await user.click(within(section('Resume')).getByRole('button', { name: 'Attach a file…' }));
    await waitFor(() => expect(within(section('Resume')).getByRole('button', { name: 'Attach a file…' })).toBeEnabled());
    expect(Candidates.Detail).toHaveBeenCalledTimes(1);
    expect(within(section('Resume')).queryByRole('alert')).toBeNull();
  });

  it('a refused attachment shows why', async () => {
    vi.mocked(Candidates.AttachFile).mockRejectedValue(
      backendError('invalid', 'file: scan.pdf is over the 20 MB limit for attachments', [{ field: 'file', message: 'scan.pdf is over the 20 MB limit for attachments' }]),
    );
    const { user } = await open();
    await user.click(within(section('Resume')).getByRole('button', { name: 'Attach a file…' }));
    expect(await within(section('Resume')).findByRole('alert')).toHaveTextContent('scan.pdf is over the 20 MB limit for attachments');
    expect(within(section('Resume')).getByRole('button', { name: 'Attach a file…' })).toHaveAccessibleDescription(/over the 20 MB limit/);
  });

  it('shows the interview rounds and a resume screen per application', async () => {
    vi.mocked(Interviews.CandidateRounds).mockResolvedValue([candidateRound({ round: round({ id: 3, name: 'System design' }) })]);
    vi.mocked(Interviews.Screen).mockImplementation(async (applicationId) =>
      resumeScreen({ applicationId, checklist: [{ id: 'ship', kind: 'green', text: 'Shipped to production' }] }),
    );
    await open();
    const interviews = section('Interviews');
    expect(await within(interviews).findByText('System design')).toBeInTheDocument();
    expect(within(interviews).getByRole('button', { name: 'Start interview' })).toBeInTheDocument();
    expect(Interviews.CandidateRounds).toHaveBeenCalledWith(1);

    const screenSection = section('Resume screen');
    expect(within(screenSection).getByRole('heading', { name: 'Backend Engineer' })).toBeInTheDocument();
    expect(await within(screenSection).findByRole('group', { name: 'Shipped to production' })).toBeInTheDocument();
    expect(Interviews.Screen).toHaveBeenCalledWith(100);
  });

  it('has no resume screen section without applications', async () => {
    await open(detail({ candidate: candidate({ id: 1 }), applications: [] }));
    expect(screen.queryByRole('heading', { name: 'Resume screen' })).toBeNull();
    expect(await within(section('Interviews')).findByText(/No interview plan for this role yet/)).toBeInTheDocument();
  });
});
