// Tests the candidate import wizard end to end: choosing a file, the guessed mapping and previews, mapping errors, sheets, rows with errors, and the import.
// (The steps every walk takes, the counts and the jobs and stages of an ATS export: ImportWizardWalk.test.ts.)
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ImportDialog from './ImportDialog.svelte';
import * as Transfer from '../../lib/wailsjs/go/app/Transfer';
import { ui } from '../../lib/stores/ui.svelte';
import type { ImportCellError, ImportFile, ImportPreview, ImportPreviewRow, ImportRequest, ImportResult } from '../../lib/api';
import type { Counts } from './importWizard';
import { backendError, resetUi, role } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Transfer');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

/** The re-preview waits 300 ms for more changes; leave room on a busy machine. */
const SLOW = { timeout: 3000 };

const roles = [role({ id: 1, title: 'Backend Engineer' }), role({ id: 2, title: 'Product Designer' })];

const FIELDS = ['name', 'first_name', 'last_name', 'email', 'phone', 'location', 'source', 'tags', 'resume', 'linkedin', 'github', 'portfolio', 'notes', 'job', 'stage'];
const HEADERS = ['Full Name', 'E-mail', 'Where from', 'Mobile', 'Labels'];
/** What Go answers when the user chose a file in the native dialog. */
function chosen(name = 'people.csv', size = 2150): ImportFile {
  return { token: `token-${name}`, name, size } as ImportFile;
}

function mapping(over: Record<string, number> = {}): Record<string, number> {
  return { ...Object.fromEntries(FIELDS.map((f) => [f, -1])), ...over };
}

const GUESS = mapping({ name: 0, email: 1, tags: 4 });

function previewRow(over: Partial<ImportPreviewRow> = {}): ImportPreviewRow {
  return {
    row: 2, notes: '', action: 'create', existingId: 0, errors: [],
    input: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '', location: '', linkedIn: '', gitHub: '', portfolio: '', source: '', resumeText: '', tags: ['math'] },
    ...over,
  } as ImportPreviewRow;
}

function cellError(over: Partial<ImportCellError> = {}): ImportCellError {
  return { row: 7, column: 'E-mail', field: 'email', message: '"x" is not a valid email address', ...over } as ImportCellError;
}

/** Go's counts: import is create + merge, as Go sends it. */
function counts(c: Omit<Counts, 'rows' | 'import'>): Counts {
  return { ...c, rows: c.create + c.merge + c.skip + c.error, import: c.create + c.merge };
}

const ON_FILE = { reason: 'on_file', job: '', words: 'email already here (duplicates are skipped)', count: 1, rows: [12] };

function preview(over: Partial<ImportPreview> = {}): ImportPreview {
  return {
    headers: HEADERS, sheets: [], sheet: '', mapping: GUESS, fields: FIELDS,
    rows: [previewRow(), previewRow({ row: 3, input: { ...previewRow().input, name: 'Grace Hopper', email: 'grace@example.com' } as never, action: 'merge', existingId: 9 })],
    totalRows: 41, errors: [], moreErrors: 0, counts: counts({ create: 38, merge: 2, skip: 1, error: 0 }),
    skips: [ON_FILE], jobs: [], moreJobs: 0, stages: [], moreStages: 0,
    ...over,
  } as ImportPreview;
}

const WITH_ERRORS = () =>
  preview({
    totalRows: 46,
    errors: [cellError(), cellError({ row: 9, column: 'Full Name', field: 'name', message: 'Enter the candidate’s full name' })],
    moreErrors: 3,
    counts: counts({ create: 38, merge: 2, skip: 1, error: 5 }),
  });

function result(over: Partial<ImportResult> = {}): ImportResult {
  return {
    imported: 40, created: 38, merged: 2, skipped: 1, skips: [ON_FILE], invalid: 0, invalidRows: [], applications: 40, notes: 0,
    createdIds: [], mergedIds: [], ...over,
  } as ImportResult;
}

function lastRequest(fn: (r: ImportRequest) => unknown): ImportRequest {
  const calls = vi.mocked(fn).mock.calls;
  return calls[calls.length - 1][0];
}

function setup() {
  const onclose = vi.fn();
  const user = userEvent.setup();
  render(ImportDialog, { roles, onclose });
  const dialog = screen.getByRole('dialog', { name: 'Import candidates' });
  return { user, onclose, dialog };
}

/** Chooses a file in the (mocked) native dialog, waits until it is read, and goes on to the mapping step. */
async function pick(user: ReturnType<typeof userEvent.setup>, name = 'people.csv') {
  vi.mocked(Transfer.ChooseImportFile).mockResolvedValueOnce(chosen(name));
  await user.click(screen.getByRole('button', { name: 'Choose file…' }));
  await waitFor(() => expect(screen.getByRole('button', { name: 'Next' })).toBeEnabled());
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await screen.findByRole('heading', { name: 'Map columns' });
}

/** Picks the file and moves on to the last step. */
async function toImportStep(user: ReturnType<typeof userEvent.setup>) {
  await pick(user);
  await waitFor(() => expect(screen.getByRole('button', { name: 'Next' })).toBeEnabled(), SLOW);
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await screen.findByRole('heading', { name: 'Roles and stages' });
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await screen.findByRole('heading', { name: 'Import' });
}

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
  ui.roleId = 1;
  vi.mocked(Transfer.PreviewImport).mockResolvedValue(preview());
});

describe('ImportDialog', () => {
  it('starts on the file step with the current role and the skip policy', () => {
    setup();
    expect(screen.getByRole('heading', { name: 'Choose a file' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Apply imported candidates to' })).toHaveDisplayValue('Backend Engineer');
    expect(screen.getByRole('radio', { name: 'Skip candidates whose email is already here' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
  });

  it('choosing a file previews it by its token, with the chosen role and policy', async () => {
    const { user } = setup();
    expect(screen.getByRole('group', { name: 'CSV or Excel file' })).toContainElement(screen.getByRole('button', { name: 'Choose file…' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Apply imported candidates to' }), 'Product Designer');
    await user.click(screen.getByRole('radio', { name: 'Merge into the existing candidate (fill empty fields, add tags)' }));
    await pick(user);

    expect(Transfer.ChooseImportFile).toHaveBeenCalledTimes(1);
    expect(vi.mocked(Transfer.PreviewImport).mock.calls[0][0]).toEqual({
      token: 'token-people.csv', sheet: '', mapping: {}, policy: 'merge', roleId: 2, validOnly: false, jobs: [], stages: [],
    });
  });

  it('shows the chosen file’s name and size on the file step', async () => {
    const { user } = setup();
    expect(screen.getByText('No file chosen')).toBeInTheDocument();
    await pick(user);
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByTestId('import-file-name')).toHaveTextContent('people.csv (2.1 KB)');
    expect(screen.getByRole('button', { name: 'Choose file…' })).toHaveAccessibleDescription(/people\.csv: 41 rows, 5 columns/);
  });

  it('a cancelled dialog changes nothing', async () => {
    vi.mocked(Transfer.ChooseImportFile).mockResolvedValueOnce(null as unknown as ImportFile);
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Choose file…' })).toBeEnabled());
    expect(Transfer.PreviewImport).not.toHaveBeenCalled();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('No file chosen')).toBeInTheDocument();

    // With a file already chosen, cancelling keeps it.
    await pick(user);
    await user.click(screen.getByRole('button', { name: 'Back' }));
    vi.mocked(Transfer.ChooseImportFile).mockResolvedValueOnce(null as unknown as ImportFile);
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Choose file…' })).toBeEnabled());
    expect(screen.getByTestId('import-file-name')).toHaveTextContent('people.csv');
    expect(screen.getByRole('button', { name: 'Next' })).toBeEnabled();
  });

  it('shows why Go refused the chosen file, on the file step', async () => {
    vi.mocked(Transfer.ChooseImportFile).mockRejectedValue(
      backendError('invalid', 'file: big.csv is over the 20 MB limit for imports', [{ field: 'file', message: 'big.csv is over the 20 MB limit for imports' }]),
    );
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('big.csv is over the 20 MB limit for imports');
    expect(Transfer.PreviewImport).not.toHaveBeenCalled();
    expect(screen.getByRole('heading', { name: 'Choose a file' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
  });

  it('shows why a file could not be read, on the file step', async () => {
    vi.mocked(Transfer.PreviewImport).mockRejectedValue(backendError('invalid', 'empty.csv is empty', [{ field: 'file', message: 'empty.csv is empty' }]));
    vi.mocked(Transfer.ChooseImportFile).mockResolvedValueOnce(chosen('empty.csv', 0));
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('empty.csv is empty');
    expect(screen.getByRole('heading', { name: 'Choose a file' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
  });

  it('shows the guessed mapping, the first rows and the counts', async () => {
    const { user } = setup();
    await pick(user);

    expect(screen.getByRole('combobox', { name: 'Full name' })).toHaveDisplayValue('Full Name');
    expect(screen.getByRole('combobox', { name: 'Email' })).toHaveDisplayValue('E-mail');
    expect(screen.getByRole('combobox', { name: 'Phone' })).toHaveDisplayValue('— not imported —');
    expect(within(screen.getByTestId('map-email')).getByText('guessed')).toBeInTheDocument();
    expect(within(screen.getByTestId('map-phone')).queryByText('guessed')).toBeNull();
    expect(screen.getByText('Columns not imported: Where from, Mobile')).toBeInTheDocument();

    expect(screen.getByTestId('import-counts')).toHaveTextContent('40 to import (38 new, 2 merged) · 1 skipped · 0 with errors');
    expect(screen.getByTestId('import-skips')).toHaveTextContent('1 row skipped: email already here (duplicates are skipped) (row 12)');
    const rows = screen.getAllByTestId('preview-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Ada Lovelace');
    expect(within(rows[0]).getByText('create')).toBeInTheDocument();
    expect(within(rows[1]).getByText('merge')).toBeInTheDocument();
  });

  it('changing a column re-previews with the explicit mapping, keeping the old preview meanwhile', async () => {
    const { user } = setup();
    await pick(user);
    let answer!: (p: ImportPreview) => void;
    vi.mocked(Transfer.PreviewImport).mockReturnValueOnce(new Promise((r) => (answer = r)));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Phone' }), 'Mobile');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Source' }), 'Where from');
    // Debounced: both changes travel in one request (after the one on choosing and the one on Next).
    await waitFor(() => expect(Transfer.PreviewImport).toHaveBeenCalledTimes(3), SLOW);
    expect(lastRequest(Transfer.PreviewImport)).toMatchObject({ mapping: mapping({ name: 0, email: 1, tags: 4, phone: 3, source: 2 }), sheet: '' });
    expect(screen.getAllByTestId('preview-row')).toHaveLength(2);
    expect(screen.getAllByText('Updating the preview…').length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();

    answer(preview({ mapping: mapping({ name: 0, email: 1, tags: 4, phone: 3, source: 2 }), counts: counts({ create: 40, merge: 0, skip: 1, error: 0 }) }));
    await waitFor(() => expect(screen.getByTestId('import-counts')).toHaveTextContent('40 to import (40 new, 0 merged) · 1 skipped · 0 with errors'));
    expect(screen.getByRole('combobox', { name: 'Phone' })).toHaveDisplayValue('Mobile');
    expect(screen.getByRole('button', { name: 'Next' })).toBeEnabled();
  });

  it('shows a refused mapping next to the selects it names', async () => {
    const { user } = setup();
    await pick(user);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Next' })).toBeEnabled());
    vi.mocked(Transfer.PreviewImport).mockRejectedValue(
      backendError('invalid', 'mapping.email: column "E-mail" is mapped to both email and phone; mapping.phone: column "E-mail" is mapped to both email and phone', [
        { field: 'mapping.email', message: 'column "E-mail" is mapped to both email and phone' },
        { field: 'mapping.phone', message: 'column "E-mail" is mapped to both email and phone' },
      ]),
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Phone' }), 'E-mail');

    const phone = screen.getByTestId('map-phone');
    expect(await within(phone).findByRole('alert', {}, SLOW)).toHaveTextContent('column "E-mail" is mapped to both email and phone');
    expect(within(screen.getByTestId('map-email')).getByRole('alert')).toBeInTheDocument();
    expect(within(screen.getByTestId('map-name')).queryByRole('alert')).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Phone' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByTestId('preview-row')).toBeNull();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
  });

  it('lets the user choose every column when no header looks like a name', async () => {
    const refused = backendError('invalid', 'mapping.name: no column is mapped to the candidate\'s name', [
      { field: 'mapping.name', message: 'no column is mapped to the candidate\'s name (or to first and last name); the headers are: "Who", "Mail"' },
    ]);
    vi.mocked(Transfer.PreviewImport)
      .mockRejectedValueOnce(refused)
      .mockResolvedValueOnce(preview({ headers: ['Who', 'Mail'], mapping: mapping({ name: 0 }) }))
      .mockResolvedValueOnce(preview({ headers: ['Who', 'Mail'], mapping: mapping({ name: 0 }) }));
    const { user } = setup();
    await pick(user);

    expect(screen.getByRole('combobox', { name: 'Full name' })).toHaveDisplayValue('— not imported —');
    expect(within(screen.getByTestId('map-name')).getByRole('alert')).toHaveTextContent('no column is mapped to the candidate\'s name');
    expect(screen.queryByText('guessed')).toBeNull();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Full name' }), 'Who');
    // Asked on choosing, again to learn the headers, then with the column chosen (none on Next: nothing planned yet).
    await waitFor(() => expect(Transfer.PreviewImport).toHaveBeenCalledTimes(3), SLOW);
    expect(lastRequest(Transfer.PreviewImport).mapping).toEqual(mapping({ name: 0 }));
    await waitFor(() => expect(within(screen.getByTestId('map-name')).queryByRole('alert')).toBeNull());
    expect(screen.getAllByTestId('preview-row')).toHaveLength(2);
  });

  it('offers a sheet select for a workbook with several sheets', async () => {
    vi.mocked(Transfer.PreviewImport).mockResolvedValue(preview({ sheets: ['2025', '2026'], sheet: '2025' }));
    const { user } = setup();
    await pick(user, 'people.xlsx');
    await waitFor(() => expect(Transfer.PreviewImport).toHaveBeenCalledTimes(2), SLOW);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sheet' }), '2026');
    await waitFor(() => expect(Transfer.PreviewImport).toHaveBeenCalledTimes(3), SLOW);
    // Another sheet has other headers: let the server guess again.
    expect(lastRequest(Transfer.PreviewImport)).toMatchObject({ sheet: '2026', mapping: {} });
  });

  it('lists every error with its row and column', async () => {
    vi.mocked(Transfer.PreviewImport).mockResolvedValue(WITH_ERRORS());
    const { user } = setup();
    await pick(user);

    const list = screen.getByTestId('import-errors');
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Row 7, column “E-mail”: "x" is not a valid email address');
    expect(items[1]).toHaveTextContent('Row 9, column “Full Name”: Enter the candidate’s full name');
    expect(items[2]).toHaveTextContent('…and 3 more');
    expect(screen.getByTestId('import-counts')).toHaveTextContent('40 to import (38 new, 2 merged) · 1 skipped · 5 with errors');
  });

  it('imports directly when no row has errors and shows the summary', async () => {
    vi.mocked(Transfer.CommitImport).mockResolvedValue(result());
    const { user, onclose } = setup();
    await toImportStep(user);
    const version = ui.version;

    const button = screen.getByRole('button', { name: 'Import 40 candidates' });
    expect(button).toBeEnabled();
    expect(screen.queryByRole('checkbox')).toBeNull();
    await user.click(button);

    expect(await screen.findByTestId('import-result')).toHaveTextContent('40 imported, 1 skipped.');
    expect(screen.getByTestId('import-result')).toHaveTextContent('38 new candidates, 2 merged into candidates already here. All applied to Backend Engineer.');
    expect(lastRequest(Transfer.CommitImport)).toEqual({
      token: 'token-people.csv', sheet: '', mapping: GUESS, policy: 'skip', roleId: 1, validOnly: false, jobs: [], stages: [],
    });
    expect(ui.version).toBe(version + 1);
    expect(screen.getByTestId('import-close')).toHaveFocus();
    await user.click(screen.getByTestId('import-close'));
    expect(onclose).toHaveBeenCalled();
  });

  it('with errors, Import is disabled until “Import only the valid rows” is checked, then sends validOnly', async () => {
    vi.mocked(Transfer.PreviewImport).mockResolvedValue(WITH_ERRORS());
    vi.mocked(Transfer.CommitImport).mockResolvedValue(result({ invalid: 5, invalidRows: [7, 9, 10, 11, 12] }));
    const { user } = setup();
    await toImportStep(user);

    const button = screen.getByRole('button', { name: 'Import 40 candidates' });
    expect(button).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Fix the file and try again' })).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Import only the 40 valid rows' }));
    expect(button).toBeEnabled();
    await user.click(button);

    expect(await screen.findByTestId('import-result')).toHaveTextContent('40 imported, 1 skipped, 5 with errors left out.');
    expect(screen.getByText('Left out with errors: rows 7, 9, 10, 11, 12.')).toBeInTheDocument();
    expect(lastRequest(Transfer.CommitImport)).toMatchObject({ validOnly: true, mapping: GUESS, roleId: 1 });
  });

  it('“Fix the file and try again” goes back to the file step', async () => {
    vi.mocked(Transfer.PreviewImport).mockResolvedValue(WITH_ERRORS());
    const { user } = setup();
    await toImportStep(user);
    await user.click(screen.getByRole('button', { name: 'Fix the file and try again' }));
    expect(screen.getByRole('heading', { name: 'Choose a file' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
    const before = vi.mocked(Transfer.PreviewImport).mock.calls.length;
    await pick(user, 'people-fixed.csv');
    expect(vi.mocked(Transfer.PreviewImport).mock.calls[before][0]).toMatchObject({ token: 'token-people-fixed.csv', mapping: {} });
  });

  it('shows the rows a commit refused as a list and keeps the wizard open', async () => {
    vi.mocked(Transfer.CommitImport).mockRejectedValue(
      backendError('invalid', 'row 7 · Email: not valid', [
        { field: 'row 7 · Email', message: '"x" is not a valid email address' },
        { field: 'row 9 · Name', message: 'Enter the candidate’s full name' },
      ]),
    );
    const { user, onclose } = setup();
    await toImportStep(user);
    await user.click(screen.getByRole('button', { name: 'Import 40 candidates' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Nothing was imported');
    const items = within(screen.getByTestId('commit-errors')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['row 7 · Email: "x" is not a valid email address', 'row 9 · Name: Enter the candidate’s full name']);
    expect(screen.getByRole('button', { name: 'Import 40 candidates' })).toBeEnabled();
    expect(onclose).not.toHaveBeenCalled();
  });

  it('shows an error without fields from the commit as its message', async () => {
    vi.mocked(Transfer.CommitImport).mockRejectedValue(backendError('invalid', 'people.csv has more than 50000 data rows; split it into smaller files'));
    const { user } = setup();
    await toImportStep(user);
    await user.click(screen.getByRole('button', { name: 'Import 40 candidates' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('people.csv has more than 50000 data rows; split it into smaller files');
  });

  it('Back and Next move between the steps and keep the choices', async () => {
    const { user } = setup();
    await pick(user);
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('heading', { name: 'Choose a file' })).toHaveFocus();
    expect(screen.getByText(/people\.csv: 41 rows, 5 columns/)).toBeInTheDocument();
    const before = vi.mocked(Transfer.PreviewImport).mock.calls.length;
    await user.click(screen.getByRole('radio', { name: 'Merge into the existing candidate (fill empty fields, add tags)' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('heading', { name: 'Map columns' })).toHaveFocus();
    // The policy changed: planned again with the mapping already chosen.
    await waitFor(() => expect(vi.mocked(Transfer.PreviewImport).mock.calls.length).toBeGreaterThan(before), SLOW);
    expect(lastRequest(Transfer.PreviewImport)).toMatchObject({ policy: 'merge', mapping: GUESS });
  });
});
