// Go's overall recommendations as Interviews.Recommendations sends them (rubric.RecommendationOptions), for tests that mock the bindings.
import * as Interviews from '../lib/wailsjs/go/app/Interviews';
import type { RecommendationOption } from '../lib/api';

export const GO_RECOMMENDATIONS = [
  { value: 'strong_no', label: 'Strong no' },
  { value: 'no', label: 'No' },
  { value: 'yes', label: 'Yes' },
  { value: 'strong_yes', label: 'Strong yes' },
] as RecommendationOption[];

/** The mocked binding answers with Go's list (the test file must vi.mock the Interviews bindings). */
export function goRecommends() {
  vi.mocked(Interviews.Recommendations).mockResolvedValue(GO_RECOMMENDATIONS);
}
