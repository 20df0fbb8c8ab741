// Opening the interview runner: the saved cursor, answers and timers restored; a submitted card read-only with its amendments; a failed open.
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import InterviewRunner from './InterviewRunner.svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import type { Revision, ScorecardContent } from '../../lib/api';
import { backendError } from '../../test/fixtures';
import { heading, open, resetRunner, settleRunner, submittedCard, view } from './runnerTestKit';

vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

beforeEach(resetRunner);
afterEach(settleRunner);

describe('InterviewRunner: opening', () => {
  it('opens at the saved cursor with answers and elapsed time restored', async () => {
    await open(view({ cursor: 'q3', elapsedMs: 12 * 60_000 + 34_000, answers: { q1: { score: 2 }, q2: { skipped: true, skipReason: 'n/a' }, q3: { elapsedMs: 65_000 } } }));
    expect(Interviews.StartInterview).toHaveBeenCalledWith(100, 1);
    expect(heading()).toHaveTextContent('Tell me about a disagreement');
    expect(screen.getByText('Collaboration · Question 3 of 4')).toBeInTheDocument();
    expect(screen.getByTestId('round-timer')).toHaveTextContent('12:34 / 45:00');
    expect(screen.getByTestId('question-timer')).toHaveTextContent('01:05');

    const nav = screen.getByRole('navigation', { name: 'Questions' });
    expect(within(nav).getByTestId('jump-q3')).toHaveAttribute('aria-current', 'step');
    expect(within(nav).getByTestId('jump-q1')).toHaveTextContent('✓ 2');
    expect(within(nav).getByTestId('jump-q2')).toHaveTextContent('skipped');
    expect(within(nav).getByTestId('jump-q1')).not.toHaveAttribute('aria-current');
    // Anchors of every level are shown.
    expect(screen.getByText('Q3: concrete example with trade-offs')).toBeInTheDocument();
    expect(screen.getByText('Q3: teaches the room')).toBeInTheDocument();
  });

  it('a submitted card opens read-only with its history, and can be amended with a reason', async () => {
    const amended = submittedCard({
      revisions: [
        {
          revision: 1, answers: { q1: { score: 4 }, q2: { score: 2 }, q3: { skipped: true, skipReason: 'Out of time' } }, recommendation: 'strong_yes',
          notes: '', reason: 'Mixed up my notes', authorId: 1, authorName: 'Grace Hopper', createdAt: '2026-01-07T09:00:00Z', sha256: 'ff'.repeat(32),
        } as unknown as Revision,
      ],
      current: {
        answers: { q1: { score: 4 }, q2: { score: 2 }, q3: { skipped: true, skipReason: 'Out of time' } }, recommendation: 'strong_yes',
        recommendationLabel: 'Strong yes', notes: '',
      } as unknown as ScorecardContent,
    });
    // Go refuses an amendment without a reason; the form shows its words by the field.
    vi.mocked(Interviews.Amend)
      .mockRejectedValueOnce(
        backendError('invalid', 'reason: say why the submitted scorecard is being amended', [
          { field: 'reason', message: 'say why the submitted scorecard is being amended' },
        ]),
      )
      .mockResolvedValue(amended);
    const { user } = await open(view({ ...submittedCard() }));
    expect(screen.queryByRole('group', { name: 'Score' })).toBeNull();
    expect(screen.getByTestId('scorecard-hash')).toHaveTextContent('ab12cd34ef56');
    expect(screen.queryByText('Amended')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Amend…' }));
    const dialog = screen.getByRole('dialog', { name: 'Amend scorecard' });
    await user.click(within(dialog).getByRole('button', { name: 'Save amendment' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('say why the submitted scorecard is being amended');
    expect(within(dialog).getByLabelText('Reason (required)')).toHaveAttribute('aria-invalid', 'true');
    expect(Interviews.Amend).toHaveBeenCalledTimes(1);

    await user.type(within(dialog).getByLabelText('Reason (required)'), 'Mixed up my notes');
    await user.selectOptions(within(dialog).getByLabelText('Change the score of'), 'q1');
    await user.selectOptions(within(dialog).getByLabelText('New score'), '4');
    await user.selectOptions(within(dialog).getByLabelText('Recommendation'), 'strong_yes');
    await user.click(within(dialog).getByRole('button', { name: 'Save amendment' }));

    await waitFor(() =>
      expect(Interviews.Amend).toHaveBeenCalledWith(7, {
        answers: { q1: { score: 4, notes: 'Token bucket, clear trade-offs', skipped: false, skipReason: '' } },
        recommendation: 'strong_yes',
        notes: '',
        reason: 'Mixed up my notes',
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText('Amended')).toBeInTheDocument();
    expect(screen.getByTestId('scorecard-recommendation')).toHaveTextContent('Strong yes');
    expect(screen.getByText('Reason: Mixed up my notes')).toBeInTheDocument();
    expect(screen.getByText(/Design a rate limiter: 3 Solid → 4 Strong/)).toBeInTheDocument();

    // Amending again starts from the content in force Go sent with the card: the amendment's, not the original.
    await user.click(screen.getByRole('button', { name: 'Amend…' }));
    const again = screen.getByRole('dialog', { name: 'Amend scorecard' });
    expect(within(again).getByLabelText('Recommendation')).toHaveValue('strong_yes');
    expect(within(within(again).getByLabelText('Recommendation')).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Strong no', 'No', 'Yes', 'Strong yes',
    ]);
    await user.selectOptions(within(again).getByLabelText('Change the score of'), 'q1');
    expect(within(again).getByLabelText('New score')).toHaveValue('4');
  });

  it('a failed open says why and can be closed', async () => {
    vi.mocked(Interviews.StartInterview).mockRejectedValue(backendError('conflict', 'choose who you are before interviewing'));
    const onclose = vi.fn();
    const user = userEvent.setup();
    render(InterviewRunner, { applicationId: 100, roundId: 1, onclose });
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not open the interview: choose who you are before interviewing');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onclose).toHaveBeenCalled();
  });
});
