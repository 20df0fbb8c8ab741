// The Rubrics screen: the list, the actions on a rubric, imports, and drafts that survive leaving the editor. Bindings are mocked.
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import RubricsScreen from './RubricsScreen.svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import type { Rubric, RubricDraft, RubricSummary, RubricVersion } from '../../lib/api';
import { ui } from '../../lib/stores/ui.svelte';
import { backendError, resetUi } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

const T0 = '2026-01-05T09:00:00Z';

function summary(over: Partial<RubricSummary> = {}): RubricSummary {
  return {
    id: 1, name: 'OpenAI platform developer (built-in)', builtin: true, archivedAt: '', latestVersion: 1,
    competencies: 10, questions: 20, inUse: 0, updatedAt: T0, ...over,
  } as RubricSummary;
}

function content(name: string): Rubric {
  return {
    format: 'hirebench.rubric/v1',
    name,
    scale: { min: 1, max: 4, labels: ['No evidence', 'Junior', 'Solid', 'Senior'] },
    competencies: [
      {
        id: 'api', name: 'API design', weight: 1,
        questions: [{ id: 'q1', prompt: `First question of ${name}`, probes: '', weight: 1, anchors: ['a', 'b', 'c', 'd'] }],
      },
    ],
  } as unknown as Rubric;
}

function version(rubricId: number, name: string, over: Partial<RubricVersion> = {}): RubricVersion {
  return { id: rubricId * 10, rubricId, version: 1, builtin: false, archivedAt: '', sha256: 'aa', createdAt: T0, content: content(name), ...over } as RubricVersion;
}

const builtin = summary();
const custom = summary({ id: 2, name: 'Backend screen', builtin: false, latestVersion: 3, competencies: 1, questions: 1, inUse: 4 });
let rubrics: RubricSummary[];

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
  rubrics = [builtin, custom];
  vi.mocked(Interviews.Rubrics).mockImplementation(async () => rubrics);
  vi.mocked(Interviews.Rubric).mockImplementation(async (id) => {
    const s = rubrics.find((r) => r.id === id);
    if (!s) throw backendError('not_found', 'rubric not found');
    return version(id, s.name, { builtin: s.builtin, version: s.latestVersion, archivedAt: s.archivedAt });
  });
  // Go's rubric check: nothing to fix unless a test says otherwise.
  vi.mocked(Interviews.CheckRubric).mockResolvedValue([]);
  // The workspace's drafts, as Go keeps them: one per rubric (0: a new one).
  stored = new Map();
  vi.mocked(Interviews.RubricDrafts).mockImplementation(async () => [...stored.values()]);
  vi.mocked(Interviews.RubricDraft).mockImplementation(async (id) => stored.get(id) ?? (null as unknown as RubricDraft));
  vi.mocked(Interviews.SaveRubricDraft).mockImplementation(async (id, r) => {
    const d = { rubricId: id, rubricName: r.name, authorName: 'Riley Chen', content: r, baseVersion: 3, stale: false, updatedAt: T0, note: NOTE } as RubricDraft;
    stored.set(id, d);
    return d;
  });
  vi.mocked(Interviews.DiscardRubricDraft).mockImplementation(async (id) => void stored.delete(id));
});

const NOTE = 'Draft saved — Publish to make it the version interviews use.';
let stored: Map<number, RubricDraft>;

async function setup() {
  const user = userEvent.setup();
  render(RubricsScreen);
  await screen.findByText('First question of OpenAI platform developer (built-in)');
  return { user };
}

const list = () => screen.getByRole('complementary', { name: 'Rubrics' });

describe('RubricsScreen', () => {
  it('lists the rubrics and opens the built-in one read-only', async () => {
    await setup();
    const items = within(list()).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Built-in · read-only');
    expect(items[0]).toHaveTextContent('v1');
    expect(items[0]).toHaveTextContent('10 competencies · 20 questions');
    expect(items[1]).toHaveTextContent('Backend screen');
    expect(items[1]).toHaveTextContent('v3');
    expect(items[1]).toHaveTextContent('Used by 4 scorecards');
    expect(screen.getByText('The built-in rubric is a read-only template. Duplicate it to make your own.')).toBeInTheDocument();
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Archive' })).toBeNull();
  });

  it('"Duplicate to edit" copies the built-in rubric and opens the copy for editing', async () => {
    const copy = summary({ id: 5, name: 'OpenAI platform developer (copy)', builtin: false });
    vi.mocked(Interviews.DuplicateRubric).mockImplementation(async () => {
      rubrics = [builtin, custom, copy];
      return version(5, copy.name);
    });
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Duplicate to edit' }));

    expect(Interviews.DuplicateRubric).toHaveBeenCalledWith(1, '');
    expect(await screen.findByRole('textbox', { name: 'Rubric name' })).toHaveValue('OpenAI platform developer (copy)');
    expect(within(list()).getAllByRole('listitem')).toHaveLength(3);
    expect(within(list()).getByRole('button', { current: true })).toHaveTextContent('OpenAI platform developer (copy)');
    expect(ui.toast?.text).toMatch(/you can edit the copy/);
  });

  it('a refused import lists every path: message, saves nothing and imports the fixed file again', async () => {
    vi.mocked(Interviews.ChooseRubricFile).mockResolvedValue({ token: 'tok-1', name: 'team.yaml', size: 28 });
    vi.mocked(Interviews.ImportRubricFile).mockRejectedValueOnce(
      backendError('invalid', 'rubric is invalid', [
        { field: 'competencies[0].questions[1].anchor', message: 'unknown field (did you mean "anchors"?)' },
        { field: 'competencies[0].questions[1].anchors', message: 'required field is missing' },
        { field: 'competencies[1].weight', message: 'must be greater than 0, not 0 (leave it out for the default 1)' },
      ]),
    );
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Import…' }));

    await waitFor(() => expect(Interviews.ImportRubricFile).toHaveBeenCalledWith('tok-1'));
    const panel = await screen.findByRole('alert');
    expect(panel).toHaveAccessibleName('team.yaml was not imported');
    expect(panel).toHaveTextContent('Nothing was saved');
    expect(within(panel).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'competencies[0].questions[1].anchor: unknown field (did you mean "anchors"?)',
      'competencies[0].questions[1].anchors: required field is missing',
      'competencies[1].weight: must be greater than 0, not 0 (leave it out for the default 1)',
    ]);
    expect(Interviews.Rubrics).toHaveBeenCalledTimes(1);

    // Fixed on disk: "Import team.yaml again" has Go read the same file again, no dialog.
    rubrics = [builtin, custom, summary({ id: 3, name: 'Team rubric', builtin: false })];
    vi.mocked(Interviews.ImportRubricFile).mockResolvedValueOnce(version(3, 'Team rubric'));
    await user.click(within(panel).getByRole('button', { name: 'Import team.yaml again' }));
    expect(Interviews.ImportRubricFile).toHaveBeenLastCalledWith('tok-1');
    expect(Interviews.ChooseRubricFile).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByText('team.yaml was not imported')).toBeNull());
    expect(ui.toast?.text).toBe('Imported Team rubric from team.yaml');
    expect(within(list()).getAllByRole('listitem')).toHaveLength(3);
  });

  it('a cancelled dialog imports nothing; a refused file says why', async () => {
    vi.mocked(Interviews.ChooseRubricFile).mockResolvedValueOnce(null as never);
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Import…' }));
    expect(Interviews.ImportRubricFile).not.toHaveBeenCalled();
    expect(screen.queryByRole('alert')).toBeNull();

    vi.mocked(Interviews.ChooseRubricFile).mockRejectedValueOnce(
      backendError('invalid', 'file: huge.json is over the 2 MB limit for rubric files', [
        { field: 'file', message: 'huge.json is over the 2 MB limit for rubric files' },
      ]),
    );
    await user.click(screen.getByRole('button', { name: 'Import…' }));
    const panel = await screen.findByRole('alert');
    expect(panel).toHaveTextContent('huge.json is over the 2 MB limit for rubric files');
    expect(within(panel).queryByRole('button', { name: /again/ })).toBeNull();
    expect(Interviews.ImportRubricFile).not.toHaveBeenCalled();

    await user.click(within(panel).getByRole('button', { name: 'Dismiss import errors' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('deleting a rubric in use shows why it was refused and offers to archive', async () => {
    vi.mocked(Interviews.DeleteRubric).mockRejectedValue(
      backendError('conflict', 'Rubric "Backend screen" is used by interview rounds or scorecards; archive it instead.'),
    );
    const { user } = await setup();
    await user.click(within(list()).getByRole('button', { name: /Backend screen/ }));
    expect(await screen.findByRole('textbox', { name: 'Rubric name' })).toHaveValue('Backend screen');

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete rubric?' });
    expect(Interviews.DeleteRubric).not.toHaveBeenCalled();
    await user.click(within(confirm).getByRole('button', { name: 'Delete rubric' }));

    expect(Interviews.DeleteRubric).toHaveBeenCalledWith(2);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Rubric "Backend screen" is used by interview rounds or scorecards; archive it instead.');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(within(list()).getAllByRole('listitem')).toHaveLength(2);

    await user.click(within(alert).getByRole('button', { name: 'Archive instead' }));
    expect(Interviews.ArchiveRubric).toHaveBeenCalledWith(2, true);
  });

  it('leaving the editor keeps the edit: coming back shows the draft, with Discard draft', async () => {
    const { user } = await setup();
    await user.click(within(list()).getByRole('button', { name: /Backend screen/ }));
    const name = await screen.findByRole('textbox', { name: 'Rubric name' });
    await user.type(name, ' v2');
    // Straight to another rubric: nothing asks, nothing is lost.
    await user.click(within(list()).getByRole('button', { name: /built-in/ }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await screen.findByText('First question of OpenAI platform developer (built-in)')).toBeInTheDocument();
    expect(Interviews.SaveRubricDraft).toHaveBeenLastCalledWith(2, expect.objectContaining({ name: 'Backend screen v2' }));
    expect(Interviews.SaveRubric).not.toHaveBeenCalled();
    expect(within(list()).getByRole('button', { name: /Backend screen/ })).toHaveTextContent('Your draft');

    await user.click(within(list()).getByRole('button', { name: /Backend screen/ }));
    expect(await screen.findByRole('textbox', { name: 'Rubric name' })).toHaveValue('Backend screen v2');
    expect(screen.getByRole('status')).toHaveTextContent(NOTE);
    await user.click(screen.getByRole('button', { name: 'Discard draft' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Rubric name' })).toHaveValue('Backend screen'));
    expect(Interviews.DiscardRubricDraft).toHaveBeenCalledWith(2);
  });

  it('a new rubric left half done comes back from the list', async () => {
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: 'New rubric' }));
    await user.type(await screen.findByRole('textbox', { name: 'Rubric name' }), 'Data loop');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(Interviews.SaveRubricDraft).toHaveBeenCalledWith(0, expect.objectContaining({ name: 'Data loop' })));

    const item = await within(list()).findByRole('button', { name: /Data loop/ });
    expect(item).toHaveTextContent('Your draft');
    await user.click(item);
    expect(await screen.findByRole('textbox', { name: 'Rubric name' })).toHaveValue('Data loop');
    expect(screen.getByRole('heading', { name: 'New rubric' })).toBeInTheDocument();
  });

  it('a new rubric is not created while Go names a problem, shown next to its field', async () => {
    vi.mocked(Interviews.CheckRubric).mockImplementation(async (r) =>
      r.name ? [] : [{ field: 'name', message: 'must not be empty' }, { field: 'competencies[0].questions[0].prompt', message: 'must not be empty' }],
    );
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: 'New rubric' }));
    await user.click(await screen.findByRole('button', { name: 'Publish' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('2 problems to fix before publishing.');
    const name = screen.getByRole('textbox', { name: 'Rubric name' });
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('must not be empty');
    expect(Interviews.CreateRubric).not.toHaveBeenCalled();
    expect(within(list()).getByRole('button', { current: true })).toHaveTextContent('New rubric');
  });

  it('shows an empty state when there are no rubrics', async () => {
    rubrics = [];
    render(RubricsScreen);
    expect(await screen.findByText('No rubrics yet.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New rubric' })).toBeInTheDocument();
  });
});

describe('RubricsScreen: arriving from the runner to practise', () => {
  it('opens the drill on the rubric the runner named, and only once', async () => {
    vi.mocked(Interviews.StartPractice).mockRejectedValue(backendError('conflict', 'no drill in this test'));
    ui.practiseRubricId = 2;
    render(RubricsScreen);
    await waitFor(() => expect(Interviews.StartPractice).toHaveBeenCalledWith(2));
    expect(ui.practiseRubricId).toBe(0);
  });
});
