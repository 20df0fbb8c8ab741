// Tests the AI follow-up drafts in the interview runner: beside the notes
// only when Go offers them (and Go's reason when not), the notes typed so
// far saved before asking, the reply streaming in, and each draft copied
// into the notes or ignored by the interviewer, never inserted by itself.
import { screen, waitFor, within } from '@testing-library/svelte';
import * as AI from '../../lib/wailsjs/go/app/AI';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import { open, resetRunner, sent, settleRunner, view } from '../interview/runnerTestKit';
import { scorecard } from '../../test/fixtures';
import { done, followUpResult, pending, streamEvents, streamOffer, streamPreview } from './aiStreamTestKit';

vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/AI');
vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

let events: ReturnType<typeof streamEvents>;

beforeEach(() => {
  resetRunner();
  events = streamEvents();
});
afterEach(settleRunner);

const notes = () => screen.getByTestId('question-notes') as HTMLTextAreaElement;

describe('AI follow-ups in the interview runner', () => {
  it('are not there when AI is off', async () => {
    vi.mocked(AI.FollowUpOffer).mockResolvedValue(streamOffer({ enabled: false, offered: false }));
    await open(view({ cursor: 'q2' }));
    await waitFor(() => expect(AI.FollowUpOffer).toHaveBeenCalledWith(7));
    expect(screen.queryByTestId('ai-followups')).not.toBeInTheDocument();
    // q2 has no follow-ups or red flags of its own: no column beside the notes at all.
    expect(screen.queryByTestId('question-aside')).not.toBeInTheDocument();
  });

  it("show Go's reason when this person may not ask", async () => {
    const reason = 'AI follow-up questions are for an interview in progress, and this scorecard is submitted.';
    vi.mocked(AI.FollowUpOffer).mockResolvedValue(streamOffer({ offered: false, reason }));
    await open(view({ cursor: 'q2' }));
    const box = await screen.findByTestId('ai-followups');
    expect(within(box).getByRole('button', { name: 'Suggest follow-ups' })).toBeDisabled();
    expect(box).toHaveTextContent(reason);
  });

  it('save the notes first, stream the drafts, and copy only the ones the interviewer picks', async () => {
    vi.mocked(AI.FollowUpOffer).mockResolvedValue(streamOffer({ askFirst: false }));
    vi.mocked(AI.SuggestFollowUps).mockImplementation(async (requestId) => done({ requestId }));
    const { user } = await open(view({ cursor: 'q1' }));
    const box = await screen.findByTestId('ai-followups');
    // Beside the rubric's own follow-ups.
    expect(within(screen.getByTestId('question-aside')).getByText('What if clocks drift?')).toBeInTheDocument();
    await user.type(notes(), 'Token bucket');
    // The notes typed so far reach Go before the question is asked.
    const saved = pending<ReturnType<typeof scorecard>>();
    vi.mocked(Interviews.SaveDraft).mockReturnValueOnce(saved.promise);
    await user.click(within(box).getByRole('button', { name: 'Suggest follow-ups' }));
    await waitFor(() => expect(sent().some((p) => p.questionId === 'q1' && p.answerNotes === 'Token bucket')).toBe(true));
    expect(AI.SuggestFollowUps).not.toHaveBeenCalled();
    saved.resolve(scorecard({ id: 7 }));
    await waitFor(() => expect(AI.SuggestFollowUps).toHaveBeenCalled());
    const [id, card, question] = vi.mocked(AI.SuggestFollowUps).mock.calls[0];
    expect([card, question]).toEqual([7, 'q1']);

    events.fire(id, { kind: 'delta', text: '- What did you measure first?\n' });
    expect(await within(box).findByTestId('ai-followups-text')).toHaveTextContent('What did you measure first?');
    events.fire(id, { kind: 'done', done: done({ requestId: id, followUps: followUpResult() }) });
    const drafts = await within(box).findAllByTestId('ai-followup-draft');
    expect(drafts.map((d) => d.querySelector('.q')?.textContent)).toEqual(['What did you measure first?', 'Which trade-off would you change?']);
    expect(within(box).getByTestId('ai-followups-meta')).toHaveTextContent('1 line dropped (not a question, a score or beyond three)');
    // Nothing goes into the notes by itself.
    expect(notes().value).toBe('Token bucket');

    await user.click(within(box).getByRole('button', { name: 'Ignore: What did you measure first?' }));
    expect(within(box).getAllByTestId('ai-followup-draft')).toHaveLength(1);
    await user.click(within(box).getByRole('button', { name: 'Copy to notes: Which trade-off would you change?' }));
    expect(notes().value).toBe('Token bucket\nWhich trade-off would you change?');
    expect(within(box).getByRole('button', { name: /Copy to notes: Which trade-off/ })).toHaveTextContent('Copied');
    await waitFor(() => expect(sent().some((p) => p.answerNotes === 'Token bucket\nWhich trade-off would you change?')).toBe(true));
  });

  it('preview first, and Cancel keeps the partial reply with nothing to copy', async () => {
    vi.mocked(AI.FollowUpOffer).mockResolvedValue(streamOffer());
    vi.mocked(AI.FollowUpPreview).mockResolvedValue(streamPreview({ feature: 'followup', notes: 0, tokensOut: 90, redacted: { name: 1 } }));
    vi.mocked(AI.SuggestFollowUps).mockImplementation(async (requestId) => done({ requestId }));
    const { user } = await open(view({ cursor: 'q2' }));
    await user.click(within(await screen.findByTestId('ai-followups')).getByRole('button', { name: 'Suggest follow-ups' }));
    const dialog = await screen.findByRole('dialog', { name: 'Before sending to the AI' });
    expect(AI.FollowUpPreview).toHaveBeenCalledWith(7, 'q2');
    expect(dialog).toHaveTextContent("Don't ask again before sending follow-up questions");
    await user.click(within(dialog).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(AI.SuggestFollowUps).toHaveBeenCalled());
    const id = vi.mocked(AI.SuggestFollowUps).mock.calls[0][0];
    events.fire(id, { kind: 'delta', text: '- How did you shard' });
    const box = screen.getByTestId('ai-followups');
    await within(box).findByTestId('ai-followups-text');
    vi.mocked(AI.CancelAI).mockImplementation(async () =>
      events.fire(id, { kind: 'done', done: done({ requestId: id, cancelled: true, followUps: followUpResult({ text: '- How did you shard', incomplete: true, questions: [] }) }) }),
    );
    await user.click(within(box).getByRole('button', { name: 'Cancel' }));
    expect(AI.CancelAI).toHaveBeenCalledWith(id);
    expect(await within(box).findByText(/Incomplete:/)).toBeInTheDocument();
    expect(box).toHaveTextContent('you cancelled it. Nothing to copy.');
    expect(within(box).getByTestId('ai-followups-text')).toHaveTextContent('- How did you shard');
    expect(within(box).queryByRole('button', { name: /Copy to notes/ })).not.toBeInTheDocument();
    expect(vi.mocked(Interviews.SaveDraft).mock.calls.flatMap(([, ps]) => ps).some((p) => 'answerNotes' in p)).toBe(false);
  });
});
