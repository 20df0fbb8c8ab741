import { fireEvent, render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import InterviewRounds from './InterviewRounds.svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import type { Rubric, ScorecardView } from '../../lib/api';
import { dateTime } from '../../lib/format';
import { ui } from '../../lib/stores/ui.svelte';
import { backendError, candidateRound, profile, resetUi, round, scorecard } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

const AT = '2026-02-03T14:30:00Z';
const sam = profile({ id: 2, name: 'Sam Okafor', isRecruiter: false });
const lin = profile({ id: 3, name: 'Lin Wu', isRecruiter: false });

function rubric(): Rubric {
  return {
    format: 'hirebench.rubric/v1', name: 'Backend', scale: { min: 1, max: 4, labels: ['No evidence', 'Basic', 'Solid', 'Strong'] },
    competencies: [
      { id: 'design', name: 'System design', weight: 1, questions: [
        { id: 'q1', prompt: 'Design a rate limiter', probes: '', weight: 1, anchors: ['a', 'b', 'c', 'd'] },
        { id: 'q2', prompt: 'Shard a growing table', probes: '', weight: 1, anchors: ['a', 'b', 'c', 'd'] },
      ] },
      { id: 'collab', name: 'Collaboration', weight: 1, questions: [
        { id: 'q3', prompt: 'Tell me about a disagreement', probes: '', weight: 1, anchors: ['a', 'b', 'c', 'd'] },
        { id: 'q4', prompt: 'Mentoring someone junior', probes: '', weight: 1, anchors: ['a', 'b', 'c', 'd'] },
      ] },
    ],
  } as Rubric;
}

function plan() {
  return [
    candidateRound({ round: round({ id: 1, name: 'Phone screen', durationMin: 30, interviewers: [sam] }) }),
    candidateRound({ round: round({ id: 2, name: 'System design', durationMin: 60, interviewers: [sam, lin] }), state: 'scheduled', scheduledAt: AT }),
    candidateRound({
      round: round({ id: 3, name: 'Values', interviewers: [] }), state: 'in_progress', myCardId: 31, hidden: 3,
      cards: [
        scorecard({ id: 31, roundId: 3, authorId: 1, authorName: 'Grace Hopper', status: 'draft' }),
        // Redacted: submitted by others, hidden from a viewer who has not submitted.
        scorecard({ id: 32, roundId: 3, authorId: 2, authorName: 'Sam Okafor', status: 'submitted' }),
        scorecard({ id: 33, roundId: 3, authorId: 3, authorName: 'Lin Wu', status: 'submitted' }),
        scorecard({ id: 34, roundId: 3, authorId: 4, authorName: 'Ana Ruiz', status: 'draft' }),
      ],
    }),
    candidateRound({
      round: round({ id: 4, name: 'Debrief' }), state: 'submitted', myCardId: 41,
      cards: [
        scorecard({ id: 41, roundId: 4, authorId: 1, authorName: 'Grace Hopper', status: 'submitted', recommendation: 'yes' }),
        scorecard({ id: 42, roundId: 4, authorId: 2, authorName: 'Sam Okafor', status: 'submitted', recommendation: 'strong_no' }),
      ],
    }),
  ];
}

function roundEl(name: string): HTMLElement {
  return screen.getByRole('article', { name });
}

async function open(rounds = plan()) {
  vi.mocked(Interviews.CandidateRounds).mockResolvedValue(rounds);
  const user = userEvent.setup();
  const view = render(InterviewRounds, { candidateId: 1 });
  await screen.findByTestId(rounds.length ? `round-${rounds[0].applicationId}-${rounds[0].round.id}` : 'interview-rounds');
  return { user, view };
}

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
  ui.profile = profile({ id: 1, name: 'Grace Hopper', isRecruiter: false });
});

describe('InterviewRounds', () => {
  it('shows each round with its length, interviewers and state', async () => {
    await open();
    expect(Interviews.CandidateRounds).toHaveBeenCalledWith(1);

    const phone = roundEl('Phone screen');
    expect(within(phone).getByTestId('round-state')).toHaveTextContent('Not scheduled');
    expect(phone).toHaveTextContent('30 min');
    expect(phone).toHaveTextContent('Sam Okafor');
    expect(within(phone).getByText('No scorecards yet.')).toBeInTheDocument();

    const design = roundEl('System design');
    expect(within(design).getByTestId('round-state')).toHaveTextContent(`Scheduled ${dateTime(AT)}`);
    expect(design).toHaveTextContent('Sam Okafor, Lin Wu');

    expect(within(roundEl('Values')).getByTestId('round-state')).toHaveTextContent('In progress');
    expect(roundEl('Values')).toHaveTextContent('No interviewers assigned');
    expect(within(roundEl('Debrief')).getByTestId('round-state')).toHaveTextContent('Submitted');
  });

  it('the button follows the viewer’s own card: start, resume, view', async () => {
    await open();
    expect(within(roundEl('Phone screen')).getByTestId('round-action')).toHaveTextContent('Start interview');
    expect(within(roundEl('Values')).getByTestId('round-action')).toHaveTextContent('Resume interview');
    expect(within(roundEl('Debrief')).getByTestId('round-action')).toHaveTextContent('View my scorecard');
  });

  it('counts others’ hidden scorecards and shows drafts without content', async () => {
    await open();
    const values = roundEl('Values');
    expect(within(values).getByTestId('hidden-count')).toHaveTextContent('2 scorecards hidden until you submit yours');
    expect(values).toHaveTextContent('Ana Ruiz — in progress');
    expect(values).toHaveTextContent('Sam Okafor — submitted (hidden)');
    expect(values).toHaveTextContent('You — draft');
    // Nothing to expand for hidden cards.
    expect(within(values).queryByRole('button', { name: /Sam Okafor/ })).toBeNull();
    expect(within(roundEl('Debrief')).queryByTestId('hidden-count')).toBeNull();
  });

  it('Start interview opens the runner on that round', async () => {
    const { user } = await open();
    await user.click(within(roundEl('Phone screen')).getByRole('button', { name: 'Start interview' }));
    expect(ui.interview).toEqual({ applicationId: 100, roundId: 1, candidateId: 1 });
    expect(ui.screen).toBe('interview');
  });

  it('a visible scorecard expands into its read-only view', async () => {
    vi.mocked(Interviews.Scorecard).mockResolvedValue({
      card: scorecard({ id: 42, authorName: 'Sam Okafor', status: 'submitted', recommendation: 'strong_no', answers: { q1: { score: 1, notes: 'Hand-waved' } } }),
      rubric: rubric(),
    } as ScorecardView);
    const { user } = await open();
    const debrief = roundEl('Debrief');
    expect(debrief).toHaveTextContent('You — submitted · Yes');
    const sam = within(debrief).getByRole('button', { name: 'Sam Okafor — Strong no' });
    expect(sam).toHaveAttribute('aria-expanded', 'false');
    await user.click(sam);
    expect(Interviews.Scorecard).toHaveBeenCalledWith(42);
    expect(await within(debrief).findByText('Hand-waved')).toBeInTheDocument();
    expect(sam).toHaveAttribute('aria-expanded', 'true');
    await user.click(sam);
    expect(within(debrief).queryByText('Hand-waved')).toBeNull();
  });

  it('a scorecard the blind rule hides says so', async () => {
    vi.mocked(Interviews.Scorecard).mockRejectedValue(backendError('conflict', "Sam Okafor's scorecard stays hidden until you submit your own for Ada Lovelace"));
    const { user } = await open();
    const debrief = roundEl('Debrief');
    await user.click(within(debrief).getByRole('button', { name: 'Sam Okafor — Strong no' }));
    expect(await within(debrief).findByRole('alert')).toHaveTextContent("Sam Okafor's scorecard stays hidden until you submit your own");
  });

  it('schedules a round as an ISO time and clears it', async () => {
    vi.mocked(Interviews.ScheduleRound).mockResolvedValue();
    const { user } = await open();
    const phone = roundEl('Phone screen');
    await user.click(within(phone).getByRole('button', { name: 'Schedule…' }));
    const input = within(phone).getByLabelText('Date and time for Phone screen');
    await fireEvent.input(input, { target: { value: '2026-03-02T10:30' } });
    await user.click(within(phone).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(Interviews.ScheduleRound).toHaveBeenCalledWith(100, 1, new Date('2026-03-02T10:30').toISOString()));
    await waitFor(() => expect(Interviews.CandidateRounds).toHaveBeenCalledTimes(2));

    const design = roundEl('System design');
    await user.click(within(design).getByRole('button', { name: 'Schedule…' }));
    expect(within(design).getByLabelText('Date and time for System design')).not.toHaveValue('');
    await user.click(within(design).getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(Interviews.ScheduleRound).toHaveBeenLastCalledWith(100, 2, ''));
  });

  it('a refused schedule shows why', async () => {
    vi.mocked(Interviews.ScheduleRound).mockRejectedValue(backendError('invalid', 'scheduledAt: is not a date and time', [{ field: 'scheduledAt', message: 'is not a date and time' }]));
    const { user } = await open();
    const phone = roundEl('Phone screen');
    await user.click(within(phone).getByRole('button', { name: 'Schedule…' }));
    await fireEvent.input(within(phone).getByLabelText('Date and time for Phone screen'), { target: { value: '2026-03-02T10:30' } });
    await user.click(within(phone).getByRole('button', { name: 'Save' }));
    expect(await within(phone).findByRole('alert')).toHaveTextContent('is not a date and time');
  });

  it('says when the role has no interview plan', async () => {
    await open([]);
    expect(await screen.findByText('No interview plan for this role yet — add rounds in Board → Interview plan.')).toBeInTheDocument();
  });

  it('says when the rounds could not be loaded', async () => {
    vi.mocked(Interviews.CandidateRounds).mockRejectedValue('database is locked');
    render(InterviewRounds, { candidateId: 1 });
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the interview rounds: database is locked');
  });

  it('titles rounds by role when the candidate has several applications', async () => {
    vi.mocked(Interviews.CandidateRounds).mockResolvedValue([
      candidateRound({ applicationId: 100, round: round({ id: 1, name: 'Phone screen' }) }),
      candidateRound({ applicationId: 200, round: round({ id: 9, roleId: 2, name: 'Portfolio review' }) }),
    ]);
    render(InterviewRounds, { candidateId: 1, titles: { 100: 'Backend Engineer', 200: 'Product Designer' } });
    expect(await screen.findByRole('heading', { name: 'Backend Engineer' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Product Designer' })).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Portfolio review (Product Designer)' })).toBeInTheDocument();
  });
});
