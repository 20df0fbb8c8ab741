// Tests the resume screen: green and red flags, saving marks, evidence and decision, refused quotes, the suggested
// decision and the reasons Go asks for, the history, and the empty and failed states.
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ResumeScreen from './ResumeScreen.svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import type { ScreenFlag } from '../../lib/api';
import { flushAll } from '../../lib/autosave.svelte';
import { dateTime } from '../../lib/format';
import { backendError, resetUi, resumeScreen } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

const RESUME = 'Led the migration of billing to Go.\nShipped a rate limiter used by 40 services.';
const checklist: ScreenFlag[] = [
  { id: 'prod', kind: 'green', text: 'Shipped to production', hint: 'Look for launches, users, scale' },
  { id: 'lead', kind: 'green', text: 'Led a project' },
  { id: 'hop', kind: 'red', text: 'Many short stints' },
];

async function open(over = {}) {
  vi.mocked(Interviews.Screen).mockResolvedValue(resumeScreen({ checklist, ...over }));
  const user = userEvent.setup();
  render(ResumeScreen, { applicationId: 100, resumeText: RESUME });
  await screen.findByRole('group', { name: 'Shipped to production' });
  return { user };
}

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
});

afterEach(async () => {
  await flushAll();
});

describe('ResumeScreen', () => {
  it('groups the checklist into green and red flags with hints and the quote rule', async () => {
    await open();
    expect(Interviews.Screen).toHaveBeenCalledWith(100);
    expect(screen.getByRole('heading', { name: 'Green flags' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Red flags' })).toBeInTheDocument();
    expect(screen.getByText('Look for launches, users, scale')).toBeInTheDocument();
    expect(screen.getByText(/Evidence must be an exact quote from the resume text/)).toBeInTheDocument();
    expect(screen.getByTestId('screen-saved-by')).toHaveTextContent('Not screened yet');
    expect(screen.getByRole('button', { name: 'Save screen' })).toBeDisabled();
  });

  it('saves marks, evidence and decision, then says who saved it', async () => {
    vi.mocked(Interviews.SaveScreen).mockImplementation(async (input) =>
      resumeScreen({ checklist, marks: input.marks, decision: input.decision, authorName: 'Grace Hopper', updatedAt: '2026-01-08T11:00:00Z' }),
    );
    const { user } = await open();
    const prod = screen.getByRole('group', { name: 'Shipped to production' });
    await user.click(within(prod).getByRole('button', { name: 'Present' }));
    expect(within(prod).getByRole('button', { name: 'Present' })).toHaveAttribute('aria-pressed', 'true');
    await user.type(within(prod).getByRole('textbox', { name: 'Quote from the resume' }), 'Shipped a rate limiter');
    await user.click(within(screen.getByRole('group', { name: 'Many short stints' })).getByRole('button', { name: 'Absent' }));
    await user.click(within(screen.getByRole('group', { name: 'Decision' })).getByRole('button', { name: 'Advance' }));
    expect(screen.getByTestId('screen-saved-by')).toHaveTextContent('Unsaved changes');
    await user.click(screen.getByRole('button', { name: 'Save screen' }));

    await waitFor(() =>
      expect(Interviews.SaveScreen).toHaveBeenCalledWith({
        applicationId: 100,
        marks: { prod: { mark: 'present', evidence: 'Shipped a rate limiter' }, hop: { mark: 'absent', evidence: '' } },
        decision: 'advance',
        rejectReason: '',
        overrideReason: '',
        second: false,
      }),
    );
    await waitFor(() => expect(screen.getByTestId('screen-saved-by')).toHaveTextContent(`Saved by Grace Hopper · ${dateTime('2026-01-08T11:00:00Z')}`));
  });

  it('shows a refused quote next to its flag', async () => {
    vi.mocked(Interviews.SaveScreen).mockRejectedValue(
      backendError('invalid', 'marks.lead: the evidence "Managed a team of 12" does not occur in the resume text; paste an exact quote', [
        { field: 'marks.lead', message: 'the evidence "Managed a team of 12" does not occur in the resume text; paste an exact quote' },
      ]),
    );
    const { user } = await open();
    const lead = screen.getByRole('group', { name: 'Led a project' });
    await user.click(within(lead).getByRole('button', { name: 'Present' }));
    const quote = within(lead).getByRole('textbox', { name: 'Quote from the resume' });
    await user.type(quote, 'Managed a team of 12');
    // The local check warns before saving.
    expect(within(lead).getByText('Not found in the resume text as typed.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save screen' }));

    expect(await within(lead).findByRole('alert')).toHaveTextContent('"Managed a team of 12" does not occur in the resume text; paste an exact quote');
    expect(quote).toHaveAttribute('aria-invalid', 'true');
    expect(quote).toHaveValue('Managed a team of 12');
    const prod = screen.getByRole('group', { name: 'Shipped to production' });
    expect(within(prod).queryByRole('alert')).toBeNull();
    expect(within(prod).getByRole('textbox', { name: 'Quote from the resume' })).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByText('Not saved: fix the flag marked in red')).toBeInTheDocument();
  });

  it('shows saved marks and who saved them', async () => {
    await open({ marks: { prod: { mark: 'present', evidence: 'Led the migration' } }, decision: 'reject', authorName: 'Sam Okafor', updatedAt: '2026-01-08T11:00:00Z' });
    const prod = screen.getByRole('group', { name: 'Shipped to production' });
    expect(within(prod).getByRole('button', { name: 'Present' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(prod).getByRole('textbox', { name: 'Quote from the resume' })).toHaveValue('Led the migration');
    expect(within(screen.getByRole('group', { name: 'Decision' })).getByRole('button', { name: 'Reject' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('screen-saved-by')).toHaveTextContent('Saved by Sam Okafor');
  });

  it('says when there is no checklist, and when loading failed', async () => {
    vi.mocked(Interviews.Screen).mockResolvedValue(resumeScreen({ checklist: [] }));
    const { unmount } = render(ResumeScreen, { applicationId: 100, resumeText: RESUME });
    expect(await screen.findByText("This role's rubric has no resume screen checklist.")).toBeInTheDocument();
    unmount();

    vi.mocked(Interviews.Screen).mockRejectedValue(backendError('not_found', 'application not found'));
    render(ResumeScreen, { applicationId: 100, resumeText: RESUME });
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the resume screen: application not found');
  });

  it("shows Go's suggestion and asks for the reasons a reject and an override need", async () => {
    vi.mocked(Interviews.SuggestScreen).mockResolvedValue('advance');
    vi.mocked(Interviews.SaveScreen).mockRejectedValue(
      backendError('invalid', 'overrideReason: the marks suggest advance; deciding reject needs a reason for the override', [
        { field: 'overrideReason', message: 'the marks suggest advance; deciding reject needs a reason for the override' },
      ]),
    );
    const { user } = await open();
    expect(await screen.findByTestId('screen-suggested')).toHaveTextContent('The marks suggest: Advance');
    expect(screen.queryByRole('textbox', { name: 'Reason to reject' })).toBeNull();
    await user.click(within(screen.getByRole('group', { name: 'Decision' })).getByRole('button', { name: 'Reject' }));
    await user.type(screen.getByRole('textbox', { name: 'Reason to reject' }), 'No production work');
    const override = screen.getByRole('textbox', { name: 'Why decide otherwise than the marks suggest?' });
    await user.click(screen.getByRole('button', { name: 'Save screen' }));
    expect(await screen.findByText('the marks suggest advance; deciding reject needs a reason for the override')).toBeInTheDocument();
    expect(override).toHaveAttribute('aria-invalid', 'true');
    await user.type(override, 'Only a side project');
    await user.click(screen.getByRole('button', { name: 'Save screen' }));
    await waitFor(() =>
      expect(Interviews.SaveScreen).toHaveBeenLastCalledWith(
        expect.objectContaining({ decision: 'reject', rejectReason: 'No production work', overrideReason: 'Only a side project' }),
      ),
    );
  });

  it('asks Go again for the suggestion as marks change, and sends no override when the decision follows it', async () => {
    vi.mocked(Interviews.SuggestScreen).mockResolvedValue('reject');
    vi.mocked(Interviews.SaveScreen).mockImplementation(async (input) => resumeScreen({ checklist, ...input, suggested: 'advance' }));
    const { user } = await open();
    expect(await screen.findByTestId('screen-suggested')).toHaveTextContent('Reject');
    vi.mocked(Interviews.SuggestScreen).mockResolvedValue('advance');
    await user.click(within(screen.getByRole('group', { name: 'Shipped to production' })).getByRole('button', { name: 'Present' }));
    await waitFor(() => expect(screen.getByTestId('screen-suggested')).toHaveTextContent('Advance'));
    expect(Interviews.SuggestScreen).toHaveBeenLastCalledWith(100, false, { prod: { mark: 'present', evidence: '' } });
    await user.click(within(screen.getByRole('group', { name: 'Decision' })).getByRole('button', { name: 'Advance' }));
    expect(screen.queryByRole('textbox', { name: 'Why decide otherwise than the marks suggest?' })).toBeNull();
  });

  it('lists the saves Go kept, newest first, with their reasons', async () => {
    vi.mocked(Interviews.ScreenRevisions).mockResolvedValue([
      { id: 1, applicationId: 100, second: false, marks: {}, decision: '', suggested: 'reject', rejectReason: '', overrideReason: '', authorId: 1, authorName: 'Riley Chen', at: '2026-01-08T10:00:00Z' },
      { id: 2, applicationId: 100, second: true, marks: { prod: { mark: 'present', evidence: 'x' } }, decision: 'reject', suggested: 'reject',
        rejectReason: 'No production work', overrideReason: '', authorId: 2, authorName: 'Sam Okafor', at: '2026-01-08T11:00:00Z' },
    ] as never);
    await open();
    const history = await screen.findByTestId('screen-history-100');
    expect(history).toHaveTextContent('History: 2 saves');
    const items = within(history).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Sam Okafor (second screener) · Reject · 1 present · marks suggest reject');
    expect(items[0]).toHaveTextContent('Reject reason: No production work');
    expect(items[1]).toHaveTextContent('Riley Chen · Undecided');
  });
});
