// Tests the resume screen's AI suggestion: offered only when Go says so, the
// preview of exactly what is sent (and "don't ask again"), retries shown
// with Cancel, each flag's suggestion with its quote highlighted, and
// accepting filling the marks that the screen then saves as usual.
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ResumeScreen from '../candidate/ResumeScreen.svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import * as AI from '../../lib/wailsjs/go/app/AI';
import type { ScreenFlag } from '../../lib/api';
import { flushAll } from '../../lib/autosave.svelte';
import { resetUi, resumeScreen } from '../../test/fixtures';
import { aiFlag, aiOffer, aiPreview, aiResult, retryEvents } from './aiTestKit';

vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/AI');
vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

const RESUME = 'Grace Hopper — Zürich\nLed the migration of billing to Go.\nShipped a rate limiter used by 40 services.';
const checklist: ScreenFlag[] = [
  { id: 'prod', kind: 'green', text: 'Shipped to production' },
  { id: 'lead', kind: 'green', text: 'Led a project' },
  { id: 'hop', kind: 'red', text: 'Many short stints' },
];
// Byte offsets, as Go gives them: "ü" is two bytes in UTF-8.
const shipped = 'Shipped a rate limiter used by 40 services.';
const start = new TextEncoder().encode(RESUME.slice(0, RESUME.indexOf(shipped))).length;
const result = aiResult({
  flags: [
    aiFlag({ id: 'prod', status: 'present', quote: shipped, verified: true, start, end: start + shipped.length, reason: 'A named system in use.' }),
    aiFlag({ id: 'lead', status: 'unclear', quote: '', reason: 'Led a migration, not a team.', uncertain: true, seen: ['present', 'unclear', 'unclear'] }),
    aiFlag({ id: 'hop', status: 'absent', quote: '', reason: 'No dates given.' }),
  ],
  runs: 3,
  uncertain: 1,
  dropped: 2,
});

async function open(offer = aiOffer()) {
  vi.mocked(Interviews.Screen).mockResolvedValue(resumeScreen({ checklist }));
  vi.mocked(AI.Offer).mockResolvedValue(offer);
  const user = userEvent.setup();
  render(ResumeScreen, { applicationId: 100, resumeText: RESUME, candidateId: 7 });
  await screen.findByRole('group', { name: 'Shipped to production' });
  return { user };
}

let events: ReturnType<typeof retryEvents>;

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
  events = retryEvents();
});

afterEach(async () => {
  await flushAll();
});

describe('AI suggestion on the resume screen', () => {
  it('is not offered when AI is off or the candidate is human only', async () => {
    await open(aiOffer({ enabled: false, suggest: false }));
    await waitFor(() => expect(AI.Offer).toHaveBeenCalledWith(7));
    expect(screen.queryByRole('button', { name: 'Suggest with AI' })).not.toBeInTheDocument();
  });

  it('waits for resume text before it can send anything', async () => {
    vi.mocked(Interviews.Screen).mockResolvedValue(resumeScreen({ checklist }));
    vi.mocked(AI.Offer).mockResolvedValue(aiOffer());
    render(ResumeScreen, { applicationId: 100, resumeText: '  ', candidateId: 7 });
    const button = await screen.findByRole('button', { name: 'Suggest with AI' });
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('title', 'Paste the resume text above first');
  });

  it('previews exactly what is sent, then sends and shows each flag for a person to accept', async () => {
    vi.mocked(AI.Preview).mockResolvedValue(aiPreview());
    vi.mocked(AI.SuggestScreen).mockResolvedValue({ cancelled: false, result } as never);
    vi.mocked(Interviews.SaveScreen).mockImplementation(async (input) => resumeScreen({ checklist, marks: input.marks }));
    const { user } = await open();
    await user.click(await screen.findByRole('button', { name: 'Suggest with AI' }));

    const dialog = await screen.findByRole('dialog', { name: 'Before sending to the AI' });
    expect(AI.Preview).toHaveBeenCalledWith(100);
    expect(AI.SuggestScreen).not.toHaveBeenCalled();
    expect(within(dialog).getByTestId('ai-sent')).toHaveTextContent('[CANDIDATE] led the migration of billing to Go.');
    // The whole payload, instructions and checklist included, is one click away.
    expect(within(dialog).getByTestId('ai-sent-all')).toHaveTextContent(/You help a recruiter screen ONE candidate\.\s+Checklist:\s+- prod \[green flag\]/);
    expect(within(dialog).getByTestId('ai-redacted')).toHaveTextContent('Taken out before sending: 1 name, 1 email address and 2 gendered pronouns.');
    expect(within(dialog).getByTestId('ai-estimate')).toHaveTextContent('About 3,438 tokens in and 540 tokens out: about $0.0008 at the price table');
    expect(dialog).toHaveTextContent('127.0.0.1:18080');
    await user.click(within(dialog).getByRole('button', { name: 'Send' }));

    await screen.findByTestId('ai-summary');
    expect(AI.SetAskFirst).not.toHaveBeenCalled();
    expect(screen.getByTestId('ai-summary')).toHaveTextContent('2 quotes were not found in the resume and were dropped.');
    expect(screen.getByTestId('ai-summary')).toHaveTextContent('1 flag the runs disagreed on is marked uncertain.');
    const prod = screen.getByTestId('ai-flag-prod');
    expect(within(prod).getByText('AI suggestion')).toBeInTheDocument();
    expect(prod.querySelector('mark')).toHaveTextContent(shipped);
    expect(prod).toHaveTextContent('Led the migration of billing to Go.');
    expect(within(screen.getByTestId('ai-flag-lead')).getByText(/uncertain: the runs said present, unclear, unclear/)).toBeInTheDocument();
    // Nothing is filled in until a person accepts.
    expect(screen.getByRole('button', { name: 'Save screen' })).toBeDisabled();

    await user.click(within(prod).getByRole('button', { name: 'Accept the AI suggestion: Present' }));
    const group = screen.getByRole('group', { name: 'Shipped to production' });
    expect(within(group).getByRole('button', { name: 'Present' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(group).getByRole('textbox', { name: 'Quote from the resume' })).toHaveValue(shipped);
    expect(within(prod).getByRole('button', { name: /Accept the AI suggestion/ })).toHaveTextContent('Accepted');
    await user.click(screen.getByRole('button', { name: 'Save screen' }));
    await waitFor(() =>
      expect(Interviews.SaveScreen).toHaveBeenCalledWith({ applicationId: 100, marks: { prod: { mark: 'present', evidence: shipped } }, decision: '', rejectReason: '', overrideReason: '', second: false }),
    );
  });

  it('accepts every flag at once', async () => {
    vi.mocked(AI.SuggestScreen).mockResolvedValue({ cancelled: false, result } as never);
    const { user } = await open(aiOffer({ askFirst: false }));
    await user.click(await screen.findByRole('button', { name: 'Suggest with AI' }));
    expect(AI.Preview).not.toHaveBeenCalled();
    await user.click(await screen.findByRole('button', { name: 'Accept all' }));
    for (const [name, mark] of [['Shipped to production', 'Present'], ['Led a project', 'Unclear'], ['Many short stints', 'Absent']]) {
      expect(within(screen.getByRole('group', { name })).getByRole('button', { name: mark })).toHaveAttribute('aria-pressed', 'true');
    }
    expect(screen.getByRole('button', { name: 'Save screen' })).toBeEnabled();
  });

  it('remembers "don\'t ask again" in Go before sending', async () => {
    vi.mocked(AI.Preview).mockResolvedValue(aiPreview({ cached: 3 }));
    vi.mocked(AI.SetAskFirst).mockResolvedValue({} as never);
    vi.mocked(AI.SuggestScreen).mockResolvedValue({ cancelled: false, result: aiResult({ cached: true, flags: result.flags }) } as never);
    const { user } = await open();
    await user.click(await screen.findByRole('button', { name: 'Suggest with AI' }));
    const dialog = await screen.findByRole('dialog', { name: 'Before sending to the AI' });
    expect(within(dialog).getByTestId('ai-estimate')).toHaveTextContent('Answered before: the saved answer is used and nothing is paid.');
    await user.click(within(dialog).getByLabelText("Don't ask again before sending resume screens"));
    await user.click(within(dialog).getByRole('button', { name: 'Send' }));
    await screen.findByTestId('ai-summary');
    expect(AI.SetAskFirst).toHaveBeenCalledWith('screen', false);
    expect(screen.getByTestId('ai-summary')).toHaveTextContent('(cached: nothing was paid)');
    expect(within(screen.getByTestId('ai-flag-prod')).getByText('cached')).toBeInTheDocument();
  });

  it('says when it retries, and Cancel stops it with nothing filled in', async () => {
    let finish: (v: unknown) => void = () => {};
    vi.mocked(AI.SuggestScreen).mockReturnValue(new Promise((r) => (finish = r)) as never);
    vi.mocked(AI.CancelSuggestion).mockImplementation(async () => finish({ cancelled: true, result: aiResult() }));
    const { user } = await open(aiOffer({ askFirst: false }));
    await user.click(await screen.findByRole('button', { name: 'Suggest with AI' }));
    expect(await screen.findByText('Asking the AI…')).toBeInTheDocument();
    events.fire({ applicationId: 100, attempt: 2, waitMs: 4000, why: 'The AI service is limiting how many requests it takes (HTTP 429); try again shortly.' });
    expect(await screen.findByText(/HTTP 429.*Retrying in 4 s…/)).toBeInTheDocument();
    events.fire({ applicationId: 999, attempt: 3, waitMs: 9000, why: 'Another screen.' });
    expect(screen.queryByText(/Another screen/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Cancelled: nothing was filled in.')).toBeInTheDocument();
    expect(AI.CancelSuggestion).toHaveBeenCalled();
    expect(screen.queryByTestId('ai-summary')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save screen' })).toBeDisabled();
  });

  it("shows Go's words when the call fails", async () => {
    vi.mocked(AI.SuggestScreen).mockRejectedValue(JSON.stringify({ code: 'conflict', message: 'The AI service refused the API key (HTTP 401). Check the key in Settings.' }));
    const { user } = await open(aiOffer({ askFirst: false }));
    await user.click(await screen.findByRole('button', { name: 'Suggest with AI' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The AI service refused the API key (HTTP 401).');
  });
});
