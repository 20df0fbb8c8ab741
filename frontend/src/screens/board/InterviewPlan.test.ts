import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import InterviewPlan from './InterviewPlan.svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import * as Workspace from '../../lib/wailsjs/go/app/Workspace';
import type { Round, RoundInput, Rubric, RubricSummary, RubricVersion } from '../../lib/api';
import { backendError, profile, resetUi, role } from '../../test/fixtures';

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
});
