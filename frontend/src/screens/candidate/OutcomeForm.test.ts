// Tests the drawer's outcome form: shown only for the applications Go lists (hired, recruiter), what was recorded shown back, the whole outcome saved in one call, Go's refusal placed beside its field.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import OutcomeForm from './OutcomeForm.svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import type { OutcomeEntry } from '../../lib/api';
import { backendError, resetUi } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Interviews');

const SCALE = '1 (well below expectations) to 5 (well above)';

function entry(outcome?: Partial<OutcomeEntry['outcome']>): OutcomeEntry {
  return {
    applicationId: 40,
    roleId: 3,
    roleTitle: 'Backend Engineer',
    stage: 'Hired',
    hiredAt: '2025-02-01T10:00:00.000Z',
    scale: SCALE,
    outcome: outcome ? { leftOn: '', recordedBy: 'Riley Chen', recordedAt: '2025-05-02T10:00:00.000Z', ...outcome } : undefined,
  } as OutcomeEntry;
}

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
});

describe('OutcomeForm', () => {
  it('shows nothing when Go lists no hired application', async () => {
    vi.mocked(Interviews.Outcomes).mockResolvedValue([]);
    render(OutcomeForm, { id: 7 });
    await vi.waitFor(() => expect(Interviews.Outcomes).toHaveBeenCalledWith(7));
    expect(screen.queryByRole('heading', { name: 'After the hire' })).toBeNull();
  });

  it("shows what was recorded, with Go's scale, and saves the whole outcome in one call", async () => {
    vi.mocked(Interviews.Outcomes).mockResolvedValue([entry({ rating90d: 4 })]);
    vi.mocked(Interviews.RecordOutcome).mockResolvedValue([entry({ rating90d: 4, rating1y: 3, leftOn: '2026-01-31', regretted: false })]);
    const user = userEvent.setup();
    render(OutcomeForm, { id: 7 });
    expect(await screen.findByRole('heading', { name: 'After the hire' })).toBeInTheDocument();
    expect(screen.getByText(new RegExp(`Ratings: ${SCALE.replace(/[()]/g, '\\$&')}`))).toBeInTheDocument();
    expect((screen.getByLabelText('Rating at 90 days') as HTMLSelectElement).value).toBe('4');
    expect(screen.getByText(/Recorded by Riley Chen/)).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Rating at 1 year'), '3');
    await user.click(screen.getByLabelText('They have left'));
    await user.type(screen.getByLabelText('Date they left'), '2026-01-31');
    await user.selectOptions(screen.getByLabelText('Regretted?'), 'no');
    await user.click(screen.getByRole('button', { name: 'Save outcome' }));
    expect(Interviews.RecordOutcome).toHaveBeenCalledTimes(1);
    expect(Interviews.RecordOutcome).toHaveBeenCalledWith(7, 3, { rating90d: 4, rating1y: 3, leftOn: '2026-01-31', regretted: false });
    expect(await screen.findByRole('status')).toHaveTextContent('Saved');
  });

  it("places Go's refusal beside the field it names", async () => {
    vi.mocked(Interviews.Outcomes).mockResolvedValue([entry()]);
    vi.mocked(Interviews.RecordOutcome).mockRejectedValue(
      backendError('invalid', 'regretted: Say whether their leaving was regretted: yes or no', [
        { field: 'regretted', message: 'Say whether their leaving was regretted: yes or no' },
      ]),
    );
    const user = userEvent.setup();
    render(OutcomeForm, { id: 7 });
    await user.click(await screen.findByLabelText('They have left'));
    await user.type(screen.getByLabelText('Date they left'), '2026-01-31');
    await user.click(screen.getByRole('button', { name: 'Save outcome' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Say whether their leaving was regretted: yes or no');
    expect(screen.getByLabelText('Regretted?')).toHaveAttribute('aria-invalid', 'true');
  });
});
