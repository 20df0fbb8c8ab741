// Tests the AI second rater on a scorecard: nothing unless Go offers it;
// Go's reason beside a question it will not rate; "Second opinion (AI)"
// asks and shows the level, the anchor, how it stands to the interviewer's
// and the passages of the notes; a level kept is shown without asking; a
// refusal is shown in Go's words.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ScorecardView from '../interview/ScorecardView.svelte';
import * as AI from '../../lib/wailsjs/go/app/AI';
import { backendError, resetUi } from '../../test/fixtures';
import { goRecommends } from '../../test/recommendations';
import { rubricFixture, submittedCard } from '../interview/runnerTestKit';
import type { AICardOpinions, AIOpinion } from '../../lib/api/ai';

vi.mock('../../lib/wailsjs/go/app/AI');
vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/runtime/runtime');

const opinion: AIOpinion = {
  questionId: 'q1', level: 2, label: 'Basic', anchor: 'Q1: generic answer', fragments: [{ text: 'Token bucket', start: 0, end: 12 }],
  dropped: 1, humanLevel: 3, says: "1 level below the interviewer's 3.", model: 'gpt-4.1', at: '2026-12-01T10:00:00Z',
} as AIOpinion;

function offers(over: Partial<AICardOpinions> = {}): AICardOpinions {
  return {
    scorecardId: 7, show: true, note: '',
    questions: [
      { questionId: 'q1', ask: true, note: '', opinion: null },
      { questionId: 'q2', ask: false, note: 'No notes on this question for the AI to read.', opinion: null },
      { questionId: 'q3', ask: false, note: 'No score on this question (skipped or not asked), so no second opinion.', opinion: null },
      { questionId: 'q4', ask: false, note: 'No score on this question (skipped or not asked), so no second opinion.', opinion: null },
    ],
    ...over,
  } as AICardOpinions;
}

async function show(o: AICardOpinions) {
  vi.mocked(AI.Opinions).mockResolvedValue(o);
  render(ScorecardView, { card: submittedCard(), rubric: rubricFixture() });
  await screen.findByTestId('scorecard-view');
  expect(AI.Opinions).toHaveBeenCalledWith(7);
}

beforeEach(() => {
  vi.resetAllMocks();
  goRecommends();
  resetUi();
});

describe('Second opinion (AI)', () => {
  it('asks only where Go offers it, then shows the level, the anchor and the notes it rested on', async () => {
    vi.mocked(AI.AskOpinion).mockResolvedValue(opinion);
    await show(offers());
    const user = userEvent.setup();
    expect(await screen.findByTestId('opinion-note-q2')).toHaveTextContent('No notes on this question for the AI to read.');
    expect(screen.getByTestId('opinion-note-q3')).toHaveTextContent('skipped or not asked');
    expect(screen.queryByTestId('ask-opinion-q2')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Second opinion (AI)' }));
    expect(AI.AskOpinion).toHaveBeenCalledWith(7, 'q1');
    const box = await screen.findByTestId('second-opinion-q1');
    expect(box).toHaveTextContent('Second opinion (AI) 2 Basic');
    expect(box).toHaveTextContent("1 level below the interviewer's 3.");
    expect(box).toHaveTextContent('Anchor it matched: Q1: generic answer');
    expect(within(box).getByText('Token bucket').tagName).toBe('MARK');
    expect(box).toHaveTextContent('1 passage it cited is not in the notes and was left out.');
    expect(box).toHaveTextContent("gpt-4.1 · a suggestion only: the interviewer's score stands.");
    // The interviewer's own score is untouched.
    expect(screen.getAllByText('Solid').length).toBeGreaterThan(0);
  });

  it('shows a level kept before without asking again', async () => {
    await show(offers({ questions: [{ questionId: 'q1', ask: false, note: '', opinion }] as never }));
    expect(await screen.findByTestId('second-opinion-q1')).toHaveTextContent('Basic');
    expect(screen.queryByRole('button', { name: 'Second opinion (AI)' })).toBeNull();
    expect(AI.AskOpinion).not.toHaveBeenCalled();
  });

  it('shows nothing when Go shows nothing (AI off, human only)', async () => {
    await show(offers({ show: false, note: 'AI help is switched off for this candidate (human only).', questions: [] }));
    expect(screen.queryByText(/Second opinion/)).toBeNull();
    expect(screen.queryByText(/human only/)).toBeNull();
  });

  it('says Go\'s reason once for a card it will not rate yet', async () => {
    const note = "The AI's second opinion is offered once this scorecard is submitted, so it cannot sway a score.";
    await show(offers({ note, questions: [] }));
    expect(await screen.findByTestId('opinions-note')).toHaveTextContent(note);
    expect(screen.queryByRole('button', { name: 'Second opinion (AI)' })).toBeNull();
  });

  it('says why when asking is refused', async () => {
    vi.mocked(AI.AskOpinion).mockRejectedValue(backendError('conflict', 'The monthly AI budget of $10.00 is reached.'));
    await show(offers());
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Second opinion (AI)' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The monthly AI budget of $10.00 is reached.');
  });

  it('shows the card without the second rater when Go cannot be asked', async () => {
    vi.mocked(AI.Opinions).mockRejectedValue(backendError('conflict', 'hidden'));
    render(ScorecardView, { card: submittedCard(), rubric: rubricFixture() });
    expect(await screen.findByText('Design a rate limiter')).toBeInTheDocument();
    expect(screen.queryByText(/Second opinion/)).toBeNull();
  });
});
