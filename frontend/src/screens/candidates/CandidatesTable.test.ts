// Tests the candidates table: rows and search highlights, filters and facets, sorting, empty states and loading more pages.
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import CandidatesTable from './CandidatesTable.svelte';
import * as Candidates from '../../lib/wailsjs/go/app/Candidates';
import { ui } from '../../lib/stores/ui.svelte';
import type { CandidateFilter, Facets } from '../../lib/api';
import { appSummary, backendError, hit, page, resetUi, role, row, span } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

const roles = [role({ id: 1, title: 'Backend Engineer' }), role({ id: 2, title: 'Product Designer' })];

const ada = row({
  id: 1, name: 'Ada Lovelace', email: 'ada@example.com', source: 'Referral', tags: ['math'],
  applications: [appSummary({ applicationId: 100, roleId: 1, roleTitle: 'Backend Engineer', stageName: 'Screen' })],
});
const grace = row({ id: 2, name: 'Grace Hopper', email: 'grace@example.com', source: 'LinkedIn', tags: [] });

function lastFilter(): CandidateFilter {
  const calls = vi.mocked(Candidates.List).mock.calls;
  return calls[calls.length - 1][0];
}

function setup() {
  const user = userEvent.setup();
  render(CandidatesTable, { roles });
  return user;
}

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
  vi.mocked(Candidates.List).mockResolvedValue(page([ada, grace]));
  vi.mocked(Candidates.Facets).mockResolvedValue({ tags: ['math'], sources: ['LinkedIn', 'Referral'] } as Facets);
});

describe('CandidatesTable', () => {
  it('shows a row per candidate with applications, source and tags', async () => {
    setup();
    const rows = await screen.findAllByTestId('candidate-row');
    expect(rows).toHaveLength(2);

    expect(within(rows[0]).getByText('Ada Lovelace')).toBeInTheDocument();
    expect(within(rows[0]).getByText('ada@example.com')).toBeInTheDocument();
    expect(within(rows[0]).getByText('Backend Engineer:')).toBeInTheDocument();
    expect(within(rows[0]).getByText('Screen')).toBeInTheDocument();
    expect(within(rows[0]).getByText('math')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Grace Hopper')).toBeInTheDocument();
    expect(within(rows[1]).getByText('LinkedIn')).toBeInTheDocument();

    expect(screen.getByRole('status')).toHaveTextContent('2 candidates');
    expect(lastFilter()).toMatchObject({ query: '', roleId: 0, stageId: 0, sort: '', desc: false, offset: 0 });
  });

  it('opens a candidate from its row', async () => {
    const user = setup();
    const rows = await screen.findAllByTestId('candidate-row');
    await user.click(rows[1]);
    expect(ui.candidateId).toBe(2);

    rows[0].focus();
    await user.keyboard('{Enter}');
    expect(ui.candidateId).toBe(1);
  });

  it('marks only the matched spans of a search hit, and shows markup in the data as text', async () => {
    ui.query = 'ada';
    vi.mocked(Candidates.List).mockResolvedValue(
      page([
        row({
          id: 1,
          name: '<b>Ada</b> Lovelace',
          hits: [
            hit('name', [span('<b>'), span('Ada', true), span('</b> Lovelace')]),
            hit('notes', [span('met '), span('Ada', true), span(' at the <i>meetup</i>')]),
          ],
        }),
      ]),
    );
    setup();
    const [r] = await screen.findAllByTestId('candidate-row');
    expect(Candidates.List).toHaveBeenCalledWith(expect.objectContaining({ query: 'ada' }));

    const marks = r.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['Ada', 'Ada']);

    // The "<b>" in the candidate's data is text, never markup.
    expect(r.querySelector('b')).toBeNull();
    expect(r.querySelector('i')).toBeNull();
    expect(r).toHaveTextContent('<b>Ada</b> Lovelace');
    expect(within(r).getByText('Notes:')).toBeInTheDocument();
    expect(r).toHaveTextContent('met Ada at the <i>meetup</i>');
  });

  it('a row without hits shows no marks', async () => {
    setup();
    const rows = await screen.findAllByTestId('candidate-row');
    expect(rows[0].querySelector('mark')).toBeNull();
  });

  it('choosing a role filters the list by that role and enables the stage filter', async () => {
    const user = setup();
    await screen.findAllByTestId('candidate-row');
    const stageFilter = screen.getByRole('combobox', { name: 'Filter by stage' });
    expect(stageFilter).toBeDisabled();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Filter by role' }), 'Product Designer');
    await waitFor(() => expect(lastFilter()).toMatchObject({ roleId: 2, stageId: 0 }));

    expect(stageFilter).toBeEnabled();
    expect(within(stageFilter).getByRole('option', { name: 'Interview' })).toBeInTheDocument();
    await user.selectOptions(stageFilter, 'Interview');
    await waitFor(() => expect(lastFilter()).toMatchObject({ roleId: 2, stageId: 23 }));
  });

  it('filters by tag and source from the facets', async () => {
    const user = setup();
    await screen.findAllByTestId('candidate-row');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Filter by tag' }), 'math');
    await waitFor(() => expect(lastFilter()).toMatchObject({ tag: 'math' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Filter by source' }), 'LinkedIn');
    await waitFor(() => expect(lastFilter()).toMatchObject({ tag: 'math', source: 'LinkedIn' }));
    await user.click(screen.getByRole('checkbox', { name: 'Show archived' }));
    await waitFor(() => expect(lastFilter()).toMatchObject({ includeArchived: true }));
  });

  it('clicking a sortable header sorts by it, and a second click reverses the order', async () => {
    const user = setup();
    await screen.findAllByTestId('candidate-row');
    const nameHeader = screen.getByRole('columnheader', { name: /Name/ });
    expect(nameHeader).toHaveAttribute('aria-sort', 'none');

    await user.click(within(nameHeader).getByRole('button'));
    await waitFor(() => expect(lastFilter()).toMatchObject({ sort: 'name', desc: false }));
    expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(within(nameHeader).getByRole('button')).toHaveTextContent('Name ▲');

    await user.click(within(nameHeader).getByRole('button'));
    await waitFor(() => expect(lastFilter()).toMatchObject({ sort: 'name', desc: true }));
    expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
    expect(within(nameHeader).getByRole('button')).toHaveTextContent('Name ▼');
  });

  it('sorting by Updated starts with the newest first', async () => {
    const user = setup();
    await screen.findAllByTestId('candidate-row');
    await user.click(screen.getByRole('button', { name: 'Updated' }));
    await waitFor(() => expect(lastFilter()).toMatchObject({ sort: 'updated', desc: true }));
  });

  it('columns without a key are not sortable', async () => {
    setup();
    await screen.findAllByTestId('candidate-row');
    const apps = screen.getByRole('columnheader', { name: 'Applications' });
    expect(within(apps).queryByRole('button')).toBeNull();
    expect(apps).not.toHaveAttribute('aria-sort');
  });

  it('with no candidates at all it invites adding the first one', async () => {
    vi.mocked(Candidates.List).mockResolvedValue(page([]));
    const user = setup();
    expect(await screen.findByText('No candidates yet.')).toBeInTheDocument();
    expect(screen.queryByText(/No candidates match/)).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Add the first candidate' }));
    expect(ui.newCandidateOpen).toBe(true);
  });

  it('when a search matches nothing it says so and offers to clear', async () => {
    ui.query = 'zzz';
    vi.mocked(Candidates.List).mockResolvedValue(page([]));
    const user = setup();
    expect(await screen.findByText('No candidates match “zzz”.')).toBeInTheDocument();
    expect(screen.queryByText('No candidates yet.')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    expect(ui.query).toBe('');
    await waitFor(() => expect(lastFilter()).toMatchObject({ query: '' }));
  });

  it('when a filter matches nothing it says so without a search text', async () => {
    const user = setup();
    await screen.findAllByTestId('candidate-row');
    vi.mocked(Candidates.List).mockResolvedValue(page([]));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Filter by role' }), 'Backend Engineer');

    expect(await screen.findByText('No candidates match.')).toBeInTheDocument();
    expect(screen.queryByText('No candidates yet.')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    await waitFor(() => expect(lastFilter()).toMatchObject({ roleId: 0 }));
  });

  it('loads more rows when there are more than one page', async () => {
    vi.mocked(Candidates.List).mockResolvedValueOnce(page([ada], 2)).mockResolvedValueOnce(page([grace], 2));
    const user = setup();
    await screen.findAllByTestId('candidate-row');
    await user.click(screen.getByRole('button', { name: 'Show more (1 left)' }));

    await waitFor(() => expect(screen.getAllByTestId('candidate-row')).toHaveLength(2));
    expect(lastFilter()).toMatchObject({ offset: 1 });
    expect(screen.queryByRole('button', { name: /Show more/ })).toBeNull();
  });

  it('says "50+" for a search that matches many, and offers more until a page is the last', async () => {
    ui.query = 'python';
    const many = Array.from({ length: 50 }, (_, i) => row({ id: i + 1, name: `Person ${i + 1}` }));
    vi.mocked(Candidates.List)
      .mockResolvedValueOnce(page(many, 50, true))
      .mockResolvedValueOnce(page([row({ id: 51, name: 'Person 51' })], 51, false));
    const user = setup();
    await screen.findAllByTestId('candidate-row');
    expect(screen.getByRole('status')).toHaveTextContent('50+ candidates');

    await user.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(screen.getAllByTestId('candidate-row')).toHaveLength(51));
    expect(lastFilter()).toMatchObject({ offset: 50, limit: 50 });
    expect(screen.getByRole('status')).toHaveTextContent('51 candidates');
    expect(screen.queryByRole('button', { name: /Show more/ })).toBeNull();
  });

  it('shows the error when the list cannot be loaded', async () => {
    vi.mocked(Candidates.List).mockRejectedValue(backendError('internal', 'database is locked'));
    setup();
    expect(await screen.findByRole('alert')).toHaveTextContent('database is locked');
  });
});
