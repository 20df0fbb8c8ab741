// Tests the bundles dialog: exporting mine or the whole workspace, cancelled dialogs, the import report and its errors, and busy buttons.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import BundlesDialog from './BundlesDialog.svelte';
import * as Transfer from '../../lib/wailsjs/go/app/Transfer';
import { ui } from '../../lib/stores/ui.svelte';
import type { BundleReport, BundleResult } from '../../lib/api';
import { backendError, resetUi } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Transfer');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

type Counts = BundleReport['created'];

function counts(over: Partial<Counts> = {}): Counts {
  return {
    roles: 0, stages: 0, rounds: 0, rubrics: 0, rubricVersions: 0, candidates: 0, applications: 0, attachments: 0,
    scorecards: 0, revisions: 0, profiles: 0, ...over,
  } as Counts;
}

function saved(over: Partial<BundleResult> = {}): BundleResult {
  return {
    saved: true,
    path: '/home/ada/hirebench-scorecards-ada.hbundle',
    summary: { format: 'hirebench-bundle/1', createdAt: '2026-01-05T09:00:00Z', scope: 'scorecards', author: 'Ada', counts: counts({ scorecards: 3, candidates: 2, roles: 1 }), bytes: 2048, skipped: [] },
    ...over,
  } as BundleResult;
}

function report(over: Partial<BundleReport> = {}): BundleReport {
  return {
    format: 'hirebench-bundle/1', scope: 'scorecards', author: 'Ada Lovelace', createdAt: '2026-01-05T09:00:00Z', appVersion: '1.0.0',
    created: counts({ scorecards: 2, revisions: 1 }), unchanged: counts({ roles: 1, candidates: 2, applications: 2 }),
    conflicts: [], refused: [], notes: [],
    ...over,
  } as BundleReport;
}

function setup() {
  const onclose = vi.fn();
  const user = userEvent.setup();
  render(BundlesDialog, { onclose });
  const dialog = screen.getByRole('dialog', { name: 'Bundles — move work between laptops' });
  return { user, onclose, dialog };
}

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
});

describe('BundlesDialog', () => {
  it('explains what bundles are for', () => {
    const { dialog } = setup();
    expect(dialog).toHaveTextContent('Importing twice changes nothing; local data is never overwritten — differences are listed.');
  });

  it('exports my submitted scorecards and shows where they were saved', async () => {
    vi.mocked(Transfer.ExportBundle).mockResolvedValue(saved());
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Export my submitted scorecards…' }));

    expect(Transfer.ExportBundle).toHaveBeenCalledWith(true);
    const box = await screen.findByTestId('bundle-saved');
    expect(box).toHaveTextContent('/home/ada/hirebench-scorecards-ada.hbundle');
    expect(box).toHaveTextContent('1 role, 2 candidates, 3 scorecards · 2.0 KB');
    expect(ui.version).toBe(0);
  });

  it('exports the whole workspace', async () => {
    vi.mocked(Transfer.ExportBundle).mockResolvedValue(saved({ path: '/tmp/hirebench-workspace.hbundle' }));
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Export the whole workspace…' }));
    expect(Transfer.ExportBundle).toHaveBeenCalledWith(false);
    expect(await screen.findByTestId('bundle-saved')).toHaveTextContent('Saved the workspace to /tmp/hirebench-workspace.hbundle');
  });

  it('shows nothing when the save dialog is cancelled', async () => {
    vi.mocked(Transfer.ExportBundle).mockResolvedValue({ saved: false, path: '', summary: {} } as BundleResult);
    const { user } = setup();
    const button = screen.getByRole('button', { name: 'Export my submitted scorecards…' });
    await user.click(button);
    expect(Transfer.ExportBundle).toHaveBeenCalled();
    expect(button).toBeEnabled();
    expect(screen.queryByTestId('bundle-saved')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows nothing when the open dialog is cancelled', async () => {
    vi.mocked(Transfer.ImportBundle).mockResolvedValue(null as unknown as BundleReport);
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Import a bundle…' }));
    expect(Transfer.ImportBundle).toHaveBeenCalled();
    expect(screen.queryByTestId('bundle-report')).toBeNull();
    expect(ui.version).toBe(0);
  });

  it('shows an import report: what was added, what was already here and the conflicts', async () => {
    vi.mocked(Transfer.ImportBundle).mockResolvedValue(
      report({
        conflicts: ['Ada Lovelace: the phone differs (kept +44 20 7946 0000)'],
        notes: ['stage “Offer” of Backend Engineer was added at the end'],
      }),
    );
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Import a bundle…' }));

    const rep = await screen.findByTestId('bundle-report');
    expect(rep).toHaveTextContent('Imported scorecards from Ada Lovelace');
    expect(rep).toHaveTextContent('Added 2 scorecards, 1 scorecard amendment.');
    expect(rep).toHaveTextContent('5 records were already here, unchanged.');
    expect(rep).not.toHaveTextContent('0 roles');
    const conflicts = screen.getByTestId('bundle-conflicts');
    expect(conflicts).toHaveTextContent('1 difference — the local version was kept');
    expect(within(conflicts).getByRole('listitem')).toHaveTextContent('Ada Lovelace: the phone differs (kept +44 20 7946 0000)');
    expect(rep).toHaveTextContent('stage “Offer” of Backend Engineer was added at the end');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(ui.version).toBe(1);
  });

  it('shows refused scorecards as an error', async () => {
    vi.mocked(Transfer.ImportBundle).mockResolvedValue(report({ created: counts(), refused: ['scorecard sc-7 (Ada Lovelace, Technical screen): its hash does not match'] }));
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Import a bundle…' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Refused');
    expect(alert).toHaveTextContent('scorecard sc-7 (Ada Lovelace, Technical screen): its hash does not match');
    expect(screen.getByTestId('bundle-report')).toHaveTextContent('Nothing new was added.');
  });

  it('shows a failed import as an alert', async () => {
    vi.mocked(Transfer.ImportBundle).mockRejectedValue(backendError('invalid', 'scores.hbundle is not a hirebench bundle'));
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Import a bundle…' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The bundle was not imported.');
    expect(alert).toHaveTextContent('scores.hbundle is not a hirebench bundle');
    expect(ui.version).toBe(0);
  });

  it('disables the actions while one runs', async () => {
    let done!: (r: BundleResult) => void;
    vi.mocked(Transfer.ExportBundle).mockReturnValue(new Promise((r) => (done = r)));
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Export the whole workspace…' }));
    expect(screen.getByRole('status')).toHaveTextContent('Writing the bundle…');
    expect(screen.getByRole('button', { name: 'Import a bundle…' })).toBeDisabled();
    done(saved());
    expect(await screen.findByTestId('bundle-saved')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import a bundle…' })).toBeEnabled();
  });
});
