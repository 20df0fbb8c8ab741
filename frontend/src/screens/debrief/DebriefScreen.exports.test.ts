// The debrief's exports (workbook with progress, cancel, errors, CSV) and its loading: retry after an error, reload on a role or version change.
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'svelte';
import DebriefScreen from './DebriefScreen.svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import * as Exports from '../../lib/wailsjs/go/app/Exports';
import type { ExportResult } from '../../lib/api';
import { ui } from '../../lib/stores/ui.svelte';
import { backendError } from '../../test/fixtures';
import { ada, bob, cleo, debriefOf, deferred, emitProgress, off, resetDebrief, roles, saved, setup } from './debriefTestKit';

vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/Exports');
vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');
// jsdom has no canvas: record what would be drawn instead.
vi.mock('chart.js', () => import('./fakeChart'));

beforeEach(resetDebrief);

describe('DebriefScreen: exports and loading', () => {
  it('exports the workbook with a progress bar, then says where it went', async () => {
    const { user } = await setup();
    const run = deferred<ExportResult>();
    vi.mocked(Exports.Workbook).mockReturnValue(run.promise);

    await user.click(screen.getByRole('button', { name: 'Export workbook…' }));
    expect(Exports.Workbook).toHaveBeenCalledWith(1);
    expect(screen.getByRole('progressbar', { name: 'Export progress' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export workbook…' })).toBeDisabled();

    emitProgress({ stage: 'writing', percent: 40 });
    flushSync();
    expect((screen.getByRole('progressbar', { name: 'Export progress' }) as HTMLProgressElement).value).toBe(40);
    expect(screen.getByText('Writing the file…')).toBeInTheDocument();

    run.resolve(saved());
    expect(await screen.findByText('Saved /home/grace/Backend Engineer.xlsx — 12 candidates, 480 rows')).toBeInTheDocument();
    expect(screen.getByTestId('export-message')).toHaveAttribute('role', 'status');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(off).toHaveBeenCalled();
  });

  it('says nothing when the export is cancelled', async () => {
    const { user } = await setup();
    vi.mocked(Exports.Workbook).mockResolvedValue({ saved: false, path: '', candidates: 0, rows: 0 } as ExportResult);
    await user.click(screen.getByRole('button', { name: 'Export workbook…' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Export workbook…' })).toBeEnabled());
    expect(screen.getByTestId('export-message').textContent).toBe('');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(off).toHaveBeenCalled();
  });

  it('shows an export error as an alert', async () => {
    const { user } = await setup();
    vi.mocked(Exports.Workbook).mockRejectedValue(backendError('internal', 'export to Backend.xlsx: disk full'));
    await user.click(screen.getByRole('button', { name: 'Export workbook…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The export failed: export to Backend.xlsx: disk full');
    expect(screen.getByTestId('export-message').textContent).toBe('');
    expect(off).toHaveBeenCalled();
  });

  it('exports a CSV of the chosen kind, with or without a BOM', async () => {
    const { user } = await setup();
    vi.mocked(Exports.CSV).mockResolvedValue(saved({ path: '/tmp/backend-scorecards.csv', candidates: 1, rows: 1 }));
    const toggle = screen.getByRole('button', { name: /Export CSV…/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    const menu = screen.getByRole('group', { name: 'Export CSV' });
    const bom = within(menu).getByRole('checkbox', { name: 'Add BOM for Excel' });
    expect(bom).toBeChecked();
    await user.click(bom);
    await user.click(within(menu).getByRole('button', { name: /Scorecards/ }));
    expect(Exports.CSV).toHaveBeenCalledWith(1, 'scorecards', false);
    expect(await screen.findByText('Saved /tmp/backend-scorecards.csv — 1 candidate, 1 row')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Export CSV' })).toBeNull();
  });

  it('offers to try again when the debrief cannot be loaded', async () => {
    vi.mocked(Interviews.RoleDebrief).mockRejectedValueOnce(backendError('internal', 'database is locked'));
    const user = userEvent.setup();
    render(DebriefScreen, { roles });
    expect(await screen.findByRole('alert')).toHaveTextContent('The debrief could not be loaded: database is locked');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('ranking-row')).toHaveLength(5);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('reloads when the role changes or another screen bumps the version', async () => {
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Ada Lovelace' }));
    expect(screen.getByTestId('candidate-debrief')).toBeInTheDocument();

    // Another screen changed something: reload, staying on the candidate.
    vi.mocked(Interviews.RoleDebrief).mockResolvedValue(debriefOf({ candidates: [ada, bob] }));
    ui.changed();
    await waitFor(() => expect(Interviews.RoleDebrief).toHaveBeenCalledTimes(2));
    expect(screen.getByTestId('candidate-debrief')).toBeInTheDocument();

    // Another role: back to its ranking.
    vi.mocked(Interviews.RoleDebrief).mockResolvedValue(debriefOf({ roleId: 2, roleTitle: 'Designer', candidates: [cleo] }));
    await user.click(screen.getByRole('tab', { name: 'Designer' }));
    expect(ui.roleId).toBe(2);
    await waitFor(() => expect(Interviews.RoleDebrief).toHaveBeenLastCalledWith(2));
    await waitFor(() => expect(screen.getAllByTestId('ranking-row')).toHaveLength(1));
    expect(screen.getByRole('button', { name: 'Cleo Park' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Candidate' })).toBeDisabled();
  });
});
