// The rubric editor as its author sees it: editing, Go's problems by field, the draft autosaved and discarded, publishing, preview. Bindings are mocked.
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import RubricEditor from './RubricEditor.svelte';
import { CHECK_DELAY, DRAFT_DELAY } from './editorState.svelte';
import { forEdit } from './rubricForm';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import type { Rubric, RubricDraft, RubricVersion } from '../../lib/api';
import { backendError, resetUi } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

const T0 = '2026-01-05T09:00:00Z';

function question(id: string, over: Record<string, unknown> = {}) {
  return {
    id,
    prompt: `Prompt of ${id}`,
    probes: `Probes of ${id}`,
    followUps: [`Follow-up of ${id}`],
    weight: 1,
    redFlags: [],
    anchors: [`${id} one`, `${id} two`, `${id} three`, `${id} four`],
    ...over,
  };
}

function content(over: Record<string, unknown> = {}): Rubric {
  return {
    format: 'hirebench.rubric/v1',
    name: 'Backend engineer',
    description: 'For backend hires',
    scale: { min: 1, max: 4, labels: ['No evidence', 'Junior', 'Solid', 'Senior'] },
    competencies: [
      { id: 'api-design', name: 'API design', weight: 1, questions: [question('pagination')] },
      { id: 'data', name: 'Data modelling', weight: 2, questions: [question('schema'), question('migrations')] },
    ],
    ...over,
  } as unknown as Rubric;
}

function version(over: Partial<RubricVersion> = {}): RubricVersion {
  return { id: 10, rubricId: 3, version: 2, builtin: false, archivedAt: '', sha256: 'aa', createdAt: T0, content: content(), ...over } as RubricVersion;
}

const NOTE = 'Draft saved — Publish to make it the version interviews use.';

function draftOf(r: Rubric, over: Partial<RubricDraft> = {}): RubricDraft {
  return { rubricId: 3, rubricName: r.name, authorName: 'Riley Chen', content: r, baseVersion: 2, stale: false, updatedAt: T0, note: NOTE, ...over } as RubricDraft;
}

/** Go's draft rule, as the mock keeps it: a draft that says what the version says is no draft. */
function draftsAgainst(published: Rubric | null) {
  vi.mocked(Interviews.SaveRubricDraft).mockImplementation(async (_id, r) =>
    published && JSON.stringify(forEdit(r)) === JSON.stringify(forEdit(published)) ? (null as unknown as RubricDraft) : draftOf(r),
  );
}

function setup(props: { version: RubricVersion | null; readonly?: boolean; draft?: RubricDraft | null }) {
  const onsaved = vi.fn();
  const user = userEvent.setup();
  draftsAgainst(props.version?.content ?? null);
  const { unmount } = render(RubricEditor, { ...props, onsaved });
  return { user, onsaved, unmount };
}

const status = () => screen.getByRole('status');

type Problem = { field: string; message: string };

/** What Go's Interviews.CheckRubric answers for the rubric it is sent (by default: nothing to fix). */
function goSays(answer: (r: Rubric) => Problem[]) {
  vi.mocked(Interviews.CheckRubric).mockImplementation(async (r) => answer(r) as Awaited<ReturnType<typeof Interviews.CheckRubric>>);
}

/** The rubric Go was last asked about. */
const lastChecked = () => vi.mocked(Interviews.CheckRubric).mock.lastCall?.[0];

const questionRegion = (n: string) => screen.getByRole('region', { name: `Question ${n}` });
const fieldOf = (el: HTMLElement) => el.closest('.field') as HTMLElement;

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
  goSays(() => []);
});

describe('RubricEditor', () => {
  it('flags an emptied anchor next to it and refuses to save', async () => {
    goSays((r) =>
      r.competencies[1].questions[0].anchors[1] === '' ? [{ field: 'competencies[1].questions[0].anchors[1]', message: 'must not be empty' }] : [],
    );
    const { user } = setup({ version: version() });
    const anchor = within(questionRegion('2.1')).getByRole('textbox', { name: 'What a 2 · Junior answer sounds like' });
    expect(anchor).toHaveValue('schema two');

    await user.clear(anchor);
    await waitFor(() => expect(anchor).toHaveAttribute('aria-invalid', 'true'));
    expect(fieldOf(anchor)).toHaveTextContent('must not be empty');
    // Only that anchor is flagged.
    const other = within(questionRegion('2.1')).getByRole('textbox', { name: 'What a 3 · Solid answer sounds like' });
    expect(other).toHaveAttribute('aria-invalid', 'false');
    expect(status()).toHaveClass('unsaved');

    await user.click(screen.getByRole('button', { name: 'Publish' }));
    expect(Interviews.SaveRubric).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('1 problem to fix before publishing.');
    expect(anchor).toHaveFocus();
  });

  it('changing the scale from 1–4 to 1–5 adds an anchor box to every question, keeping the text', async () => {
    const { user } = setup({ version: version() });
    expect(screen.queryByRole('textbox', { name: 'Label for level 5' })).toBeNull();

    const max = screen.getByRole('spinbutton', { name: 'Highest score' });
    await user.clear(max);
    await user.type(max, '5');

    // Once Go has accepted the 1–5 range, the scale gets a fifth label and every question a fifth anchor.
    expect(await screen.findByRole('textbox', { name: 'Label for level 5' })).toHaveValue('');
    expect(lastChecked()?.scale.max).toBe(5);
    for (const n of ['1.1', '2.1', '2.2']) {
      const region = questionRegion(n);
      const anchors = within(within(region).getByRole('group', { name: `Anchors for question ${n}` })).getAllByRole('textbox');
      expect(anchors).toHaveLength(5);
      expect(within(region).getByRole('textbox', { name: 'What a 5 answer sounds like' })).toHaveValue('');
    }
    expect(within(questionRegion('1.1')).getByRole('textbox', { name: 'What a 4 · Senior answer sounds like' })).toHaveValue('pagination four');

    // Back to 1–4: the fifth box goes; nothing else was lost.
    await user.clear(max);
    await user.type(max, '4');
    await waitFor(() => expect(within(questionRegion('2.2')).getAllByRole('textbox', { name: /answer sounds like/ })).toHaveLength(4));
    await waitFor(() => expect(status()).not.toHaveClass('unsaved'), { timeout: DRAFT_DELAY * 3 });
  });

  it('a range Go refuses is shown next to the bound and leaves the labels and anchors alone', async () => {
    goSays((r) => (r.scale.max <= r.scale.min ? [{ field: 'scale.max', message: 'must be greater than min (1); a scale needs 2–10 levels' }] : []));
    const { user } = setup({ version: version() });
    const max = screen.getByRole('spinbutton', { name: 'Highest score' });
    await user.clear(max);
    await user.type(max, '1');

    await waitFor(() => expect(max).toHaveAttribute('aria-invalid', 'true'));
    expect(fieldOf(max)).toHaveTextContent('must be greater than min (1); a scale needs 2–10 levels');
    expect(screen.getAllByRole('textbox', { name: /^Label for level/ })).toHaveLength(4);
    expect(within(questionRegion('1.1')).getAllByRole('textbox', { name: /answer sounds like/ })).toHaveLength(4);
  });

  it('a bound that is not a whole number is not taken: the field shows the bound kept when left', async () => {
    const { user } = setup({ version: version() });
    const max = screen.getByRole('spinbutton', { name: 'Highest score' });
    await user.clear(max);
    await user.type(max, '4.5');
    await user.tab();
    expect(max).toHaveValue(4);
    await waitFor(() => expect(Interviews.CheckRubric).toHaveBeenCalled());
    expect(lastChecked()?.scale.max).toBe(4);
    expect(status()).not.toHaveClass('unsaved');
  });

  it('puts the server’s field errors on the question they name, and unknown paths at the top', async () => {
    vi.mocked(Interviews.SaveRubric).mockRejectedValue(
      backendError('invalid', 'rubric is invalid', [
        { field: 'competencies[1].questions[0].anchors', message: '3 anchors for a 1–4 scale (needs 4)' },
        { field: 'competencies[1].questions[1].followUps[0]', message: 'contains a control character (U+0007)' },
        { field: 'format', message: 'unsupported format "x"' },
      ]),
    );
    const { user, onsaved } = setup({ version: version() });
    await user.type(screen.getByRole('textbox', { name: 'Rubric name' }), ' (v2)');
    await user.click(screen.getByRole('button', { name: 'Publish' }));

    await waitFor(() => expect(Interviews.SaveRubric).toHaveBeenCalledTimes(1));
    const q21 = questionRegion('2.1');
    expect(await within(q21).findByText('3 anchors for a 1–4 scale (needs 4)')).toBeInTheDocument();
    expect(within(questionRegion('1.1')).queryByText(/anchors for a 1–4 scale/)).toBeNull();
    expect(within(questionRegion('2.2')).queryByText(/anchors for a 1–4 scale/)).toBeNull();

    const followUps = within(questionRegion('2.2')).getByRole('textbox', { name: 'Follow-ups (one per line)' });
    expect(followUps).toHaveAttribute('aria-invalid', 'true');
    expect(fieldOf(followUps)).toHaveTextContent('Line 1: contains a control character (U+0007)');

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The rubric was not published; your draft is kept.');
    expect(alert).toHaveTextContent('format: unsupported format "x"');
    expect(alert).not.toHaveTextContent('anchors');
    expect(onsaved).not.toHaveBeenCalled();
    // The draft was stored before publishing was tried: it is still there.
    expect(Interviews.SaveRubricDraft).toHaveBeenLastCalledWith(3, expect.objectContaining({ name: 'Backend engineer (v2)' }));
    expect(status()).toHaveTextContent(NOTE);
  });

  it('saving a rubric scorecards already used tells the user it became a new version', async () => {
    let release: () => void = () => {};
    vi.mocked(Interviews.SaveRubric).mockImplementation(
      (_id, r) =>
        new Promise((resolve) => {
          release = () => resolve(version({ id: 11, version: 3, content: r }));
        }),
    );
    const { user, onsaved } = setup({ version: version() });
    const prompt = within(questionRegion('1.1')).getByRole('textbox', { name: 'Prompt (read to the candidate)' });
    await user.clear(prompt);
    await user.type(prompt, 'How do you paginate a changing table?');
    await user.click(screen.getByRole('button', { name: 'Publish' }));

    // Publish is disabled while publishing.
    expect(await screen.findByRole('button', { name: 'Publishing…' })).toBeDisabled();
    await waitFor(() => expect(Interviews.SaveRubric).toHaveBeenCalled());
    release();

    expect(await screen.findByText('Published as version 3 — scorecards already submitted keep version 2.')).toBeInTheDocument();
    expect(Interviews.SaveRubric).toHaveBeenCalledWith(3, expect.anything());
    const sent = vi.mocked(Interviews.SaveRubric).mock.calls[0][1];
    // Existing ids never change, even when the prompt is reworded.
    expect(sent.competencies[0].questions[0]).toMatchObject({ id: 'pagination', prompt: 'How do you paginate a changing table?' });
    expect(sent.competencies.map((c) => c.id)).toEqual(['api-design', 'data']);
    expect(onsaved).toHaveBeenCalledWith(expect.objectContaining({ id: 11, version: 3 }));
    expect(screen.getByRole('button', { name: 'Publish' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Discard draft' })).toBeDisabled();
  });

  it('a new rubric is created on save, with ids derived from names and prompts', async () => {
    goSays((r) =>
      r.competencies.flatMap((c, ci) =>
        c.questions.flatMap((q, qi) => (q.prompt ? [] : [{ field: `competencies[${ci}].questions[${qi}].prompt`, message: 'must not be empty' }])),
      ),
    );
    vi.mocked(Interviews.CreateRubric).mockImplementation(async (r) => version({ id: 20, rubricId: 7, version: 1, content: r }));
    const { user, onsaved } = setup({ version: null });
    await user.type(screen.getByRole('textbox', { name: 'Rubric name' }), 'Frontend');
    await user.type(screen.getByRole('textbox', { name: 'Competency name' }), 'API design');
    await user.type(screen.getByRole('textbox', { name: 'Prompt (read to the candidate)' }), 'How would you paginate?');
    const labels = ['Not shown', 'Partly', 'Meets the bar', 'Exceeds'];
    for (const [k, label] of labels.entries()) {
      await user.type(screen.getByRole('textbox', { name: `What a ${k + 1} · ${label} answer sounds like` }), `level ${k + 1}`);
    }
    await user.click(screen.getByRole('button', { name: '+ Add competency' }));
    await user.type(screen.getAllByRole('textbox', { name: 'Competency name' })[1], 'API design');
    expect(screen.getAllByRole('textbox', { name: 'Competency name' })[1]).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Publish' }));
    // The second competency's question has no prompt yet: Go says so, and nothing is created.
    const q21 = questionRegion('2.1');
    await waitFor(() => expect(within(q21).getByRole('textbox', { name: 'Prompt (read to the candidate)' })).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByRole('alert')).toHaveTextContent('1 problem to fix before publishing.');
    expect(Interviews.CreateRubric).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Delete competency 2' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete competency' }));
    await user.click(screen.getByRole('button', { name: 'Publish' }));

    await waitFor(() => expect(Interviews.CreateRubric).toHaveBeenCalledTimes(1));
    const sent = vi.mocked(Interviews.CreateRubric).mock.calls[0][0];
    expect(sent.name).toBe('Frontend');
    expect(sent.competencies).toHaveLength(1);
    expect(sent.competencies[0]).toMatchObject({ id: 'api-design', name: 'API design', weight: 1, track: '' });
    expect(sent.competencies[0].questions[0]).toMatchObject({
      id: 'how-would-you-paginate',
      anchors: ['level 1', 'level 2', 'level 3', 'level 4'],
      followUps: [],
    });
    await waitFor(() => expect(onsaved).toHaveBeenCalledTimes(1));
  });

  it('reorders competencies with buttons and keeps the focus on the moved one', async () => {
    vi.mocked(Interviews.SaveRubric).mockImplementation(async (_id, r) => version({ content: r }));
    const { user } = setup({ version: version() });
    await user.click(screen.getByRole('button', { name: 'Move competency 2 up' }));
    expect(screen.getByRole('region', { name: 'Competency 1' })).toHaveTextContent('id data');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Move competency 1 down' })).toHaveFocus());

    await user.click(screen.getByRole('button', { name: 'Publish' }));
    await waitFor(() => expect(Interviews.SaveRubric).toHaveBeenCalled());
    expect(vi.mocked(Interviews.SaveRubric).mock.calls[0][1].competencies.map((c) => c.id)).toEqual(['data', 'api-design']);
  });

  it('new tracks and checklist items get kebab-case ids; competencies follow a renamed new track', async () => {
    vi.mocked(Interviews.SaveRubric).mockImplementation(async (_id, r) => version({ content: r }));
    const { user } = setup({ version: version() });
    await user.click(screen.getByRole('button', { name: '+ Add track' }));
    const trackName = screen.getByRole('textbox', { name: 'Track 1 name' });
    expect(trackName).toHaveFocus();
    await user.type(trackName, 'Data');
    const comp2 = screen.getByRole('region', { name: 'Competency 2' });
    await user.selectOptions(within(comp2).getByRole('combobox', { name: 'Track' }), 'Data');
    await user.type(trackName, ' platform');
    expect(within(comp2).getByRole('combobox', { name: 'Track' })).toHaveDisplayValue('Data platform');

    await user.click(screen.getByRole('button', { name: '+ Add red flag' }));
    await user.type(screen.getByRole('textbox', { name: 'Item 1: what to look for' }), 'No shipped work at all');
    await user.click(screen.getByRole('button', { name: 'Publish' }));

    await waitFor(() => expect(Interviews.SaveRubric).toHaveBeenCalled());
    const sent = vi.mocked(Interviews.SaveRubric).mock.calls[0][1];
    expect(sent.tracks).toEqual([{ id: 'data-platform', name: 'Data platform', description: '' }]);
    expect(sent.competencies.map((c) => c.track)).toEqual(['', 'data-platform']);
    expect(sent.screen).toEqual([{ id: 'no-shipped-work-at-all', kind: 'red', text: 'No shipped work at all', hint: '' }]);
  });

  it('read-only mode shows the rubric without a single input', async () => {
    const { user } = setup({ version: version({ builtin: true }), readonly: true });
    expect(screen.getByText('Prompt of migrations')).toBeInTheDocument();
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
    expect(screen.queryAllByRole('spinbutton')).toHaveLength(0);
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.queryAllByRole('combobox')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Publish' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Discard draft' })).toBeNull();

    // The interviewer preview: the prompt and the scale buttons with their anchors.
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    const preview = screen.getByRole('region', { name: 'Interviewer preview' });
    expect(preview).toHaveTextContent('Prompt of pagination');
    await user.click(within(preview).getByRole('button', { name: /^3 Solid/ }));
    expect(preview).toHaveTextContent('pagination three');
    await user.click(within(preview).getByRole('button', { name: 'Next question →' }));
    expect(preview).toHaveTextContent('Prompt of schema');
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
    // There is nothing to check in a rubric that cannot be edited.
    await new Promise((r) => setTimeout(r, CHECK_DELAY + 50));
    expect(Interviews.CheckRubric).not.toHaveBeenCalled();
  });
});

describe('RubricEditor asks Go what is wrong', () => {
  it('shows Go’s problem next to the edited field once Go has answered, after a pause in typing', async () => {
    vi.useFakeTimers();
    try {
      goSays((r) => [
        ...(r.name.includes('!') ? [{ field: 'name', message: 'must be a single line' }] : []),
        // A problem on a field not touched yet waits for a save attempt.
        { field: 'competencies[0].questions[0].probes', message: 'is 4001 characters long; the limit is 4000' },
      ]);
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      render(RubricEditor, { version: version(), onsaved: vi.fn() });
      await vi.advanceTimersByTimeAsync(CHECK_DELAY);
      expect(Interviews.CheckRubric).toHaveBeenCalledTimes(1);

      const name = screen.getByRole('textbox', { name: 'Rubric name' });
      await user.type(name, ' !!');
      await vi.advanceTimersByTimeAsync(CHECK_DELAY - 50);
      expect(Interviews.CheckRubric).toHaveBeenCalledTimes(1);
      expect(name).toHaveAttribute('aria-invalid', 'false');

      await vi.advanceTimersByTimeAsync(50);
      await tick();
      expect(Interviews.CheckRubric).toHaveBeenCalledTimes(2);
      expect(lastChecked()?.name).toBe('Backend engineer !!');
      expect(name).toHaveAttribute('aria-invalid', 'true');
      expect(fieldOf(name)).toHaveTextContent('must be a single line');
      expect(name).toHaveAccessibleDescription('must be a single line');
      const probes = within(questionRegion('1.1')).getByRole('textbox', { name: 'What it probes' });
      expect(probes).toHaveAttribute('aria-invalid', 'false');
      expect(screen.queryByRole('alert')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('counts every problem Go names and marks each where it belongs when saving', async () => {
    goSays(() => [
      { field: 'name', message: 'must not be empty' },
      { field: 'competencies[1].weight', message: 'must be greater than 0, not 0 (leave it out for the default 1)' },
      { field: 'competencies[1].questions[1].redFlags[0]', message: 'contains a control character (U+0007)' },
    ]);
    const { user } = setup({ version: version() });
    await user.clear(screen.getByRole('textbox', { name: 'Rubric name' }));
    await user.click(screen.getByRole('button', { name: 'Publish' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('3 problems to fix before publishing. They are marked in red below.');
    const name = screen.getByRole('textbox', { name: 'Rubric name' });
    expect(fieldOf(name)).toHaveTextContent('must not be empty');
    expect(name).toHaveFocus();
    const weight = within(screen.getByRole('region', { name: 'Competency 2' })).getAllByRole('spinbutton', { name: 'Weight' })[0];
    expect(fieldOf(weight)).toHaveTextContent('must be greater than 0, not 0 (leave it out for the default 1)');
    const redFlags = within(questionRegion('2.2')).getByRole('textbox', { name: 'Red flags (one per line)' });
    expect(redFlags).toHaveAttribute('aria-invalid', 'true');
    expect(fieldOf(redFlags)).toHaveTextContent('Line 1: contains a control character (U+0007)');
    expect(Interviews.SaveRubric).not.toHaveBeenCalled();
  });

  it('Publish shows the fields Go refuses, those the form has no field for at the top', async () => {
    goSays(() => [
      { field: 'competencies[1].questions[0].anchors', message: '3 anchors for a 1–4 scale (needs 4)' },
      { field: 'format', message: 'unsupported format "x"' },
    ]);
    const { user } = setup({ version: version() });
    await user.type(screen.getByRole('textbox', { name: 'Rubric name' }), ' (v2)');
    // Nothing is shown before the save attempt: neither field was touched.
    await waitFor(() => expect(Interviews.CheckRubric).toHaveBeenCalled());
    expect(screen.queryByText('3 anchors for a 1–4 scale (needs 4)')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Publish' }));
    expect(await within(questionRegion('2.1')).findByText('3 anchors for a 1–4 scale (needs 4)')).toBeInTheDocument();
    expect(within(questionRegion('2.2')).queryByText(/anchors for a 1–4 scale/)).toBeNull();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('2 problems to fix before publishing.');
    expect(alert).toHaveTextContent('format: unsupported format "x"');
    expect(lastChecked()?.name).toBe('Backend engineer (v2)');
    expect(Interviews.SaveRubric).not.toHaveBeenCalled();
    expect(status()).toHaveClass('unsaved');
  });

  it('ignores an answer about an older draft that arrives after the answer about a newer one', async () => {
    const answers: ((p: Problem[]) => void)[] = [];
    vi.mocked(Interviews.CheckRubric).mockImplementation(() => new Promise((resolve) => answers.push(resolve)));
    const { user } = setup({ version: version() });
    await waitFor(() => expect(answers).toHaveLength(1));
    answers[0]([]);

    const name = screen.getByRole('textbox', { name: 'Rubric name' });
    await user.type(name, ' v2');
    await waitFor(() => expect(answers).toHaveLength(2));
    await user.type(name, ' v3');
    await waitFor(() => expect(answers).toHaveLength(3));

    answers[2]([{ field: 'name', message: 'the newer answer' }]);
    expect(await within(fieldOf(name)).findByText('the newer answer')).toBeInTheDocument();
    answers[1]([{ field: 'name', message: 'the older answer' }]);
    await new Promise((r) => setTimeout(r, 20));
    expect(within(fieldOf(name)).queryByText('the older answer')).toBeNull();
    expect(fieldOf(name)).toHaveTextContent('the newer answer');
  });

  it('refuses nothing on its own: when Go has nothing to say, an empty name and a negative weight are saved as they are', async () => {
    vi.mocked(Interviews.SaveRubric).mockImplementation(async (_id, r) => version({ version: 3, content: r }));
    const { user, onsaved } = setup({ version: version() });
    const name = screen.getByRole('textbox', { name: 'Rubric name' });
    await user.clear(name);
    const weight = within(screen.getByRole('region', { name: 'Competency 1' })).getAllByRole('spinbutton', { name: 'Weight' })[0];
    await user.clear(weight);
    await user.type(weight, '-5');
    await user.clear(within(questionRegion('1.1')).getByRole('textbox', { name: 'Prompt (read to the candidate)' }));
    await waitFor(() => expect(lastChecked()?.name).toBe(''));

    expect(name).toHaveAttribute('aria-invalid', 'false');
    expect(document.querySelector('.field-error')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Publish' }));

    await waitFor(() => expect(onsaved).toHaveBeenCalledTimes(1));
    const sent = vi.mocked(Interviews.SaveRubric).mock.calls[0][1];
    expect(sent.name).toBe('');
    expect(sent.competencies[0]).toMatchObject({ weight: -5 });
    expect(sent.competencies[0].questions[0].prompt).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('RubricEditor keeps the author’s draft', () => {
  it('autosaves an edit as a draft, says so in Go’s words, and makes no version', async () => {
    const { user } = setup({ version: version() });
    await user.type(screen.getByRole('textbox', { name: 'Rubric name' }), ' (draft)');
    expect(status()).toHaveTextContent('Saving draft…');
    await waitFor(() => expect(Interviews.SaveRubricDraft).toHaveBeenCalled(), { timeout: DRAFT_DELAY * 3 });
    // One save for the whole burst of typing, with the form as typed.
    expect(Interviews.SaveRubricDraft).toHaveBeenCalledTimes(1);
    expect(Interviews.SaveRubricDraft).toHaveBeenCalledWith(3, expect.objectContaining({ name: 'Backend engineer (draft)' }));
    await waitFor(() => expect(status()).toHaveTextContent(NOTE));
    expect(screen.getByRole('button', { name: 'Discard draft' })).toBeEnabled();
    expect(Interviews.SaveRubric).not.toHaveBeenCalled();
  });

  it('leaving the editor saves the draft at once', async () => {
    const { user, unmount } = setup({ version: version() });
    await user.type(screen.getByRole('textbox', { name: 'Rubric name' }), '!');
    expect(Interviews.SaveRubricDraft).not.toHaveBeenCalled();
    unmount();
    await waitFor(() => expect(Interviews.SaveRubricDraft).toHaveBeenCalledWith(3, expect.objectContaining({ name: 'Backend engineer!' })));
  });

  it('opens on the draft, and Discard draft brings the published version back', async () => {
    const edited = content({ name: 'Backend engineer, revised' });
    const { user } = setup({ version: version(), draft: draftOf(edited) });
    const name = screen.getByRole('textbox', { name: 'Rubric name' });
    expect(name).toHaveValue('Backend engineer, revised');
    expect(status()).toHaveTextContent(NOTE);
    expect(screen.getByRole('button', { name: 'Publish' })).toBeEnabled();
    // Opening saves nothing: the draft is already stored.
    await new Promise((r) => setTimeout(r, DRAFT_DELAY + 50));
    expect(Interviews.SaveRubricDraft).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Discard draft' }));
    expect(Interviews.DiscardRubricDraft).toHaveBeenCalledWith(3);
    await waitFor(() => expect(name).toHaveValue('Backend engineer'));
    expect(status()).not.toHaveTextContent(NOTE);
    expect(screen.getByRole('button', { name: 'Publish' })).toBeDisabled();
    await new Promise((r) => setTimeout(r, DRAFT_DELAY + 50));
    expect(Interviews.SaveRubricDraft).not.toHaveBeenCalled();
  });

  it('a draft Go calls stale says what changed', async () => {
    const note = `${NOTE} Version 3 was published after you started this draft from version 2: check it before you publish.`;
    setup({ version: version({ version: 3 }), draft: draftOf(content({ description: 'Mine' }), { stale: true, note }) });
    expect(status()).toHaveTextContent('Version 3 was published after you started this draft from version 2');
  });

  it('a draft that was not saved says why, and is sent again', async () => {
    const { user } = setup({ version: version() });
    vi.mocked(Interviews.SaveRubricDraft).mockRejectedValueOnce(backendError('internal', 'Something went wrong; try again.'));
    await user.type(screen.getByRole('textbox', { name: 'Rubric name' }), ' x');
    await waitFor(() => expect(status()).toHaveTextContent('Draft not saved: Something went wrong; try again.'), { timeout: DRAFT_DELAY * 3 });
    await user.type(screen.getByRole('textbox', { name: 'Rubric name' }), 'y');
    await waitFor(() => expect(status()).toHaveTextContent(NOTE), { timeout: DRAFT_DELAY * 3 });
    expect(Interviews.SaveRubricDraft).toHaveBeenLastCalledWith(3, expect.objectContaining({ name: 'Backend engineer xy' }));
  });

  it('a new rubric’s draft is kept as rubric 0', async () => {
    const { user } = setup({ version: null });
    await user.type(screen.getByRole('textbox', { name: 'Rubric name' }), 'Frontend');
    await waitFor(() => expect(Interviews.SaveRubricDraft).toHaveBeenCalledWith(0, expect.objectContaining({ name: 'Frontend' })), {
      timeout: DRAFT_DELAY * 3,
    });
  });
});
