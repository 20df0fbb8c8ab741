// Tests the interview plan dialog: adding, editing, moving and deleting rounds, field errors, read-only viewers, and the Weights tab with Go's shares, reasons and coverage.
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import InterviewPlan from './InterviewPlan.svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import * as Workspace from '../../lib/wailsjs/go/app/Workspace';
import type { Plan, Round, RoundInput, Rubric, RubricSummary, RubricVersion } from '../../lib/api';
import { ui } from '../../lib/stores/ui.svelte';
import { dateTime } from '../../lib/format';
import { backendError, plan, planQuestion, profile, resetUi, rights, role, weightChange } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

const T0 = '2026-01-05T09:00:00Z';
const people = [profile({ id: 1, name: 'Grace Hopper' }), profile({ id: 2, name: 'Alan Turing', isRecruiter: false }), profile({ id: 3, name: 'Ada Lovelace', isRecruiter: false })];

function summary(id: number, name: string, over: Partial<RubricSummary> = {}): RubricSummary {
  return { id, name, builtin: false, archivedAt: '', latestVersion: 1, competencies: 2, questions: 2, inUse: 0, updatedAt: T0, ...over } as RubricSummary;
}

const rubrics = [
  summary(1, 'OpenAI platform developer (built-in)', { builtin: true }),
  summary(2, 'Backend screen'),
  summary(3, 'Old rubric', { archivedAt: T0 }),
];

const competencies: Record<number, { id: string; name: string; track?: string }[]> = {
  1: [
    { id: 'prompting', name: 'Prompting and model choice' },
    { id: 'cost', name: 'Cost and tokens' },
    { id: 'memory', name: 'Conversation memory', track: 'conversational' },
  ],
  2: [
    { id: 'api-design', name: 'API design' },
    { id: 'sql', name: 'SQL' },
  ],
};

function version(id: number): RubricVersion {
  const content = {
    format: 'hirebench.rubric/v1',
    name: rubrics.find((r) => r.id === id)?.name,
    scale: { min: 1, max: 4, labels: ['No evidence', 'Junior', 'Solid', 'Senior'] },
    tracks: id === 1 ? [{ id: 'conversational', name: 'Conversational' }] : [],
    competencies: (competencies[id] ?? []).map((c) => ({ ...c, weight: 1, questions: [] })),
  } as unknown as Rubric;
  return { id: id * 10, rubricId: id, version: 1, builtin: id === 1, archivedAt: '', sha256: 'aa', createdAt: T0, content } as RubricVersion;
}

function round(over: Partial<Round> = {}): Round {
  return {
    id: 50, roleId: 1, name: 'Phone screen', position: 1, rubricId: 1, rubricName: 'OpenAI platform developer (built-in)',
    competencies: [], durationMin: 45, interviewers: [], ...over,
  } as Round;
}

const r = role({ id: 1, title: 'Backend Engineer' });

function setup() {
  const onclose = vi.fn();
  const user = userEvent.setup();
  render(InterviewPlan, { role: r, onclose });
  return { user, onclose };
}

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
  ui.profile = people[0]; // Grace Hopper, the recruiter
  ui.rights = rights(true);
  vi.mocked(Interviews.Rounds).mockResolvedValue([]);
  vi.mocked(Interviews.Rubrics).mockResolvedValue(rubrics);
  vi.mocked(Interviews.Rubric).mockImplementation(async (id) => version(id));
  vi.mocked(Workspace.Profiles).mockResolvedValue(people);
  vi.mocked(Interviews.SaveRound).mockImplementation(async (input: RoundInput) =>
    round({
      id: 51, name: input.name, rubricId: input.rubricId, rubricName: rubrics.find((x) => x.id === input.rubricId)?.name,
      competencies: input.competencies, durationMin: input.durationMin,
      interviewers: people.filter((p) => input.interviewerIds.includes(p.id)),
    }),
  );
});

describe('InterviewPlan', () => {
  it('shows the empty state with a suggestion', async () => {
    setup();
    expect(screen.getByRole('dialog', { name: 'Interview plan — Backend Engineer' })).toBeInTheDocument();
    expect(await screen.findByText(/Add a round — e\.g\. Phone screen with the built-in rubric's core competencies/)).toBeInTheDocument();
    // Focus lands inside the dialog once the plan is loaded, so Escape and Tab work.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add round' })).toHaveFocus());
  });

  it('adds a round with two interviewers', async () => {
    const { user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Add round' }));

    const name = screen.getByRole('textbox', { name: 'Round name' });
    expect(name).toHaveFocus();
    await user.type(name, 'Phone screen');
    expect(screen.getByRole('combobox', { name: 'Rubric' })).toHaveDisplayValue('OpenAI platform developer (built-in)');
    const duration = screen.getByRole('spinbutton', { name: 'Duration (minutes)' });
    await user.clear(duration);
    await user.type(duration, '60');
    const interviewers = screen.getByRole('group', { name: 'Interviewers' });
    await user.click(within(interviewers).getByRole('checkbox', { name: 'Ada Lovelace' }));
    await user.click(within(interviewers).getByRole('checkbox', { name: 'Alan Turing' }));
    await user.click(screen.getByRole('button', { name: 'Save round' }));

    expect(Interviews.SaveRound).toHaveBeenCalledWith({
      id: 0, roleId: 1, name: 'Phone screen', rubricId: 1, competencies: [], durationMin: 60, interviewerIds: [2, 3],
    });
    const item = await screen.findByRole('listitem', { name: 'Round 1: Phone screen' });
    expect(item).toHaveTextContent('All competencies');
    expect(item).toHaveTextContent('60 min');
    expect(item).toHaveTextContent('Alan Turing, Ada Lovelace');
    expect(screen.queryByRole('button', { name: 'Save round' })).toBeNull();
  });

  it('offers the competencies of the chosen rubric, and only non-archived rubrics', async () => {
    const { user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Add round' }));
    await user.type(screen.getByRole('textbox', { name: 'Round name' }), 'Technical');

    const rubric = screen.getByRole('combobox', { name: 'Rubric' });
    expect(within(rubric).getAllByRole('option').map((o) => o.textContent)).toEqual(['OpenAI platform developer (built-in)', 'Backend screen']);
    const covered = () => screen.getByRole('group', { name: 'Competencies covered' });
    await waitFor(() =>
      expect(within(covered()).getAllByRole('checkbox').map((c) => c.closest('label')?.textContent?.trim())).toEqual([
        'Prompting and model choice',
        'Cost and tokens',
        'Conversation memory · Conversational',
      ]),
    );
    await user.click(within(covered()).getByRole('checkbox', { name: 'Cost and tokens' }));

    await user.selectOptions(rubric, 'Backend screen');
    expect(Interviews.Rubric).toHaveBeenCalledWith(2);
    await waitFor(() => expect(within(covered()).getAllByRole('checkbox')).toHaveLength(2));
    expect(within(covered()).getByRole('checkbox', { name: 'API design' })).not.toBeChecked();
    await user.click(within(covered()).getByRole('checkbox', { name: 'SQL' }));
    await user.click(screen.getByRole('button', { name: 'Save round' }));

    expect(Interviews.SaveRound).toHaveBeenCalledWith(expect.objectContaining({ name: 'Technical', rubricId: 2, competencies: ['sql'] }));
    expect(await screen.findByRole('listitem', { name: 'Round 1: Technical' })).toHaveTextContent('SQL');
  });

  it('puts field errors next to their fields', async () => {
    vi.mocked(Interviews.SaveRound).mockRejectedValue(
      backendError('invalid', 'invalid round', [
        { field: 'name', message: 'give the round a name, e.g. Phone screen' },
        { field: 'durationMin', message: 'must be between 5 and 480 minutes' },
      ]),
    );
    const { user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Add round' }));
    await user.click(screen.getByRole('button', { name: 'Save round' }));

    const name = screen.getByRole('textbox', { name: 'Round name' });
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name.closest('.field')).toHaveTextContent('give the round a name, e.g. Phone screen');
    expect(screen.getByRole('spinbutton', { name: 'Duration (minutes)' }).closest('.field')).toHaveTextContent('must be between 5 and 480 minutes');
  });

  it('moves rounds and shows why a round with scorecards cannot be deleted', async () => {
    const a = round({ id: 50, name: 'Phone screen', competencies: ['prompting', 'cost'], interviewers: [people[0]] });
    const b = round({ id: 60, name: 'Onsite', position: 2, rubricId: 2, rubricName: 'Backend screen' });
    vi.mocked(Interviews.Rounds).mockResolvedValue([a, b]);
    vi.mocked(Interviews.MoveRound).mockResolvedValue([{ ...b, position: 1 }, { ...a, position: 2 }] as Round[]);
    vi.mocked(Interviews.DeleteRound).mockRejectedValue(backendError('conflict', 'Round "Onsite" holds 2 scorecard(s) and cannot be deleted.'));
    const { user } = setup();

    const first = await screen.findByRole('listitem', { name: 'Round 1: Phone screen' });
    await waitFor(() => expect(first).toHaveTextContent('Prompting and model choice, Cost and tokens'));
    expect(first).toHaveTextContent('Grace Hopper');

    await user.click(screen.getByRole('button', { name: 'Move Onsite up' }));
    expect(Interviews.MoveRound).toHaveBeenCalledWith(60, 1);
    expect(await screen.findByRole('listitem', { name: 'Round 1: Onsite' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Delete Onsite' }));
    await user.click(within(screen.getByRole('alertdialog', { name: 'Delete Onsite?' })).getByRole('button', { name: 'Delete round' }));
    expect(Interviews.DeleteRound).toHaveBeenCalledWith(60);
    expect(await screen.findByRole('alert')).toHaveTextContent('Round "Onsite" holds 2 scorecard(s) and cannot be deleted.');
    expect(screen.getByRole('listitem', { name: 'Round 1: Onsite' })).toBeInTheDocument();
  });

  it('is read-only for everyone but the recruiter', async () => {
    ui.profile = people[1];
    ui.rights = rights(false);
    vi.mocked(Interviews.Rounds).mockResolvedValue([round({ interviewers: [people[2]] })]);
    setup();
    expect(await screen.findByRole('listitem', { name: 'Round 1: Phone screen' })).toHaveTextContent('Ada Lovelace');
    expect(screen.getByTestId('plan-readonly')).toHaveTextContent('Only the recruiter changes the interview plan.');
    expect(screen.queryByRole('button', { name: 'Add round' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit Phone screen' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete Phone screen' })).toBeNull();
  });
});

describe('InterviewPlan weights', () => {
  // The worked example of docs/SCORING.md, with the shares as Go computes them.
  const technical = { competencyId: 'tech', competency: 'Technical', competencyWeight: 2 };
  const communication = { competencyId: 'comm', competency: 'Communication', competencyWeight: 1 };
  const example = (over: Partial<Plan> = {}) =>
    plan({
      questions: [
        planQuestion({ ...technical, questionId: 't1', prompt: 'Design a rate limiter', effective: 1 / 6 }),
        planQuestion({ ...technical, questionId: 't2', prompt: 'Shard a growing table', effective: 1 / 6 }),
        planQuestion({ ...technical, questionId: 't3', prompt: 'Debug a slow query', questionWeight: 2, effective: 1 / 3 }),
        planQuestion({ ...communication, questionId: 'c1', prompt: 'Explain a trade-off', effective: 1 / 6 }),
        planQuestion({ ...communication, questionId: 'c2', prompt: 'Disagree with a colleague', effective: 1 / 6 }),
      ],
      scoringBegan: false,
      ...over,
    });

  async function openWeights(p: Plan = example()) {
    vi.mocked(Interviews.Plan).mockResolvedValue(p);
    const s = setup();
    await s.user.click(screen.getByRole('tab', { name: 'Weights' }));
    await screen.findByRole('form', { name: 'Weights' });
    return s;
  }

  const competency = (name: string) => screen.getByRole('listitem', { name });

  it("shows the weights with Go's shares, the note and the history", async () => {
    await openWeights(
      example({
        scoringBegan: true,
        changedAfterScoring: true,
        weightsNote: 'Weights changed after scoring began (1 change; see the weight history): the ranking is not the one planned before interviews.',
        changes: [
          weightChange({ id: 1, label: 'Technical', old: 1, new: 2, afterScoring: false, actorName: 'Grace Hopper' }),
          weightChange({ id: 2, competencyId: 'tech', questionId: 't3', label: 'Debug a slow query', old: 1, new: 2, reason: 'The role is mostly performance work', afterScoring: true }),
        ],
      }),
    );
    expect(Interviews.Plan).toHaveBeenCalledWith(1);
    expect(screen.getByRole('tab', { name: 'Weights' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('weights-note')).toHaveTextContent('Weights changed after scoring began (1 change');

    const tech = competency('Technical');
    expect(within(tech).getByRole('spinbutton', { name: 'Weight of Technical' })).toHaveValue(2);
    expect(within(tech).getAllByTestId('competency-share')[0]).toHaveTextContent('66.7%');
    expect(within(tech).getAllByTestId('question-share').map((e) => e.textContent)).toEqual(['16.7%', '16.7%', '33.3%']);
    expect(within(tech).getByRole('spinbutton', { name: 'Weight of question: Debug a slow query' })).toHaveValue(2);
    expect(within(competency('Communication')).getByTestId('competency-share')).toHaveTextContent('33.3%');
    expect(screen.getByRole('spinbutton', { name: 'Coverage needed to rank' })).toHaveValue(80);

    const history = screen.getAllByTestId('weight-change');
    // Newest first.
    expect(history[0]).toHaveTextContent('Question “Debug a slow query”: 1 → 2');
    expect(history[0]).toHaveTextContent('after scoring began');
    expect(history[0]).toHaveTextContent('Reason: The role is mostly performance work');
    expect(history[0]).toHaveTextContent(`${dateTime('2026-01-05T09:00:00Z')} · Grace Hopper`);
    expect(history[1]).toHaveTextContent('Technical (competency): 1 → 2');
    expect(history[1]).not.toHaveTextContent('after scoring began');
  });

  it('says when the plan has no questions and when there is no history', async () => {
    await openWeights(plan({ scoringBegan: false }));
    expect(screen.getByText('No questions in the plan yet.')).toBeInTheDocument();
    expect(screen.getByText(/No changes yet/)).toBeInTheDocument();
    expect(screen.queryByTestId('weights-note')).toBeNull();
  });

  it('before scoring: saves the edited weights without asking why, then reads the plan again', async () => {
    const saved = example({ questions: example().questions.map((q) => (q.competencyId === 'tech' ? { ...q, competencyWeight: 3, effective: 0.25 } : { ...q, effective: 0.125 })) });
    vi.mocked(Interviews.SetWeights).mockResolvedValue(saved);
    const { user } = await openWeights();
    expect(screen.queryByRole('textbox', { name: 'Reason for the change' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Save weights' })).toBeDisabled();

    const tech = screen.getByRole('spinbutton', { name: 'Weight of Technical' });
    await user.clear(tech);
    await user.type(tech, '3');
    const c2 = screen.getByRole('spinbutton', { name: 'Weight of question: Disagree with a colleague' });
    await user.clear(c2);
    await user.type(c2, '0.5');
    // Shares are Go's: nothing moves before saving.
    expect(within(competency('Technical')).getAllByTestId('competency-share')[0]).toHaveTextContent('66.7%');

    vi.mocked(Interviews.Plan).mockResolvedValue(saved);
    await user.click(screen.getByRole('button', { name: 'Save weights' }));
    expect(Interviews.SetWeights).toHaveBeenCalledWith(
      1,
      [
        { competencyId: 'tech', questionId: '', weight: 3 },
        { competencyId: 'comm', questionId: 'c2', weight: 0.5 },
      ],
      '',
    );
    expect(Interviews.SetCoverageThreshold).not.toHaveBeenCalled();
    await waitFor(() => expect(Interviews.Plan).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(within(competency('Technical')).getAllByTestId('competency-share')[0]).toHaveTextContent('75%'));
    expect(screen.getByRole('spinbutton', { name: 'Weight of Technical' })).toHaveValue(3);
    expect(screen.getByRole('button', { name: 'Save weights' })).toBeDisabled();
    expect(ui.version).toBeGreaterThan(0);
  });

  it('after scoring began: asks for a reason, sends it, and shows Go’s errors next to their fields', async () => {
    vi.mocked(Interviews.SetWeights).mockRejectedValueOnce(
      backendError('invalid', 'invalid weights', [
        { field: 'weights[1]', message: 'must be a number greater than 0 and at most 100, not 0' },
        { field: 'reason', message: 'scoring has begun for this role: say why the weights change, so the committee can read it' },
      ]),
    );
    const { user } = await openWeights(example({ scoringBegan: true }));
    const reason = screen.getByRole('textbox', { name: 'Reason for the change' });
    expect(reason).toHaveAccessibleDescription(/Scoring has begun: the committee will see this change and your reason/);

    await user.clear(screen.getByRole('spinbutton', { name: 'Weight of Communication' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Weight of Communication' }), '2');
    await user.clear(screen.getByRole('spinbutton', { name: 'Weight of question: Explain a trade-off' }));
    await user.click(screen.getByRole('button', { name: 'Save weights' }));

    expect(Interviews.SetWeights).toHaveBeenLastCalledWith(
      1,
      [
        { competencyId: 'comm', questionId: '', weight: 2 },
        { competencyId: 'comm', questionId: 'c1', weight: 0 },
      ],
      '',
    );
    const c1 = screen.getByRole('spinbutton', { name: 'Weight of question: Explain a trade-off' });
    expect(c1).toHaveAttribute('aria-invalid', 'true');
    expect(c1).toHaveAccessibleDescription('must be a number greater than 0 and at most 100, not 0');
    expect(screen.getByRole('spinbutton', { name: 'Weight of Communication' })).not.toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason.closest('.field')).toHaveTextContent('say why the weights change, so the committee can read it');
    expect(Interviews.Plan).toHaveBeenCalledTimes(1);

    vi.mocked(Interviews.SetWeights).mockResolvedValueOnce(example({ scoringBegan: true }));
    await user.type(c1, '1.5');
    await user.type(reason, 'Communication matters more for this team');
    await user.click(screen.getByRole('button', { name: 'Save weights' }));
    expect(Interviews.SetWeights).toHaveBeenLastCalledWith(
      1,
      [
        { competencyId: 'comm', questionId: '', weight: 2 },
        { competencyId: 'comm', questionId: 'c1', weight: 1.5 },
      ],
      'Communication matters more for this team',
    );
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Reason for the change' })).toHaveValue(''));
  });

  it('sets the coverage needed to rank as a share', async () => {
    vi.mocked(Interviews.SetCoverageThreshold).mockResolvedValue();
    const { user } = await openWeights();
    const coverage = screen.getByRole('spinbutton', { name: 'Coverage needed to rank' });
    await user.clear(coverage);
    await user.type(coverage, '75');
    vi.mocked(Interviews.Plan).mockResolvedValue(example({ coverageThreshold: 0.75 }));
    await user.click(screen.getByRole('button', { name: 'Save weights' }));
    expect(Interviews.SetCoverageThreshold).toHaveBeenCalledWith(0.75);
    expect(Interviews.SetWeights).not.toHaveBeenCalled();
    await waitFor(() => expect(Interviews.Plan).toHaveBeenCalledTimes(2));
    expect(screen.getByRole('spinbutton', { name: 'Coverage needed to rank' })).toHaveValue(75);
  });

  it('keeps unsaved weights while the Rounds tab is looked at', async () => {
    const { user } = await openWeights();
    const tech = screen.getByRole('spinbutton', { name: 'Weight of Technical' });
    await user.clear(tech);
    await user.type(tech, '4');
    await user.click(screen.getByRole('tab', { name: 'Rounds' }));
    expect(await screen.findByRole('button', { name: 'Add round' })).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Weights' }));
    expect(await screen.findByRole('spinbutton', { name: 'Weight of Technical' })).toHaveValue(4);
  });

  it('is read-only for everyone but the recruiter', async () => {
    ui.profile = people[1];
    ui.rights = rights(false);
    await openWeights(example({ scoringBegan: true }));
    expect(screen.getByTestId('weights-readonly')).toHaveTextContent('Only the recruiter changes the interview plan.');
    expect(screen.queryAllByRole('spinbutton')).toHaveLength(0);
    expect(screen.queryByRole('textbox', { name: 'Reason for the change' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save weights' })).toBeNull();
    expect(within(competency('Technical')).getAllByTestId('competency-share')[0]).toHaveTextContent('66.7%');
    expect(screen.getByText('Coverage needed to rank').closest('.field')).toHaveTextContent('80');
  });

  it('says when the weights cannot be loaded, and tries again', async () => {
    vi.mocked(Interviews.Plan).mockRejectedValueOnce('database is locked');
    const { user } = setup();
    vi.mocked(Interviews.Plan).mockResolvedValue(example());
    await user.click(screen.getByRole('tab', { name: 'Weights' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The weights could not be loaded: database is locked');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('spinbutton', { name: 'Weight of Technical' })).toBeInTheDocument();
  });
});
