// The debrief's Validity view: shown only when Go says this profile may; the empty state says what to record; n, r, its interval and rho per predictor, Go's small-sample warning said once per outcome and Go's range-restriction caveat as they are.
import { screen, within } from '@testing-library/svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import type { ValidityReport } from '../../lib/api';
import { ui } from '../../lib/stores/ui.svelte';
import { rights } from '../../test/fixtures';
import { resetDebrief, setup } from './debriefTestKit';

vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/Exports');
vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');
vi.mock('chart.js', () => import('./fakeChart'));

const EMPTY = 'No outcomes recorded yet for this role. Open a hired candidate and record their rating at 90 days (Go says so).';
const RANGE = 'Only hired candidates have outcomes (Go says so).';
const WARN = 'Only 5 pairs: read its interval, not r alone (Go says so).';

const stats = (n: number, r?: number, ci?: number[], rho?: number, notes: string[] = []) => ({ n, pearson_r: r, pearson_ci: ci, spearman_rho: rho, warning: n && n < 30 ? WARN : '', notes });

function report(people: number): ValidityReport {
  return {
    roleId: 1,
    roleTitle: 'Backend Engineer',
    people,
    scale: '1 (well below expectations) to 5 (well above)',
    rangeRestriction: RANGE,
    empty: people ? '' : EMPTY,
    measures: people
      ? [
          {
            key: 'rating90d',
            label: 'Rating at 90 days (1–5)',
            rows: [
              { predictor: 'composite', label: 'Interview composite (0–100)', stats: stats(5, 0.6934, [-0.4865, 0.9776], 0.6669) },
              { predictor: 'craft', label: 'Craft', stats: stats(5, -0.25, [-0.93, 0.81], -0.2) },
            ],
          },
          { key: 'rating1y', label: 'Rating at 1 year (1–5)', rows: [{ predictor: 'composite', label: 'Interview composite (0–100)', stats: stats(0, undefined, undefined, undefined, ['Nobody hired has both.']) }] },
        ]
      : [],
  } as unknown as ValidityReport;
}

beforeEach(resetDebrief);

describe('DebriefScreen: validity', () => {
  it('offers no Validity view to an interviewer and never asks Go for it', async () => {
    ui.rights = rights(false);
    await setup();
    expect(screen.queryByRole('button', { name: 'Validity' })).toBeNull();
    expect(Interviews.Validity).not.toHaveBeenCalled();
  });

  it("says what to record while the role has no outcomes", async () => {
    ui.rights = rights(true);
    vi.mocked(Interviews.Validity).mockResolvedValue(report(0));
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Validity' }));
    expect(await screen.findByTestId('validity-empty')).toHaveTextContent(EMPTY);
    expect(Interviews.Validity).toHaveBeenCalledWith(1);
    expect(screen.queryByRole('table')).toBeNull();
  });

  it("shows n, r with its interval and rho per predictor, Go's warning once per outcome and the caveat", async () => {
    ui.rights = rights(true);
    vi.mocked(Interviews.Validity).mockResolvedValue(report(5));
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Validity' }));
    const view = await screen.findByTestId('validity');
    expect(within(view).getByTestId('range-restriction')).toHaveTextContent(RANGE);
    expect(view).toHaveTextContent('5 hired people have an outcome recorded');
    const [ninety, year] = within(view).getAllByTestId('validity-measure');
    expect(within(ninety).getAllByText(`⚠ ${WARN}`)).toHaveLength(1);
    const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent?.trim());
    const rows = within(ninety).getAllByRole('row').slice(1);
    expect(within(rows[0]).getByRole('rowheader')).toHaveTextContent('Interview composite (0–100)');
    expect(cells(rows[0])).toEqual(['5', '0.69', '−0.49 to 0.98', '0.67', '']);
    expect(cells(rows[1])).toEqual(['5', '−0.25', '−0.93 to 0.81', '−0.20', '']);
    expect(cells(within(year).getAllByRole('row')[1])).toEqual(['0', '—', '—', '—', 'Nobody hired has both.']);
  });
});
