// Tests a candidate's interview rounds: each round's state and button, hidden and visible scorecards, scheduling, assignment and reassignment.
import { fireEvent, render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import InterviewRounds from './InterviewRounds.svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import * as Workspace from '../../lib/wailsjs/go/app/Workspace';
import type { Rubric, ScorecardContent, ScorecardView } from '../../lib/api';
import { dateTime } from '../../lib/format';
import { ui } from '../../lib/stores/ui.svelte';
import { backendError, candidateRound, profile, resetUi, rights, round, scorecard } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

const AT = '2026-02-03T14:30:00Z';
const sam = profile({ id: 2, name: 'Sam Okafor', isRecruiter: false });
const lin = profile({ id: 3, name: 'Lin Wu', isRecruiter: false });
const grace = profile({ id: 1, name: 'Grace Hopper', isRecruiter: false });
const priya = profile({ id: 5, name: 'Priya Nair', isRecruiter: false });

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

/** A card's content in force as Go sends it (scoring.Scorecard.Current, with rubric.RecommendationLabel's words). */
const inForce = (recommendation: string, recommendationLabel: string) =>
  ({ answers: {}, recommendation, recommendationLabel, notes: '' }) as ScorecardContent;

function plan() {
  return [
    candidateRound({ round: round({ id: 1, name: 'Phone screen', durationMin: 30, interviewers: [sam] }), interviewers: [grace], reassigned: true }),
    candidateRound({
      round: round({ id: 2, name: 'System design', durationMin: 60, interviewers: [sam, lin] }), interviewers: [sam, lin], canStart: false,
      state: 'scheduled', scheduledAt: AT,
    }),
    candidateRound({
      round: round({ id: 3, name: 'Values', interviewers: [] }), state: 'in_progress', myCardId: 31, hidden: 3, canStart: false,
      cards: [
        scorecard({ id: 31, roundId: 3, authorId: 1, authorName: 'Grace Hopper', status: 'draft' }),
        // Redacted: submitted by others, hidden from a viewer who has not submitted.
        scorecard({ id: 32, roundId: 3, authorId: 2, authorName: 'Sam Okafor', status: 'submitted' }),
        scorecard({ id: 33, roundId: 3, authorId: 3, authorName: 'Lin Wu', status: 'submitted' }),
        scorecard({ id: 34, roundId: 3, authorId: 4, authorName: 'Ana Ruiz', status: 'draft' }),
      ],
    }),
    candidateRound({
      round: round({ id: 4, name: 'Debrief' }), state: 'submitted', myCardId: 41, canStart: false,
      cards: [
        scorecard({ id: 41, roundId: 4, authorId: 1, authorName: 'Grace Hopper', status: 'submitted', recommendation: 'yes', current: inForce('yes', 'Yes') }),
        scorecard({
          id: 42, roundId: 4, authorId: 2, authorName: 'Sam Okafor', status: 'submitted', recommendation: 'strong_no',
          current: inForce('strong_no', 'Strong no'),
        }),
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
  ui.rights = rights(false);
});

describe('InterviewRounds', () => {
  it('shows each round with its length, interviewers and state', async () => {
    await open();
    expect(Interviews.CandidateRounds).toHaveBeenCalledWith(1);

    const phone = roundEl('Phone screen');
    expect(within(phone).getByTestId('round-state')).toHaveTextContent('Not scheduled');
    expect(phone).toHaveTextContent('30 min');
    // Who interviews this candidate: the recruiter's reassignment, not the plan's Sam.
    expect(within(phone).getByTestId('round-interviewers')).toHaveTextContent('Interviewers: Grace Hopper reassigned');
    expect(phone).not.toHaveTextContent('Sam Okafor');
    expect(within(phone).getByText('No scorecards yet.')).toBeInTheDocument();

    const design = roundEl('System design');
    expect(within(design).getByTestId('round-state')).toHaveTextContent(`Scheduled ${dateTime(AT)}`);
    expect(within(design).getByTestId('round-interviewers')).toHaveTextContent('Interviewers: Sam Okafor, Lin Wu');
    expect(within(design).getByTestId('round-interviewers')).not.toHaveTextContent('reassigned');

    expect(within(roundEl('Values')).getByTestId('round-state')).toHaveTextContent('In progress');
    expect(within(roundEl('Values')).getByTestId('round-interviewers')).toHaveTextContent('Interviewers: nobody assigned yet');
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
    expect(within(values).getByTestId('hidden-count')).toHaveTextContent(
      '2 scorecards hidden until you have submitted every round you interview this candidate in',
    );
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
      card: scorecard({
        id: 42, authorName: 'Sam Okafor', status: 'submitted', recommendation: 'strong_no', answers: { q1: { score: 1, notes: 'Hand-waved' } },
        current: { ...inForce('strong_no', 'Strong no'), answers: { q1: { score: 1, notes: 'Hand-waved' } } } as unknown as ScorecardContent,
      }),
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

  it('shows the recommendation in force as Go sends it, not the original one', async () => {
    const rounds = plan();
    // Sam amended strong no to yes: Go sends the amendment's content as the card's current one.
    rounds[3].cards[1] = scorecard({
      id: 42, roundId: 4, authorId: 2, authorName: 'Sam Okafor', status: 'submitted', recommendation: 'strong_no',
      current: inForce('yes', 'Yes'),
    });
    await open(rounds);
    const debrief = roundEl('Debrief');
    expect(within(debrief).getByRole('button', { name: 'Sam Okafor — Yes' })).toBeInTheDocument();
    expect(debrief).not.toHaveTextContent('Strong no');
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

  it('offers Start interview only to those assigned, and says who is', async () => {
    await open([
      candidateRound({ round: round({ id: 1, name: 'Phone screen', interviewers: [priya, sam] }), interviewers: [priya, sam], canStart: false,
        startNote: '“Phone screen” is assigned to Priya Nair and Sam Okafor; the recruiter can reassign it.' }),
      candidateRound({ round: round({ id: 2, name: 'System design' }), interviewers: [], canStart: false,
        startNote: 'Nobody is assigned to “System design” for this candidate yet; the recruiter assigns interviewers on the interview plan.' }),
      candidateRound({ round: round({ id: 3, name: 'Values' }), interviewers: [grace], canStart: true }),
      // Reassigned away after starting: the card stays the viewer's to resume.
      candidateRound({
        round: round({ id: 4, name: 'Debrief' }), interviewers: [lin], reassigned: true, canStart: false, myCardId: 41, state: 'in_progress',
        cards: [scorecard({ id: 41, roundId: 4, authorId: 1, status: 'draft' })],
      }),
    ]);
    const phone = roundEl('Phone screen');
    expect(within(phone).queryByTestId('round-action')).toBeNull();
    expect(within(phone).getByTestId('round-assignment')).toHaveTextContent('“Phone screen” is assigned to Priya Nair and Sam Okafor; the recruiter can reassign it.');
    const design = roundEl('System design');
    expect(within(design).queryByTestId('round-action')).toBeNull();
    expect(within(design).getByTestId('round-assignment')).toHaveTextContent('Nobody is assigned to “System design” for this candidate yet; the recruiter assigns interviewers on the interview plan.');
    expect(within(roundEl('Values')).getByTestId('round-action')).toHaveTextContent('Start interview');
    expect(within(roundEl('Values')).queryByTestId('round-assignment')).toBeNull();
    expect(within(roundEl('Debrief')).getByTestId('round-action')).toHaveTextContent('Resume interview');
    // Only the recruiter reassigns.
    expect(screen.queryByRole('button', { name: 'Reassign…' })).toBeNull();
  });

  it('the recruiter reassigns a round to chosen profiles', async () => {
    ui.profile = profile({ id: 1, name: 'Grace Hopper', isRecruiter: true });
    ui.rights = rights(true);
    vi.mocked(Workspace.Profiles).mockResolvedValue([ui.profile, sam, lin, priya]);
    vi.mocked(Interviews.AssignRound).mockResolvedValue();
    const { user } = await open([
      candidateRound({ applicationId: 100, round: round({ id: 1, name: 'Phone screen', interviewers: [sam] }), interviewers: [sam], canStart: false }),
    ]);
    await user.click(within(roundEl('Phone screen')).getByRole('button', { name: 'Reassign…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Interviewers for Phone screen' });
    expect(within(dialog).getByTestId('plan-interviewers')).toHaveTextContent("The plan's interviewers: Sam Okafor");
    expect(await within(dialog).findByRole('checkbox', { name: 'Sam Okafor' })).toBeChecked();
    expect(within(dialog).getByRole('checkbox', { name: 'Lin Wu' })).not.toBeChecked();
    // Already the plan's: nothing to go back to.
    expect(within(dialog).getByRole('button', { name: "Use the plan's interviewers" })).toBeDisabled();

    vi.mocked(Interviews.CandidateRounds).mockResolvedValue([
      candidateRound({ applicationId: 100, round: round({ id: 1, name: 'Phone screen', interviewers: [sam] }), interviewers: [priya, lin], reassigned: true, canStart: false,
        startNote: '“Phone screen” is assigned to Priya Nair and Lin Wu; the recruiter can reassign it.' }),
    ]);
    await user.click(within(dialog).getByRole('checkbox', { name: 'Sam Okafor' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Priya Nair' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Lin Wu' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    // In the order the profiles are listed.
    expect(Interviews.AssignRound).toHaveBeenCalledWith(100, 1, [3, 5]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(within(roundEl('Phone screen')).getByTestId('round-interviewers')).toHaveTextContent('Priya Nair, Lin Wu reassigned'));
    expect(within(roundEl('Phone screen')).getByTestId('round-assignment')).toHaveTextContent('“Phone screen” is assigned to Priya Nair and Lin Wu; the recruiter can reassign it.');
  });

  it("the recruiter goes back to the plan's interviewers, and sees a refusal", async () => {
    ui.profile = profile({ id: 1, name: 'Grace Hopper', isRecruiter: true });
    ui.rights = rights(true);
    vi.mocked(Workspace.Profiles).mockResolvedValue([ui.profile, sam, lin]);
    vi.mocked(Interviews.AssignRound).mockRejectedValueOnce(backendError('conflict', 'Only the recruiter assigns interviewers.'));
    const { user } = await open([
      candidateRound({ round: round({ id: 2, name: 'System design', interviewers: [sam] }), interviewers: [lin], reassigned: true }),
    ]);
    await user.click(within(roundEl('System design')).getByRole('button', { name: 'Reassign…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Interviewers for System design' });
    expect(await within(dialog).findByRole('checkbox', { name: 'Lin Wu' })).toBeChecked();

    await user.click(within(dialog).getByRole('button', { name: "Use the plan's interviewers" }));
    expect(Interviews.AssignRound).toHaveBeenCalledWith(100, 2, []);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Only the recruiter assigns interviewers.');

    vi.mocked(Interviews.AssignRound).mockResolvedValueOnce();
    await user.click(within(dialog).getByRole('button', { name: "Use the plan's interviewers" }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(Interviews.AssignRound).toHaveBeenLastCalledWith(100, 2, []);
    expect(Interviews.CandidateRounds).toHaveBeenCalledTimes(2);
  });
});
