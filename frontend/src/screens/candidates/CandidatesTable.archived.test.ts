// Tests the archived matches a search leaves out: counted by Go, said instead of "No candidates match" (and under live results), and shown with one click.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import CandidatesTable from './CandidatesTable.svelte';
import * as Candidates from '../../lib/wailsjs/go/app/Candidates';
import { ui } from '../../lib/stores/ui.svelte';
import type { CandidateFilter, CandidatePage, Facets } from '../../lib/api';
import { page, resetUi, role, row } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

const ada = row({ id: 1, name: 'Ada Lovelace', email: 'ada@example.com', archivedAt: '2026-01-05T10:00:00.000Z' });
const yonath = row({ id: 2, name: 'Ada Yonath', email: 'yonath@example.com' });

function withArchived(p: CandidatePage, archived: number): CandidatePage {
  return { ...p, archived } as CandidatePage;
}

function lastFilter(): CandidateFilter {
  const calls = vi.mocked(Candidates.List).mock.calls;
  return calls[calls.length - 1][0];
}

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
  ui.screen = 'candidates';
  vi.mocked(Candidates.Facets).mockResolvedValue({ tags: [], sources: [] } as Facets);
});

describe('archived matches', () => {
  it('a search that only archived candidates match says so and shows them on click', async () => {
    vi.mocked(Candidates.List).mockImplementation(async (f) => (f.includeArchived ? page([ada]) : withArchived(page([]), 1)));
    ui.query = 'lovelace';
    const user = userEvent.setup();
    render(CandidatesTable, { roles: [role()] });

    const line = await screen.findByTestId('archived-matches');
    expect(line).toHaveTextContent('1 archived match — show');
    expect(screen.queryByText(/No candidates match/)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'show' }));
    await waitFor(() => expect(lastFilter()).toMatchObject({ query: 'lovelace', includeArchived: true }));
    expect(await screen.findByText('Ada Lovelace')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Show archived' })).toBeChecked();
    expect(screen.queryByTestId('archived-matches')).toBeNull();
  });

  it('under live results it says how many archived ones were left out', async () => {
    vi.mocked(Candidates.List).mockResolvedValue(withArchived(page([yonath]), 2));
    ui.query = 'ada';
    render(CandidatesTable, { roles: [role()] });
    expect(await screen.findByTestId('archived-matches')).toHaveTextContent('Also 2 archived matches — show');
  });

  it('with no archived match it still says nothing matches', async () => {
    vi.mocked(Candidates.List).mockResolvedValue(withArchived(page([]), 0));
    ui.query = 'turing';
    render(CandidatesTable, { roles: [role()] });
    expect(await screen.findByText('No candidates match “turing”.')).toBeInTheDocument();
    expect(screen.queryByTestId('archived-matches')).toBeNull();
  });
});
