// How the interview runner saves: score and notes batched into one SaveDraft, the last change with Submit, conflicts, and window flushes.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import InterviewRunner from './InterviewRunner.svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import { flushAll } from '../../lib/autosave.svelte';
import type { Patch, ScorecardView } from '../../lib/api';
import { backendError } from '../../test/fixtures';
import { HASH, heading, open, prefers, resetRunner, rubricFixture, settleRunner, submittedCard, view } from './runnerTestKit';

vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

beforeEach(resetRunner);
afterEach(settleRunner);

describe('InterviewRunner: saving', () => {
  it('batches a score and typed notes into one SaveDraft call after the pause', async () => {
    prefers(false); // the notes are the scored question's
    vi.useFakeTimers();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    vi.mocked(Interviews.StartInterview).mockResolvedValue(view());
    render(InterviewRunner, { applicationId: 100, roundId: 1, onclose: vi.fn() });
    await vi.advanceTimersByTimeAsync(0);
    expect(heading()).toHaveTextContent('Design a rate limiter');

    await user.keyboard('3');
    const notes = screen.getByRole('textbox', { name: /Notes for this question/ });
    await user.click(notes);
    await user.type(notes, 'Token bucket');
    expect(Interviews.SaveDraft).not.toHaveBeenCalled();
    expect(screen.getByTestId('runner-save-state')).toHaveTextContent('Editing…');

    await vi.advanceTimersByTimeAsync(1000);
    expect(Interviews.SaveDraft).toHaveBeenCalledTimes(1);
    expect(Interviews.SaveDraft).toHaveBeenCalledWith(7, [
      { questionId: 'q1', score: 3 },
      { questionId: 'q1', answerNotes: 'Token bucket' },
    ]);
    expect(screen.getByTestId('runner-save-state')).toHaveTextContent('Saved');

    // Timers travel on their own, at most every ~5 s.
    await vi.advanceTimersByTimeAsync(5000);
    expect(Interviews.SaveDraft).toHaveBeenCalledTimes(2);
    const [, timers] = vi.mocked(Interviews.SaveDraft).mock.calls[1];
    expect(timers).toEqual([
      { elapsedMs: expect.any(Number) },
      { questionId: 'q1', answerElapsedMs: expect.any(Number) },
    ]);
    expect((timers[0] as Patch).elapsedMs).toBeGreaterThanOrEqual(5000);
    expect(screen.getByTestId('round-timer')).toHaveTextContent(/^Round\s*00:0[5-7] \/ 45:00$/);
  });

  it('the last pending change travels with Submit; earlier ones in one SaveDraft before it', async () => {
    vi.useFakeTimers();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    vi.mocked(Interviews.Submit).mockResolvedValue(submittedCard());
    vi.mocked(Interviews.StartInterview).mockResolvedValue(view({ cursor: 'q4', answers: { q1: { score: 3 }, q2: { score: 2 }, q3: { score: 1 } } }));
    render(InterviewRunner, { applicationId: 100, roundId: 1, onclose: vi.fn() });
    await vi.advanceTimersByTimeAsync(0);

    await user.keyboard('2{ArrowRight}');
    await user.click(screen.getByRole('button', { name: 'Yes' }));
    await user.click(screen.getByRole('button', { name: 'Submit scorecard' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(screen.getByTestId('submitted-confirmation')).toBeInTheDocument();
    expect(Interviews.SaveDraft).toHaveBeenCalledTimes(1);
    expect(Interviews.SaveDraft).toHaveBeenCalledWith(7, [{ questionId: 'q4', score: 2 }]);
    expect(Interviews.Submit).toHaveBeenCalledWith(7, { recommendation: 'yes' });
  });

  it('a SaveDraft conflict (submitted elsewhere) shows the message and switches to read-only', async () => {
    vi.mocked(Interviews.SaveDraft).mockRejectedValue(
      backendError('conflict', 'this scorecard was submitted at 2026-01-06T10:00:00Z and can no longer change; add an amendment instead'),
    );
    vi.mocked(Interviews.Scorecard).mockResolvedValue({ card: submittedCard(), rubric: rubricFixture() } as ScorecardView);
    const { user } = await open();
    await user.keyboard('2');

    expect(await screen.findByRole('alert')).toHaveTextContent('this scorecard was submitted at 2026-01-06T10:00:00Z and can no longer change');
    expect(screen.queryByRole('group', { name: 'Score' })).toBeNull();
    expect(await screen.findByTestId('scorecard-view')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('scorecard-hash')).toHaveAttribute('title', HASH));
    expect(screen.getByRole('button', { name: 'Amend…' })).toBeInTheDocument();
  });

  it('pending edits are saved when the window flushes, as one SaveDraft batch', async () => {
    prefers(false);
    const { user } = await open();
    await user.keyboard('3');
    await user.type(screen.getByRole('textbox', { name: /Notes for this question/ }), 'half a thought');
    await flushAll();
    expect(Interviews.SaveDraft).toHaveBeenCalledTimes(1);
    expect(vi.mocked(Interviews.SaveDraft).mock.calls[0][1]).toEqual(
      expect.arrayContaining([{ questionId: 'q1', score: 3 }, { questionId: 'q1', answerNotes: 'half a thought' }]),
    );
    expect(screen.getByTestId('runner-save-state')).toHaveTextContent('Saved');
  });

  it('flushAll saves the timers too, and a save refused as invalid says so', async () => {
    vi.useFakeTimers();
    vi.mocked(Interviews.StartInterview).mockResolvedValue(view());
    render(InterviewRunner, { applicationId: 100, roundId: 1, onclose: vi.fn() });
    await vi.advanceTimersByTimeAsync(2000);
    expect(Interviews.SaveDraft).not.toHaveBeenCalled();

    await flushAll();
    expect(Interviews.SaveDraft).toHaveBeenCalledTimes(1);
    expect(Interviews.SaveDraft).toHaveBeenCalledWith(7, [{ elapsedMs: 2000 }, { questionId: 'q1', answerElapsedMs: 2000 }]);

    vi.mocked(Interviews.SaveDraft).mockRejectedValueOnce(backendError('invalid', 'answerNotes: is longer than 20000 characters', [
      { field: 'answerNotes', message: 'is longer than 20000 characters' },
    ]));
    await vi.advanceTimersByTimeAsync(1000);
    await flushAll();
    expect(screen.getByTestId('runner-save-state')).toHaveTextContent('Not saved: answerNotes: is longer than 20000 characters');
    // A refused batch is not sent again by itself.
    await vi.advanceTimersByTimeAsync(3000);
    expect(Interviews.SaveDraft).toHaveBeenCalledTimes(2);
  });
});
