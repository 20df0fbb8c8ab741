// The overall recommendations, worst to best, in Go's words (rubric.RecommendationOptions), fetched once and shared by every screen.
import * as Interviews from '../wailsjs/go/app/Interviews';
import type { rubric } from '../wailsjs/go/models';

export type RecommendationOption = rubric.RecommendationOption;

/**
 * Go's list, filled in place when it first answers (empty until then): the
 * api calls whose screens show recommendations wait for it with their data.
 */
export const RECOMMENDATIONS: RecommendationOption[] = $state([]);

let asking: Promise<void> | null = null;

/** Asks Go for the list unless it is here; a failed or empty answer is asked again next time. */
export function loadRecommendations(): Promise<void> {
  if (RECOMMENDATIONS.length) return Promise.resolve();
  asking ??= Promise.resolve(Interviews.Recommendations())
    .then((list) => {
      if (!RECOMMENDATIONS.length && list?.length) RECOMMENDATIONS.push(...list);
    })
    .catch(() => {})
    .finally(() => {
      asking = null;
    });
  return asking;
}

/** Go's words for a recommendation value ('' for none or an unknown one). */
export function recommendationLabel(value: string | null | undefined): string {
  return RECOMMENDATIONS.find((r) => r.value === value)?.label ?? '';
}

/** p's answer, once the recommendations are here too. */
export async function withRecommendations<T>(p: Promise<T>): Promise<T> {
  const [v] = await Promise.all([p, loadRecommendations()]);
  return v;
}
