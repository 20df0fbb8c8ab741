// Tests the debrief's AI summary: shown only when Go offers it (and Go's
// reason when not), the preview of exactly what is sent, the text growing
// piece by piece from its own request's events, Cancel stopping that
// request with the text kept and marked incomplete, retries announced, and
// Go's citation check shown with the unsupported sentence marked.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import AISummary from './AISummary.svelte';
import * as AI from '../../lib/wailsjs/go/app/AI';
import { backendError } from '../../test/fixtures';
import { done, streamEvents, streamOffer, streamPreview, summaryResult } from './aiStreamTestKit';

vi.mock('../../lib/wailsjs/go/app/AI');
vi.mock('../../lib/wailsjs/runtime/runtime');

let events: ReturnType<typeof streamEvents>;

beforeEach(() => {
  vi.resetAllMocks();
  events = streamEvents();
});

async function open(offer = streamOffer()) {
  vi.mocked(AI.SummaryOffer).mockResolvedValue(offer);
  const user = userEvent.setup();
  render(AISummary, { roleId: 3, candidateId: 7 });
  await waitFor(() => expect(AI.SummaryOffer).toHaveBeenCalledWith(3, 7));
  return { user };
}

/** Starts the summary (no preview): Go answers at once; returns the request id it streams under. */
async function started(user: ReturnType<typeof userEvent.setup>) {
  vi.mocked(AI.SuggestSummary).mockImplementation(async (requestId) => done({ requestId }));
  await user.click(await screen.findByRole('button', { name: 'Summarise with AI' }));
  await waitFor(() => expect(AI.SuggestSummary).toHaveBeenCalled());
  const [id, role, candidate] = vi.mocked(AI.SuggestSummary).mock.calls[0];
  expect([role, candidate]).toEqual([3, 7]);
  return id;
}

describe('AI summary on the debrief', () => {
  it('is not there when AI is off', async () => {
    await open(streamOffer({ enabled: false, offered: false, reason: 'AI help is off in this workspace.' }));
    expect(screen.queryByTestId('ai-debrief-summary')).not.toBeInTheDocument();
  });

  it("shows Go's reason when the blind rule keeps it from this person", async () => {
    const reason = 'The AI summary covers every submitted scorecard, and 1 of them stay hidden from you until you have submitted every round you interview this candidate in.';
    await open(streamOffer({ offered: false, reason }));
    expect(await screen.findByRole('button', { name: 'Summarise with AI' })).toBeDisabled();
    expect(screen.getByTestId('ai-summary-reason')).toHaveTextContent(reason);
  });

  it('previews exactly what is sent, its cost and the budget, then streams it in piece by piece and shows the check', async () => {
    vi.mocked(AI.SummaryPreview).mockResolvedValue(streamPreview());
    const { user } = await open();
    vi.mocked(AI.SuggestSummary).mockImplementation(async (requestId) => done({ requestId }));
    await user.click(await screen.findByRole('button', { name: 'Summarise with AI' }));

    const dialog = await screen.findByRole('dialog', { name: 'Before sending to the AI' });
    expect(AI.SummaryPreview).toHaveBeenCalledWith(3, 7);
    expect(AI.SuggestSummary).not.toHaveBeenCalled();
    expect(dialog).toHaveTextContent('6 scorecard notes, each under the id the summary cites');
    expect(within(dialog).getByTestId('ai-sent')).toHaveTextContent('[CANDIDATE] measured tiers with [COLLEAGUE].');
    expect(within(dialog).getByTestId('ai-redacted')).toHaveTextContent("Taken out before sending: 2 names and 1 colleague's name.");
    expect(within(dialog).getByTestId('ai-estimate')).toHaveTextContent('About 1,843 tokens in and 400 tokens out: about $0.0069');
    expect(within(dialog).getByTestId('ai-budget-line')).toHaveTextContent('This month: $0.0123 of the $10.00 budget spent.');
    await user.click(within(dialog).getByRole('button', { name: 'Send' }));

    await waitFor(() => expect(AI.SuggestSummary).toHaveBeenCalled());
    const id = vi.mocked(AI.SuggestSummary).mock.calls[0][0];
    expect(screen.getByText('Sending the notes to the AI…')).toBeInTheDocument();
    events.fire(id, { kind: 'delta', text: 'Strengths:\n' });
    expect(await screen.findByTestId('ai-summary-text')).toHaveTextContent('Strengths:');
    events.fire(id, { kind: 'delta', text: 'Measured tiers ' });
    await waitFor(() => expect(screen.getByTestId('ai-summary-text')).toHaveTextContent('Strengths: Measured tiers'));
    // Another request's pieces are not this one's.
    events.fire('someone-else', { kind: 'delta', text: 'NOT OURS' });
    expect(screen.getByTestId('ai-summary-text')).not.toHaveTextContent('NOT OURS');

    events.fire(id, { kind: 'done', done: done({ requestId: id, summary: summaryResult() }) });
    const shown = await screen.findByTestId('ai-summary-result');
    const sentences = within(shown).getAllByTestId('ai-summary-sentence');
    expect(sentences.map((s) => s.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Measured tiers on an eval set [N1].',
      'Scores differ on model choice [N1][N4].',
      'The candidate seemed nervous. no note cited',
    ]);
    expect(within(shown).getByRole('heading', { name: 'Concerns' }).nextElementSibling).toHaveTextContent('None.');
    expect(sentences[1]).toHaveAttribute('title', expect.stringContaining('N4: Interviewer B, Deep dive — Model choice'));
    expect(within(shown).getByTestId('ai-summary-meta')).toHaveTextContent(
      '2 of 3 sentences cite a scorecard note; 1 cites none and is marked. From gpt-4.1, 1,200 tokens in and 60 out, $0.0029.',
    );
    expect(within(shown).getByTestId('ai-interviewers')).toHaveTextContent('Interviewer A is Sam Okafor · Interviewer B is Priya Nair');
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    expect(events.listening(id)).toBe(0);
  });

  it('Cancel stops this request; the text shown stays, marked incomplete', async () => {
    const { user } = await open(streamOffer({ askFirst: false }));
    const id = await started(user);
    expect(AI.SummaryPreview).not.toHaveBeenCalled();
    events.fire(id, { kind: 'delta', text: 'Strengths:\nMeasured tiers' });
    await screen.findByTestId('ai-summary-text');
    vi.mocked(AI.CancelAI).mockImplementation(async () =>
      events.fire(id, { kind: 'done', done: done({ requestId: id, cancelled: true, summary: summaryResult({ text: 'Strengths:\nMeasured tiers', incomplete: true, sentences: [] }) }) }),
    );
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(AI.CancelAI).toHaveBeenCalledWith(id);
    expect(await screen.findByTestId('ai-summary-incomplete')).toHaveTextContent(
      'Incomplete: you cancelled it. What was shown is kept here; it was not checked for citations.',
    );
    expect(screen.getByTestId('ai-summary-text')).toHaveTextContent('Strengths: Measured tiers');
    expect(screen.queryByTestId('ai-summary-result')).not.toBeInTheDocument();
    // A piece arriving late is not added to a finished summary.
    events.fire(id, { kind: 'delta', text: ' late' });
    expect(screen.getByTestId('ai-summary-text')).not.toHaveTextContent('late');
  });

  it('says when it retries, and keeps a cut stream with the reason', async () => {
    const { user } = await open(streamOffer({ askFirst: false }));
    const id = await started(user);
    events.fire(id, { kind: 'retrying', retry: { attempt: 2, waitMs: 3000, why: 'The AI service is busy (HTTP 503).' } });
    expect(await screen.findByText(/HTTP 503\)\. Retrying in 3 s…/)).toBeInTheDocument();
    events.fire(id, { kind: 'delta', text: 'Strengths:\n' });
    await waitFor(() => expect(screen.queryByText(/Retrying in/)).not.toBeInTheDocument());
    events.fire(id, { kind: 'done', done: done({ requestId: id, problem: 'The AI service stopped in the middle of its answer.', summary: summaryResult({ text: 'Strengths:\n', incomplete: true }) }) });
    expect(await screen.findByTestId('ai-summary-incomplete')).toHaveTextContent('Incomplete: The AI service stopped in the middle of its answer.');
  });

  it("shows Go's words when nothing could be shown, and remembers \"don't ask again\"", async () => {
    vi.mocked(AI.SummaryPreview).mockResolvedValue(streamPreview({ cached: true, tokensIn: 0, tokensOut: 0, estimateUsd: 0 }));
    vi.mocked(AI.SetAskFirst).mockResolvedValue({} as never);
    vi.mocked(AI.SuggestSummary).mockImplementation(async (requestId) => done({ requestId }));
    const { user } = await open();
    await user.click(await screen.findByRole('button', { name: 'Summarise with AI' }));
    const dialog = await screen.findByRole('dialog', { name: 'Before sending to the AI' });
    expect(within(dialog).getByTestId('ai-estimate')).toHaveTextContent('Answered before: the saved answer is shown at once and nothing is paid.');
    await user.click(within(dialog).getByLabelText("Don't ask again before sending debrief summaries"));
    await user.click(within(dialog).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(AI.SuggestSummary).toHaveBeenCalled());
    expect(AI.SetAskFirst).toHaveBeenCalledWith('summary', false);
    const id = vi.mocked(AI.SuggestSummary).mock.calls[0][0];
    events.fire(id, { kind: 'done', done: done({ requestId: id, error: 'The monthly AI budget of $10.00 is reached.' }) });
    expect(await screen.findByRole('alert')).toHaveTextContent('The monthly AI budget of $10.00 is reached.');
    expect(screen.queryByTestId('ai-summary-text')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Summarise with AI' })).toBeEnabled();
  });

  it('shows a refusal of the call itself', async () => {
    vi.mocked(AI.SuggestSummary).mockRejectedValue(backendError('conflict', 'An AI request with the id "x" is still running.'));
    const { user } = await open(streamOffer({ askFirst: false }));
    await user.click(await screen.findByRole('button', { name: 'Summarise with AI' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('is still running');
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
  });
});
