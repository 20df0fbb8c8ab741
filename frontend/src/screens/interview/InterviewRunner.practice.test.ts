// The runner offers the calibration drill before the first score when Go says its interviewer has not practised the rubric in use.
import { screen } from '@testing-library/svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import type { ScorecardView } from '../../lib/api';
import { ui } from '../../lib/stores/ui.svelte';
import { open, resetRunner, settleRunner, view } from './runnerTestKit';

vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

beforeEach(resetRunner);
afterEach(settleRunner);

const practice = (p: Partial<ScorecardView['practice']>, over = {}) =>
  ({ ...view(over), practice: { rubricId: 3, samples: 32, practised: false, ...p } }) as ScorecardView;

describe('InterviewRunner: practice before the first score', () => {
  it('offers the drill to an interviewer who has not practised, and takes them to it', async () => {
    ui.screen = 'interview';
    const { user } = await open(practice({}));
    expect(screen.getByTestId('practice-hint')).toHaveTextContent('You have not practised on this rubric yet');
    await user.click(screen.getByRole('button', { name: 'Practise first' }));
    expect(ui.screen).toBe('rubrics');
    expect(ui.practiseRubricId).toBe(3);
    expect(ui.interview).toBeNull();
  });

  it('says nothing once practised, once scoring has begun, or when the rubric has no samples', async () => {
    for (const v of [practice({ practised: true }), practice({}, { answers: { q1: { score: 2 } } }), practice({ samples: 0 })]) {
      const { r } = await open(v);
      expect(screen.queryByTestId('practice-hint')).toBeNull();
      r.unmount();
    }
  });

  it('"Not now" puts the offer away', async () => {
    const { user } = await open(practice({}));
    await user.click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.queryByTestId('practice-hint')).toBeNull();
    expect(Interviews.StartInterview).toHaveBeenCalledTimes(1);
  });
});
