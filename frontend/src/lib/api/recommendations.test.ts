// Tests the recommendations the UI shows: Go's list, asked once, waited for by the calls whose screens show it, and asked again after a failure.
import * as Interviews from '../wailsjs/go/app/Interviews';
import { GO_RECOMMENDATIONS } from '../../test/recommendations';
import { scorecard } from '../../test/fixtures';
import type { ScorecardView } from './index';

vi.mock('../wailsjs/go/app/Interviews');
vi.mock('../wailsjs/runtime/runtime');

// Each test starts with a fresh module, so an empty list.
async function fresh() {
  vi.resetModules();
  return import('./index');
}

beforeEach(() => {
  vi.resetAllMocks();
});

describe('recommendations', () => {
  it('are Go’s, asked once, with their labels', async () => {
    vi.mocked(Interviews.Recommendations).mockResolvedValue(GO_RECOMMENDATIONS);
    const m = await fresh();
    expect(m.RECOMMENDATIONS).toEqual([]);
    await Promise.all([m.loadRecommendations(), m.loadRecommendations()]);
    await m.loadRecommendations();
    expect(Interviews.Recommendations).toHaveBeenCalledTimes(1);
    expect(m.RECOMMENDATIONS.map((r) => r.label)).toEqual(['Strong no', 'No', 'Yes', 'Strong yes']);
    expect(m.recommendationLabel('strong_yes')).toBe('Strong yes');
    expect(m.recommendationLabel('')).toBe('');
  });

  it('arrive with the interview the runner opens', async () => {
    const v = { card: scorecard({ id: 7 }), rubric: {} } as ScorecardView;
    vi.mocked(Interviews.StartInterview).mockResolvedValue(v);
    let answer!: (list: typeof GO_RECOMMENDATIONS) => void;
    vi.mocked(Interviews.Recommendations).mockReturnValue(new Promise((r) => (answer = r)));
    const m = await fresh();
    let opened = false;
    const p = m.api.startInterview(100, 1).then((got) => {
      opened = true;
      return got;
    });
    await Promise.resolve();
    expect(opened).toBe(false); // still waiting for Go's list
    answer(GO_RECOMMENDATIONS);
    expect(await p).toBe(v);
    expect(m.RECOMMENDATIONS).toHaveLength(4);
  });

  it('are asked again when Go did not answer', async () => {
    vi.mocked(Interviews.Recommendations).mockRejectedValueOnce(new Error('window closing')).mockResolvedValue(GO_RECOMMENDATIONS);
    const m = await fresh();
    await m.loadRecommendations();
    expect(m.RECOMMENDATIONS).toEqual([]);
    await m.loadRecommendations();
    expect(Interviews.Recommendations).toHaveBeenCalledTimes(2);
    expect(m.RECOMMENDATIONS).toHaveLength(4);
  });
});
