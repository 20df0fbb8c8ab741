// Tests the debrief's export bar: cancelling a workbook export while it is written or closing its save dialog, and Go's reason when this profile may not export.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ExportBar from './ExportBar.svelte';
import * as Exports from '../../lib/wailsjs/go/app/Exports';
import * as Runtime from '../../lib/wailsjs/runtime/runtime';
import type { ExportResult } from '../../lib/api';

vi.mock('../../lib/wailsjs/go/app/Exports');
vi.mock('../../lib/wailsjs/runtime/runtime');

describe('ExportBar', () => {
  let progress: ((p: unknown) => void) | undefined;
  beforeEach(() => {
    vi.mocked(Runtime.EventsOn).mockImplementation((_name, fn) => {
      progress = fn as (p: unknown) => void;
      return () => {};
    });
  });

  it('can cancel an export while it is written, and says nothing was written', async () => {
    let finish!: (r: ExportResult) => void;
    vi.mocked(Exports.Workbook).mockReturnValue(new Promise((resolve) => (finish = resolve)));
    vi.mocked(Exports.CancelExport).mockResolvedValue();
    const user = userEvent.setup();
    render(ExportBar, { roleId: 1 });
    await user.click(screen.getByRole('button', { name: 'Export workbook…' }));
    progress?.({ stage: 'writing', percent: 40 });
    await user.click(await screen.findByTestId('export-cancel'));
    expect(Exports.CancelExport).toHaveBeenCalled();
    finish({ saved: false, cancelled: true, path: '/tmp/x.xlsx', candidates: 0, rows: 0 } as ExportResult);
    await waitFor(() => expect(screen.getByTestId('export-message')).toHaveTextContent('Export cancelled; nothing was written.'));
    expect(screen.queryByTestId('export-cancel')).toBeNull();
  });

  it('says nothing was written, and shows no error, when the save dialog is closed', async () => {
    // Go ends an export whose dialog was closed as cancelled, with no path.
    vi.mocked(Exports.Workbook).mockResolvedValue({ saved: false, cancelled: true, path: '', candidates: 0, rows: 0 } as ExportResult);
    const user = userEvent.setup();
    render(ExportBar, { roleId: 1 });
    await user.click(screen.getByRole('button', { name: 'Export workbook…' }));
    await waitFor(() => expect(screen.getByTestId('export-message')).toHaveTextContent('Export cancelled; nothing was written.'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByTestId('export-cancel')).toBeNull();
    expect(screen.getByRole('button', { name: 'Export workbook…' })).toBeEnabled();
  });

  it("shows Go's reason when this profile may not export", () => {
    const reason = "The committee workbook holds every interviewer's scorecards, so only the recruiter exports it.";
    render(ExportBar, { roleId: 1, disabled: true, reason });
    expect(screen.getByRole('button', { name: 'Export workbook…' })).toBeDisabled();
    expect(screen.getByTestId('export-reason')).toHaveTextContent(reason);
  });
});
