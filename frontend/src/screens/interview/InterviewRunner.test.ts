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

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
  vi.mocked(Interviews.SaveDraft).mockImplementation(async () => scorecard({ id: 7 }));
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

  it('a skip without a reason is listed as missing, with a link back to the question', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: 'Skip question…' }));
    const reason = screen.getByRole('textbox', { name: 'Reason for skipping (required)' });
    expect(reason).toHaveFocus();
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('jump-q1')).toHaveTextContent('skipped');
    await user.keyboard('{Escape}');

    await user.click(screen.getByTestId('jump-finish'));
    const missing = screen.getByTestId('missing');
    expect(missing).toHaveTextContent('Question 1: skipped without a reason — Design a rate limiter');
    expect(missing).toHaveTextContent('Question 2: not scored — Shard a growing table');
    expect(missing).toHaveTextContent('Question 3: not scored');
    // Question 4 is optional.
    expect(missing).not.toHaveTextContent('Question 4');
    expect(missing).toHaveTextContent('Recommendation: choose an overall recommendation');

    await user.click(within(missing).getByRole('button', { name: 'Question 1' }));
    expect(heading()).toHaveTextContent('Design a rate limiter');
    await user.type(screen.getByRole('textbox', { name: 'Reason for skipping (required)' }), 'Covered in the screen');
    await user.click(screen.getByTestId('jump-finish'));
    expect(screen.getByTestId('missing')).not.toHaveTextContent('Question 1');
    await waitFor(() => expect(sent()).toContainEqual({ questionId: 'q1', skipReason: 'Covered in the screen' }));
    expect(sent()).toContainEqual({ questionId: 'q1', skipped: true });
  });

  it("a refused submit shows the server's field errors in the missing list", async () => {
    vi.mocked(Interviews.Submit).mockRejectedValue(
      backendError('invalid', 'answers.q2: not scored yet (Shard a growing table); recommendation: choose an overall recommendation', [
        { field: 'answers.q2', message: 'not scored yet (Shard a growing table)' },
        { field: 'recommendation', message: 'choose an overall recommendation' },
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

    // Fixing an item takes the server's complaint away.
    await user.click(screen.getByRole('button', { name: 'Yes' }));
    expect(screen.getByRole('button', { name: 'Yes' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('missing')).not.toHaveTextContent('Recommendation');
  });

  it('a successful submit shows the confirmation, the hash and a read-only view', async () => {
    vi.mocked(Interviews.Submit).mockResolvedValue(submittedCard());
    const { user, onclose } = await open(view({ answers: { q1: { score: 3 }, q2: { score: 2 }, q3: { skipped: true, skipReason: 'Out of time' } } }));
    await user.click(screen.getByTestId('jump-finish'));
    expect(screen.getByTestId('missing')).toHaveTextContent('Recommendation: choose an overall recommendation');
    await user.click(screen.getByRole('button', { name: 'Yes' }));
    expect(screen.getByTestId('missing')).toHaveTextContent('Everything required is answered.');
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
    await user.keyboard('4');
    expect(Interviews.SaveDraft).not.toHaveBeenCalled();

    await user.click(screen.getAllByRole('button', { name: 'Close' })[0]);
    expect(onclose).toHaveBeenCalled();
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

  it('pending edits are saved when the window flushes', async () => {
    const { user } = await open();
    await user.type(screen.getByRole('textbox', { name: /Notes for this question/ }), 'half a thought');
    await flushAll();
    expect(sent()).toContainEqual({ questionId: 'q1', answerNotes: 'half a thought' });
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
