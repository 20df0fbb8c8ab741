// Finishing an interview: Go's list of what is missing, refused and successful submits.
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import InterviewRunner from './InterviewRunner.svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import type { Scorecard } from '../../lib/api';
import { backendError, scorecard } from '../../test/fixtures';
import { ui } from '../../lib/stores/ui.svelte';
import { deferred, goSays, HASH, heading, NO_REC, NOT_SCORED, open, prefers, resetRunner, sent, settleRunner, submittedCard, view } from './runnerTestKit';

vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

beforeEach(resetRunner);
afterEach(settleRunner);

describe('InterviewRunner: missing and submit', () => {
  it('a skip without a reason is listed as missing (in Go\'s words), with a link back to the question', async () => {
    goSays([NOT_SCORED.q1, NOT_SCORED.q2, NOT_SCORED.q3, NO_REC]);
    const { user } = await open();
    await waitFor(() => expect(screen.getByTestId('jump-finish')).toHaveTextContent('4 missing'));

    goSays([{ field: 'answers.q1', message: 'skipped without a reason (Design a rate limiter)' }, NOT_SCORED.q2, NOT_SCORED.q3, NO_REC]);
    await user.click(screen.getByRole('button', { name: 'Skip question…' }));
    const reason = screen.getByRole('textbox', { name: 'Reason for skipping (required)' });
    expect(reason).toHaveFocus();
    // Go still lists the skipped question: its reason is what it lacks.
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('A skipped question needs a reason before you can submit.')).toBeInTheDocument();
    expect(screen.getByTestId('jump-q1')).toHaveTextContent('skipped');
    await user.keyboard('{Escape}');

    await user.click(screen.getByTestId('jump-finish'));
    const missing = screen.getByTestId('missing');
    await waitFor(() => expect(missing).toHaveTextContent('Question 1: skipped without a reason (Design a rate limiter)'));
    expect(screen.getByText('Still missing')).toBeInTheDocument();
    expect(missing).toHaveTextContent('Question 2: not scored yet (Shard a growing table)');
    expect(missing).toHaveTextContent('Question 3: not scored yet (Tell me about a disagreement)');
    expect(missing).not.toHaveTextContent('Question 4');
    expect(missing).toHaveTextContent('Recommendation: choose an overall recommendation');

    await user.click(within(missing).getByRole('button', { name: 'Question 1' }));
    expect(heading()).toHaveTextContent('Design a rate limiter');
    goSays([NOT_SCORED.q2, NOT_SCORED.q3, NO_REC]);
    await user.type(screen.getByRole('textbox', { name: 'Reason for skipping (required)' }), 'Covered in the screen');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Reason for skipping (required)' })).toHaveAttribute('aria-invalid', 'false'));
    expect(screen.queryByText('A skipped question needs a reason before you can submit.')).toBeNull();
    await user.click(screen.getByTestId('jump-finish'));
    await waitFor(() => expect(screen.getByTestId('missing')).not.toHaveTextContent('Question 1'));
    expect(screen.getByTestId('jump-finish')).toHaveTextContent('3 missing');
    await waitFor(() => expect(sent()).toContainEqual({ questionId: 'q1', skipReason: 'Covered in the screen' }));
    expect(sent()).toContainEqual({ questionId: 'q1', skipped: true });
  });

  it("shows Go's answer verbatim, in Go's order, whatever it says", async () => {
    goSays([
      NOT_SCORED.q2,
      { field: 'answers.gone', message: 'unknown question in this rubric version' },
      { field: 'answers.q3', message: 'score 9 is outside the scale 1–4 (Tell me about a disagreement)' },
      NO_REC,
    ]);
    const { user } = await open(view({ answers: { q1: { score: 3 } } }));
    await user.click(screen.getByTestId('jump-finish'));
    await waitFor(() => expect(screen.getByTestId('jump-finish')).toHaveTextContent('4 missing'));
    const items = within(screen.getByTestId('missing')).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Question 2: not scored yet (Shard a growing table)',
      'answers.gone: unknown question in this rubric version',
      'Question 3: score 9 is outside the scale 1–4 (Tell me about a disagreement)',
      'Recommendation: choose an overall recommendation',
    ]);

    // Go says nothing is missing: the runner does not second-guess it.
    goSays([]);
    await user.click(screen.getByRole('button', { name: 'Yes' }));
    await waitFor(() => expect(screen.getByTestId('missing')).toHaveTextContent('Everything required is answered.'));
    expect(screen.getByTestId('jump-finish')).toHaveTextContent('ready');
  });

  it('asks Go after each change and on opening Finish, with the patches not yet saved', async () => {
    vi.useFakeTimers();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    prefers(false); // the arrow key moves, not the score
    vi.mocked(Interviews.StartInterview).mockResolvedValue(view());
    render(InterviewRunner, { applicationId: 100, roundId: 1, onclose: vi.fn() });
    await vi.advanceTimersByTimeAsync(0);
    // Once on opening, with nothing pending.
    expect(Interviews.Missing).toHaveBeenCalledTimes(1);
    expect(Interviews.Missing).toHaveBeenLastCalledWith(7, []);

    // The save of the score is under way and does not finish yet.
    const saving = deferred<Scorecard>();
    vi.mocked(Interviews.SaveDraft).mockReturnValueOnce(saving.promise);
    await user.keyboard('3');
    await vi.advanceTimersByTimeAsync(150);
    expect(Interviews.SaveDraft).toHaveBeenCalledWith(7, [{ questionId: 'q1', score: 3 }]);
    await user.keyboard('{ArrowRight}4');
    // Debounced: asked once, after the burst.
    expect(Interviews.Missing).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(250);
    expect(Interviews.Missing).toHaveBeenCalledTimes(2);
    // The batch under way and the pending patches, in order.
    expect(Interviews.Missing).toHaveBeenLastCalledWith(7, [
      { questionId: 'q1', score: 3 },
      { cursor: 'q2' },
      { questionId: 'q2', score: 4 },
    ]);

    // Once saved, patches are Go's own: opening Finish asks at once, with nothing left to apply.
    saving.resolve(scorecard({ id: 7 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(Interviews.SaveDraft).toHaveBeenLastCalledWith(7, [{ cursor: 'q2' }, { questionId: 'q2', score: 4 }]);
    await user.click(screen.getByTestId('jump-finish'));
    expect(Interviews.Missing).toHaveBeenCalledTimes(3);
    expect(Interviews.Missing).toHaveBeenLastCalledWith(7, []);
  });

  it('ignores an answer from Go that a newer question overtook', async () => {
    const { user } = await open();
    const older = deferred<{ field: string; message: string }[]>();
    const newer = deferred<{ field: string; message: string }[]>();
    vi.mocked(Interviews.Missing).mockReturnValueOnce(older.promise as never).mockReturnValueOnce(newer.promise as never);

    await user.keyboard('3');
    await waitFor(() => expect(Interviews.Missing).toHaveBeenCalledTimes(2));
    await user.click(screen.getByTestId('jump-finish'));
    expect(Interviews.Missing).toHaveBeenCalledTimes(3);

    newer.resolve([NOT_SCORED.q2, NO_REC]);
    await waitFor(() => expect(screen.getByTestId('missing')).toHaveTextContent('Question 2: not scored yet (Shard a growing table)'));
    older.resolve([NOT_SCORED.q1, NOT_SCORED.q2, NOT_SCORED.q3, NO_REC]);
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getByTestId('missing')).not.toHaveTextContent('Question 1');
    expect(screen.getByTestId('jump-finish')).toHaveTextContent('2 missing');
  });

  it("a refused submit shows the server's field errors in the missing list", async () => {
    vi.mocked(Interviews.Submit).mockRejectedValue(
      backendError('invalid', 'answers.q2: not scored yet (Shard a growing table); recommendation: choose an overall recommendation', [
        NOT_SCORED.q2,
        NO_REC,
      ]),
    );
    const { user } = await open(view({ answers: { q1: { score: 3 }, q3: { score: 2 } } }));
    await user.click(screen.getByTestId('jump-finish'));
    await user.click(screen.getByRole('button', { name: 'Submit scorecard' }));

    const alert = await within(screen.getByTestId('missing')).findByRole('alert');
    expect(alert).toHaveTextContent('Question 2: not scored yet (Shard a growing table)');
    expect(alert).toHaveTextContent('Recommendation: choose an overall recommendation');
    expect(screen.getByText('The scorecard could not be submitted')).toBeInTheDocument();
    expect(Interviews.Submit).toHaveBeenCalledWith(7, expect.any(Object));
    // Still editable.
    expect(screen.getByRole('button', { name: 'Yes' })).toBeEnabled();

    // Fixing an item: Go's next answer no longer names it.
    goSays([NOT_SCORED.q2]);
    await user.click(screen.getByRole('button', { name: 'Yes' }));
    expect(screen.getByRole('button', { name: 'Yes' })).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(screen.getByTestId('missing')).not.toHaveTextContent('Recommendation'));
    expect(screen.getByTestId('missing')).toHaveTextContent('Question 2: not scored yet (Shard a growing table)');
    expect(screen.getByText('The scorecard could not be submitted')).toBeInTheDocument();
  });

  it('a successful submit shows the confirmation, the hash and a read-only view', async () => {
    vi.mocked(Interviews.Submit).mockResolvedValue(submittedCard());
    goSays([NO_REC]);
    const { user, onclose } = await open(view({ answers: { q1: { score: 3 }, q2: { score: 2 }, q3: { skipped: true, skipReason: 'Out of time' } } }));
    await user.click(screen.getByTestId('jump-finish'));
    await waitFor(() => expect(screen.getByTestId('missing')).toHaveTextContent('Recommendation: choose an overall recommendation'));
    goSays([]);
    await user.click(screen.getByRole('button', { name: 'Yes' }));
    await waitFor(() => expect(screen.getByTestId('missing')).toHaveTextContent('Everything required is answered.'));
    await user.click(screen.getByRole('button', { name: 'Submit scorecard' }));

    expect(await screen.findByTestId('submitted-confirmation')).toHaveTextContent('Scorecard submitted.');
    const hash = screen.getByTestId('submitted-hash');
    expect(hash).toHaveTextContent('ab12cd34ef56');
    expect(hash).toHaveAttribute('title', HASH);
    expect(sent()).toContainEqual({ recommendation: 'yes' });
    expect(ui.version).toBeGreaterThan(0);

    // Read-only: no score buttons, the card's content shown with level labels.
    expect(screen.queryByRole('group', { name: 'Score' })).toBeNull();
    const card = screen.getByTestId('scorecard-view');
    expect(within(card).getByText('Solid')).toBeInTheDocument();
    expect(within(card).getByText('Token bucket, clear trade-offs')).toBeInTheDocument();
    expect(within(card).getByTestId('scorecard-recommendation')).toHaveTextContent('Yes');
    expect(within(card).getByTestId('scorecard-hash')).toHaveAttribute('title', HASH);
    const saves = vi.mocked(Interviews.SaveDraft).mock.calls.length;
    const asked = vi.mocked(Interviews.Missing).mock.calls.length;
    await user.keyboard('4');
    await new Promise((r) => setTimeout(r, 300));
    expect(Interviews.SaveDraft).toHaveBeenCalledTimes(saves);
    expect(Interviews.Missing).toHaveBeenCalledTimes(asked);

    await user.click(screen.getAllByRole('button', { name: 'Close' })[0]);
    expect(onclose).toHaveBeenCalled();
  });
});
