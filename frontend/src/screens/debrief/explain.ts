// Presentation of the calibration statistics: their names, what each form
// measures, and number formats. What a value means (bands, verdicts, why a
// statistic is missing, caveats) comes from the backend, in the report's
// explanations, caveats and each interviewer's verdict and meaning
// (app/stats/words.go), so the app and the committee workbook say the same.

export type IccKey = 'icc_1_1' | 'icc_2_1' | 'icc_3_1' | 'icc_1_k' | 'icc_2_k' | 'icc_3_k';
export type AlphaKey = 'alpha_nominal' | 'alpha_ordinal' | 'alpha_interval' | 'alpha_ratio';

export type IccForm = {
  key: IccKey;
  ciKey: `${IccKey}_ci`;
  /** Textbook notation, e.g. "ICC(2,1)". */
  label: string;
  /** What the form measures, in a few words. */
  about: string;
};

export const ICC_FORMS: IccForm[] = [
  { key: 'icc_1_1', ciKey: 'icc_1_1_ci', label: 'ICC(1,1)', about: 'One interviewer; each answer may have been scored by different interviewers' },
  { key: 'icc_2_1', ciKey: 'icc_2_1_ci', label: 'ICC(2,1)', about: 'One interviewer; agreement on the exact score' },
  { key: 'icc_3_1', ciKey: 'icc_3_1_ci', label: 'ICC(3,1)', about: 'One interviewer; consistency of the ranking' },
  { key: 'icc_1_k', ciKey: 'icc_1_k_ci', label: 'ICC(1,k)', about: 'Panel average; each answer may have been scored by different interviewers' },
  { key: 'icc_2_k', ciKey: 'icc_2_k_ci', label: 'ICC(2,k)', about: 'Panel average; agreement on the exact score' },
  { key: 'icc_3_k', ciKey: 'icc_3_k_ci', label: 'ICC(3,k)', about: 'Panel average; consistency of the ranking' },
];

export type AlphaForm = { key: AlphaKey; label: string; about: string };

export const ALPHA_FORMS: AlphaForm[] = [
  { key: 'alpha_nominal', label: "Krippendorff's α (nominal)", about: 'Counts only exact matches; any difference is a disagreement' },
  { key: 'alpha_ordinal', label: "Krippendorff's α (ordinal)", about: 'Scores as an order: what matters is who ranks above whom' },
  { key: 'alpha_interval', label: "Krippendorff's α (interval)", about: 'Levels as distances: 3 levels apart is worse than 1' },
  { key: 'alpha_ratio', label: "Krippendorff's α (ratio)", about: 'Like interval, with differences judged relative to the size of the scores' },
];

/** A number to `digits` decimals, "−0.00" shown as "0.00". */
export function fixed(v: number, digits: number): string {
  const s = v.toFixed(digits);
  return Number(s) === 0 ? (0).toFixed(digits) : s;
}

/** "+6.2", "−3.1", "0.0": a signed number with a true minus sign. */
export function signed(v: number, digits = 1): string {
  const s = fixed(v, digits);
  if (Number(s) === 0) return s;
  return v > 0 ? `+${s}` : `−${s.slice(1)}`;
}
