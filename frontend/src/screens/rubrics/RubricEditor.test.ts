import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import RubricEditor from './RubricEditor.svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import type { Rubric, RubricVersion } from '../../lib/api';
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

function setup(props: { version: RubricVersion | null; readonly?: boolean }) {
  const onsaved = vi.fn();
  const user = userEvent.setup();
  render(RubricEditor, { ...props, onsaved });
  return { user, onsaved };
}

const questionRegion = (n: string) => screen.getByRole('region', { name: `Question ${n}` });
const fieldOf = (el: HTMLElement) => el.closest('.field') as HTMLElement;

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
});

describe('RubricEditor', () => {
  it('flags an emptied anchor next to it and refuses to save', async () => {
    const { user } = setup({ version: version() });
    const anchor = within(questionRegion('2.1')).getByRole('textbox', { name: 'What a 2 · Junior answer sounds like' });
    expect(anchor).toHaveValue('schema two');

    await user.clear(anchor);
    expect(anchor).toHaveAttribute('aria-invalid', 'true');
    expect(fieldOf(anchor)).toHaveTextContent('describe what a 2 answer sounds like');
    // Only that anchor is flagged.
    const other = within(questionRegion('2.1')).getByRole('textbox', { name: 'What a 3 · Solid answer sounds like' });
    expect(other).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByRole('status')).toHaveTextContent('Unsaved changes');

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(Interviews.SaveRubric).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('1 problem to fix before saving.');
    expect(anchor).toHaveFocus();
  });

  it('changing the scale from 1–4 to 1–5 adds an anchor box to every question, keeping the text', async () => {
    const { user } = setup({ version: version() });
    expect(screen.queryByRole('textbox', { name: 'Label for level 5' })).toBeNull();

    const max = screen.getByRole('spinbutton', { name: 'Highest score' });
    await user.clear(max);
    await user.type(max, '5');

    expect(screen.getByRole('textbox', { name: 'Label for level 5' })).toHaveValue('');
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
    expect(within(questionRegion('2.2')).getAllByRole('textbox', { name: /answer sounds like/ })).toHaveLength(4);
    expect(screen.getByRole('status')).not.toHaveTextContent('Unsaved changes');
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
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(Interviews.SaveRubric).toHaveBeenCalledTimes(1));
    const q21 = questionRegion('2.1');
    expect(await within(q21).findByText('3 anchors for a 1–4 scale (needs 4)')).toBeInTheDocument();
    expect(within(questionRegion('1.1')).queryByText(/anchors for a 1–4 scale/)).toBeNull();
    expect(within(questionRegion('2.2')).queryByText(/anchors for a 1–4 scale/)).toBeNull();

    const followUps = within(questionRegion('2.2')).getByRole('textbox', { name: 'Follow-ups (one per line)' });
    expect(followUps).toHaveAttribute('aria-invalid', 'true');
    expect(fieldOf(followUps)).toHaveTextContent('line 1: contains a control character (U+0007)');

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The rubric was not saved');
    expect(alert).toHaveTextContent('format: unsupported format "x"');
    expect(alert).not.toHaveTextContent('anchors');
    expect(onsaved).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent('Unsaved changes');
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
    await user.click(screen.getByRole('button', { name: 'Save' }));

    // Save is disabled while saving.
    expect(screen.getByRole('button', { name: 'Saving…' })).toBeDisabled();
    release();

    expect(await screen.findByText('Saved as version 3 — scorecards already submitted keep version 2.')).toBeInTheDocument();
    expect(Interviews.SaveRubric).toHaveBeenCalledWith(3, expect.anything());
    const sent = vi.mocked(Interviews.SaveRubric).mock.calls[0][1];
    // Existing ids never change, even when the prompt is reworded.
    expect(sent.competencies[0].questions[0]).toMatchObject({ id: 'pagination', prompt: 'How do you paginate a changing table?' });
    expect(sent.competencies.map((c) => c.id)).toEqual(['api-design', 'data']);
    expect(onsaved).toHaveBeenCalledWith(expect.objectContaining({ id: 11, version: 3 }));
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('a new rubric is created on save, with ids derived from names and prompts', async () => {
    vi.mocked(Interviews.CreateRubric).mockImplementation(async (r) => version({ id: 20, rubricId: 7, version: 1, content: r }));
    const { user, onsaved } = setup({ version: null });
    await user.type(screen.getByRole('textbox', { name: 'Rubric name' }), 'Frontend');
    await user.type(screen.getByRole('textbox', { name: 'Competency name' }), 'API design');
    await user.type(screen.getByRole('textbox', { name: 'Prompt (read to the candidate)' }), 'How would you paginate?');
    const labels = ['No evidence', 'Junior', 'Solid', 'Senior'];
    for (const [k, label] of labels.entries()) {
      await user.type(screen.getByRole('textbox', { name: `What a ${k + 1} · ${label} answer sounds like` }), `level ${k + 1}`);
    }
    await user.click(screen.getByRole('button', { name: '+ Add competency' }));
    await user.type(screen.getAllByRole('textbox', { name: 'Competency name' })[1], 'API design');
    expect(screen.getAllByRole('textbox', { name: 'Competency name' })[1]).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Create rubric' }));
    // The second competency's question has no prompt or anchors yet.
    expect(Interviews.CreateRubric).not.toHaveBeenCalled();
    const q21 = questionRegion('2.1');
    expect(within(q21).getByRole('textbox', { name: 'Prompt (read to the candidate)' })).toHaveAttribute('aria-invalid', 'true');

    await user.click(screen.getByRole('button', { name: 'Delete competency 2' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete competency' }));
    await user.click(screen.getByRole('button', { name: 'Create rubric' }));

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

    await user.click(screen.getByRole('button', { name: 'Save' }));
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
    await user.click(screen.getByRole('button', { name: 'Save' }));

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
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();

    // The interviewer preview: the prompt and the scale buttons with their anchors.
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    const preview = screen.getByRole('region', { name: 'Interviewer preview' });
    expect(preview).toHaveTextContent('Prompt of pagination');
    await user.click(within(preview).getByRole('button', { name: /^3 Solid/ }));
    expect(preview).toHaveTextContent('pagination three');
    await user.click(within(preview).getByRole('button', { name: 'Next question →' }));
    expect(preview).toHaveTextContent('Prompt of schema');
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
  });
});
