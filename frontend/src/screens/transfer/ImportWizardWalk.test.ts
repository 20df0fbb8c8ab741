// Tests the import wizard's walk: every step is shown in turn (Next never skips the mapping), every step names the rows
// with errors, the checkbox, the Import button and the result use Go's counts, and an ATS export's jobs and stages are matched
// to roles and stages with a select for each name that matches none.
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ImportDialog from './ImportDialog.svelte';
import * as Transfer from '../../lib/wailsjs/go/app/Transfer';
import { ui } from '../../lib/stores/ui.svelte';
import type { ImportFile, ImportPreview, ImportRequest, ImportResult } from '../../lib/api';
import { resetUi, role } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Transfer');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

const SLOW = { timeout: 3000 };
const roles = [role({ id: 1, title: 'Backend Engineer' }), role({ id: 2, title: 'Product Designer' })];
const HEADERS = ['Name', 'Email', 'Job', 'Current Stage'];
const FIELDS = ['name', 'first_name', 'last_name', 'email', 'phone', 'location', 'source', 'tags', 'resume', 'linkedin', 'github', 'portfolio', 'notes', 'job', 'stage'];
const none = Object.fromEntries(FIELDS.map((f) => [f, -1]));

const BAD_EMAIL = { row: 5, column: 'Email', field: 'email', message: '"nope" is not a valid email address' };

/** An ATS export as Go plans it: 6 rows, 3 to import (2 new, 1 merged), 2 skipped (a job no role has, an email on file), 1 with errors. */
function atsPreview(over: Partial<ImportPreview> = {}): ImportPreview {
  return {
    headers: HEADERS, sheets: [], sheet: '', fields: FIELDS, mapping: { ...none, name: 0, email: 1, job: 2, stage: 3 },
    rows: [], totalRows: 6, errors: [BAD_EMAIL], moreErrors: 0,
    counts: { rows: 6, create: 2, merge: 1, skip: 2, error: 1, import: 3 },
    skips: [
      { reason: 'job', job: 'Astronaut', words: 'job "Astronaut": no role has this title', count: 1, rows: [4] },
      { reason: 'on_file', job: '', words: 'email already here (duplicates are skipped)', count: 1, rows: [7] },
    ],
    jobs: [
      { job: 'Backend Engineer', rows: 4, roleId: 1, role: 'Backend Engineer', matched: true, note: '' },
      { job: 'Astronaut', rows: 1, roleId: 0, role: '', matched: false, note: 'no role has this title' },
    ],
    moreJobs: 0,
    stages: [
      { roleId: 1, role: 'Backend Engineer', from: 'Interview', rows: 2, stageId: 13, to: 'Interview', matched: true, chosen: false },
      { roleId: 1, role: 'Backend Engineer', from: 'Phone screen', rows: 1, stageId: 11, to: 'Applied', matched: false, chosen: false },
    ],
    moreStages: 0,
    ...over,
  } as ImportPreview;
}

function setup() {
  const user = userEvent.setup();
  render(ImportDialog, { roles, onclose: vi.fn() });
  return { user };
}

async function choose(user: ReturnType<typeof userEvent.setup>) {
  vi.mocked(Transfer.ChooseImportFile).mockResolvedValueOnce({ token: 't', name: 'greenhouse.csv', size: 300 } as ImportFile);
  await user.click(screen.getByRole('button', { name: 'Choose file…' }));
  await screen.findByTestId('import-file-name');
  await waitFor(() => expect(screen.getByRole('button', { name: 'Next' })).toBeEnabled());
}

async function next(user: ReturnType<typeof userEvent.setup>, heading: string) {
  await waitFor(() => expect(screen.getByRole('button', { name: 'Next' })).toBeEnabled(), SLOW);
  await user.click(screen.getByRole('button', { name: 'Next' }));
  expect(await screen.findByRole('heading', { name: heading })).toHaveFocus();
}

function lastRequest(fn: (r: ImportRequest) => unknown): ImportRequest {
  const calls = vi.mocked(fn).mock.calls;
  return calls[calls.length - 1][0];
}

function errorsShown(): string[] {
  return within(screen.getByTestId('import-errors')).getAllByRole('listitem').map((li) => li.textContent ?? '');
}

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
  ui.roleId = 1;
  vi.mocked(Transfer.PreviewImport).mockResolvedValue(atsPreview());
});

describe('the import wizard’s walk', () => {
  it('stays on the file step once a file is chosen; Next shows the mapping, then roles and stages, then the import', async () => {
    const { user } = setup();
    await choose(user);
    expect(screen.getByRole('heading', { name: 'Choose a file' })).toBeInTheDocument();
    await next(user, 'Map columns');
    await next(user, 'Roles and stages');
    await next(user, 'Import');
    expect(screen.getByRole('listitem', { current: 'step' })).toHaveTextContent('Import');
  });

  it('names the rows with errors by row and column on every step', async () => {
    const { user } = setup();
    await choose(user);
    const want = ['Row 5, column “Email”: "nope" is not a valid email address'];
    expect(errorsShown()).toEqual(want);
    for (const heading of ['Map columns', 'Roles and stages', 'Import']) {
      await next(user, heading);
      expect(errorsShown()).toEqual(want);
      expect(screen.getByTestId('import-counts')).toHaveTextContent('3 to import (2 new, 1 merged) · 2 skipped · 1 with errors');
      expect(screen.getByTestId('import-skips')).toHaveTextContent('1 row skipped: job "Astronaut": no role has this title (row 4)');
    }
  });

  it('offers, imports and reports the same numbers: Go’s counts, never sums of its own', async () => {
    vi.mocked(Transfer.CommitImport).mockResolvedValue({
      imported: 3, created: 2, merged: 1, skipped: 2, invalid: 1, invalidRows: [5], applications: 3, notes: 0,
      skips: atsPreview().skips, createdIds: [], mergedIds: [],
    } as unknown as ImportResult);
    const { user } = setup();
    await choose(user);
    await next(user, 'Map columns');
    await next(user, 'Roles and stages');
    await next(user, 'Import');

    // 6 rows less 1 with errors is 5, but only 3 are saved: the offer says 3.
    const button = screen.getByRole('button', { name: 'Import 3 candidates' });
    expect(button).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'Import only the 3 valid rows' }));
    await user.click(button);

    const done = await screen.findByTestId('import-result');
    expect(done).toHaveTextContent('3 imported, 2 skipped, 1 with errors left out.');
    expect(done).toHaveTextContent('1 row skipped: job "Astronaut": no role has this title (row 4).');
    expect(done).toHaveTextContent('Left out with errors: row 5.');
  });

  it('asks where each unknown job and stage goes, and sends the answers with every preview and the import', async () => {
    vi.mocked(Transfer.CommitImport).mockResolvedValue({ imported: 4, created: 4, skipped: 0, invalid: 0, skips: [], invalidRows: [] } as unknown as ImportResult);
    const { user } = setup();
    await choose(user);
    await next(user, 'Map columns');
    await next(user, 'Roles and stages');

    const jobs = screen.getByRole('table', { name: 'Job titles in the file' });
    expect(within(jobs).getAllByTestId('job-row')[0]).toHaveTextContent('Backend Engineer4Backend Engineer');
    const astronaut = screen.getByRole('combobox', { name: 'Role for “Astronaut”' });
    expect(astronaut).toHaveDisplayValue('Skip these rows');
    const phone = screen.getByRole('combobox', { name: 'Stage for “Phone screen” in Backend Engineer' });
    expect(phone).toHaveDisplayValue('Applied'); // the first stage until chosen
    expect(screen.queryByRole('combobox', { name: /Stage for “Interview”/ })).toBeNull(); // matched: nothing to ask

    const before = vi.mocked(Transfer.PreviewImport).mock.calls.length;
    vi.mocked(Transfer.PreviewImport).mockResolvedValue(atsPreview({
      counts: { rows: 6, create: 3, merge: 1, skip: 1, error: 1, import: 4 },
      jobs: [atsPreview().jobs[0], { ...atsPreview().jobs[1], roleId: 2, role: 'Product Designer' }],
      stages: [atsPreview().stages[0], { ...atsPreview().stages[1], stageId: 12, to: 'Screen', chosen: true }],
    }));
    await user.selectOptions(astronaut, 'Product Designer');
    await user.selectOptions(phone, 'Screen');
    await waitFor(() => expect(vi.mocked(Transfer.PreviewImport).mock.calls.length).toBe(before + 1), SLOW);
    expect(lastRequest(Transfer.PreviewImport)).toMatchObject({
      roleId: 1, jobs: [{ job: 'Astronaut', roleId: 2 }], stages: [{ roleId: 1, from: 'Phone screen', to: 'Screen' }],
    });
    await waitFor(() => expect(screen.getByTestId('import-counts')).toHaveTextContent('4 to import (3 new, 1 merged) · 1 skipped · 1 with errors'));
    expect(screen.getByRole('combobox', { name: 'Role for “Astronaut”' })).toHaveDisplayValue('Product Designer');
    expect(screen.getByRole('combobox', { name: 'Stage for “Phone screen” in Backend Engineer' })).toHaveDisplayValue('Screen');

    await next(user, 'Import');
    await user.click(screen.getByRole('checkbox', { name: 'Import only the 4 valid rows' }));
    await user.click(screen.getByRole('button', { name: 'Import 4 candidates' }));
    await screen.findByTestId('import-result');
    expect(lastRequest(Transfer.CommitImport)).toMatchObject({
      validOnly: true, jobs: [{ job: 'Astronaut', roleId: 2 }], stages: [{ roleId: 1, from: 'Phone screen', to: 'Screen' }],
    });
  });

  it('says every row goes to the chosen role when the file has no Job or stage column', async () => {
    vi.mocked(Transfer.PreviewImport).mockResolvedValue(atsPreview({
      headers: ['Name', 'Email'], mapping: { ...none, name: 0, email: 1 }, jobs: [], stages: [], skips: [], errors: [],
      counts: { rows: 2, create: 2, merge: 0, skip: 0, error: 0, import: 2 },
    }));
    const { user } = setup();
    await choose(user);
    await next(user, 'Map columns');
    await next(user, 'Roles and stages');
    expect(screen.getByTestId('import-roles-note')).toHaveTextContent('Every row goes to Backend Engineer.');
    expect(screen.getByTestId('import-stages-note')).toHaveTextContent('Candidates start in the first stage of their role (Applied).');
  });

  it('plans again when the role changes on the file step, so the counts shown are the role’s', async () => {
    const { user } = setup();
    await choose(user);
    const before = vi.mocked(Transfer.PreviewImport).mock.calls.length;
    await user.selectOptions(screen.getByRole('combobox', { name: 'Apply imported candidates to' }), 'Product Designer');
    await waitFor(() => expect(vi.mocked(Transfer.PreviewImport).mock.calls.length).toBe(before + 1), SLOW);
    expect(lastRequest(Transfer.PreviewImport)).toMatchObject({ roleId: 2, token: 't' });
  });
});
