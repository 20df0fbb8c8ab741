import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import InterviewRunner from './InterviewRunner.svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import { flushAll } from '../../lib/autosave.svelte';
import type { Patch, Revision, Rubric, Scorecard, ScorecardView } from '../../lib/api';
import { backendError, resetUi, scorecard } from '../../test/fixtures';
import { ui } from '../../lib/stores/ui.svelte';

vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

const HASH = 'ab12cd34ef56' + '0'.repeat(52);

/** A 1–4 scale, 2 competencies × 2 questions. */
function rubricFixture(): Rubric {
  const anchors = (q: string) => [`${q}: no relevant example`, `${q}: generic answer`, `${q}: concrete example with trade-offs`, `${q}: teaches the room`];
  return {
    format: 'hirebench.rubric/v1',
    name: 'Backend',
    scale: { min: 1, max: 4, labels: ['No evidence', 'Basic', 'Solid', 'Strong'] },
    competencies: [
      {
        id: 'design', name: 'System design', weight: 1,
        questions: [
          { id: 'q1', prompt: 'Design a rate limiter', probes: 'Trade-offs under load', followUps: ['What if clocks drift?'], redFlags: ['No mention of limits'], weight: 1, anchors: anchors('Q1') },
          { id: 'q2', prompt: 'Shard a growing table', probes: 'Data modelling', weight: 1, anchors: anchors('Q2') },
        ],
      },
      {
        id: 'collab', name: 'Collaboration', weight: 1,
        questions: [
          { id: 'q3', prompt: 'Tell me about a disagreement', probes: 'Conflict handling', weight: 1, anchors: anchors('Q3') },
          { id: 'q4', prompt: 'Mentoring someone junior', probes: 'Growing others', weight: 1, optional: true, anchors: anchors('Q4') },
        ],
      },
    ],
  } as Rubric;
}

function view(over: Partial<Scorecard> = {}): ScorecardView {
  return { card: scorecard({ id: 7, competencies: ['design', 'collab'], ...over }), rubric: rubricFixture() } as ScorecardView;
}

function submittedCard(over: Partial<Scorecard> = {}): Scorecard {
  return scorecard({
    id: 7, status: 'submitted', submittedAt: '2026-01-06T10:00:00Z', sha256: HASH, recommendation: 'yes',
    answers: { q1: { score: 3, notes: 'Token bucket, clear trade-offs' }, q2: { score: 2 }, q3: { skipped: true, skipReason: 'Out of time' } },
    ...over,
  });
}

async function open(v: ScorecardView = view()) {
  vi.mocked(Interviews.StartInterview).mockResolvedValue(v);
  const onclose = vi.fn();
  const user = userEvent.setup();
  const r = render(InterviewRunner, { applicationId: 100, roundId: 1, onclose });
  await screen.findByTestId(v.card.status === 'submitted' ? 'scorecard-view' : 'jump-finish');
  return { user, onclose, r };
}

function heading(): HTMLElement {
  return screen.getByRole('heading', { level: 2, name: /Design a rate limiter|Shard a growing table|Tell me about a disagreement|Mentoring someone junior|Finish and submit/ });
}

/** Every patch sent, in order: SaveDraft batches, then Submit's last patch. */
function sent(): Patch[] {
  const out: Patch[] = [];
  for (const [, ps] of vi.mocked(Interviews.SaveDraft).mock.calls) out.push(...(ps as Patch[]));
  for (const [, p] of vi.mocked(Interviews.Submit).mock.calls) out.push(p as Patch);
  return out;
}

/** Go's words for what stops the fixture's submission (Interviews.Missing). */
const NOT_SCORED = {
  q1: { field: 'answers.q1', message: 'not scored yet (Design a rate limiter)' },
  q2: { field: 'answers.q2', message: 'not scored yet (Shard a growing table)' },
  q3: { field: 'answers.q3', message: 'not scored yet (Tell me about a disagreement)' },
};
const NO_REC = { field: 'recommendation', message: 'choose an overall recommendation' };

/** Go answers Missing with `list` from now on. */
function goSays(list: { field: string; message: string }[]) {
  vi.mocked(Interviews.Missing).mockResolvedValue(list as never);
}

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
  vi.mocked(Interviews.SaveDraft).mockImplementation(async () => scorecard({ id: 7 }));
  goSays([]);
});

afterEach(async () => {
  await flushAll();
  vi.useRealTimers();
});

describe('InterviewRunner', () => {
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

  it('a number key scores the current question and the button shows it selected', async () => {
    const { user } = await open();
    expect(heading()).toHaveTextContent('Design a rate limiter');
    const solid = screen.getByRole('button', { name: '3 Solid' });
    expect(solid).toHaveAttribute('aria-pressed', 'false');

    await user.keyboard('3');
    expect(solid).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: '1 No evidence' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByTestId('jump-q1')).toHaveTextContent('✓ 3');
    // A key beyond the scale does nothing.
    await user.keyboard('7');
    expect(solid).toHaveAttribute('aria-pressed', 'true');

    await waitFor(() => expect(Interviews.SaveDraft).toHaveBeenCalledWith(7, [{ questionId: 'q1', score: 3 }]));
    await waitFor(() => expect(screen.getByTestId('runner-save-state')).toHaveTextContent('Saved'));
  });

  it('arrow keys move between questions and the move is saved as the cursor', async () => {
    const { user } = await open();
    await user.keyboard('{ArrowRight}');
    expect(heading()).toHaveTextContent('Shard a growing table');
    expect(screen.getByTestId('jump-q2')).toHaveAttribute('aria-current', 'step');
    await user.keyboard('{ArrowDown}');
    expect(heading()).toHaveTextContent('Tell me about a disagreement');
    await user.keyboard('{ArrowLeft}');
    expect(heading()).toHaveTextContent('Shard a growing table');
    await waitFor(() => expect(sent()).toContainEqual({ cursor: 'q2' }));

    // Clicking the jump list jumps.
    await user.click(screen.getByTestId('jump-q4'));
    expect(heading()).toHaveTextContent('Mentoring someone junior');
    await user.click(screen.getByTestId('next'));
    expect(heading()).toHaveTextContent('Finish and submit');
  });

  it('number and arrow keys do nothing while typing in the notes; Escape leaves the field', async () => {
    const { user } = await open();
    const notes = screen.getByRole('textbox', { name: /Notes for this question/ });
    await user.click(notes);
    await user.keyboard('2 then 3{ArrowRight}');
    expect(notes).toHaveValue('2 then 3');
    expect(heading()).toHaveTextContent('Design a rate limiter');
    for (const b of within(screen.getByRole('group', { name: 'Score' })).getAllByRole('button')) expect(b).toHaveAttribute('aria-pressed', 'false');

    await user.keyboard('{Escape}');
    expect(notes).not.toHaveFocus();
    await user.keyboard('4');
    expect(screen.getByRole('button', { name: '4 Strong' })).toHaveAttribute('aria-pressed', 'true');
    // "n" jumps back into the notes.
    await user.keyboard('n');
    expect(notes).toHaveFocus();
    expect(notes).toHaveValue('2 then 3');
  });

  it('batches a score and typed notes into one SaveDraft call after the pause', async () => {
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

  it('a submitted card opens read-only with its history, and can be amended with a reason', async () => {
    const amended = submittedCard({
      revisions: [
        {
          revision: 1, answers: { q1: { score: 4 }, q2: { score: 2 }, q3: { skipped: true, skipReason: 'Out of time' } }, recommendation: 'strong_yes',
          notes: '', reason: 'Mixed up my notes', authorId: 1, authorName: 'Grace Hopper', createdAt: '2026-01-07T09:00:00Z', sha256: 'ff'.repeat(32),
        } as unknown as Revision,
      ],
    });
    vi.mocked(Interviews.Amend).mockResolvedValue(amended);
    const { user } = await open(view({ ...submittedCard() }));
    expect(screen.queryByRole('group', { name: 'Score' })).toBeNull();
    expect(screen.getByTestId('scorecard-hash')).toHaveTextContent('ab12cd34ef56');
    expect(screen.queryByText('Amended')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Amend…' }));
    const dialog = screen.getByRole('dialog', { name: 'Amend scorecard' });
    await user.click(within(dialog).getByRole('button', { name: 'Save amendment' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Say why');
    expect(Interviews.Amend).not.toHaveBeenCalled();

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
  });

  it('pending edits are saved when the window flushes, as one SaveDraft batch', async () => {
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
