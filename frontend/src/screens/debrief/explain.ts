// Plain-sentence explanations of the calibration statistics, for recruiters.
// Mirrors stats.Explain in the Go backend (app/stats/report.go): same bands,
// chosen from the value as printed (ICC to 2 decimals, alpha to 3), so a
// sentence never shows "0.75" next to the band below 0.75.
import type { StatsReport } from '../../lib/api';

export type IccKey = 'icc_1_1' | 'icc_2_1' | 'icc_3_1' | 'icc_1_k' | 'icc_2_k' | 'icc_3_k';
export type AlphaKey = 'alpha_nominal' | 'alpha_ordinal' | 'alpha_interval' | 'alpha_ratio';
export type IccBand = 'poor' | 'moderate' | 'good' | 'excellent';
export type AlphaBand = 'reliable' | 'tentative' | 'unreliable';
export type LeniencyWord = 'lenient' | 'severe' | 'in line';

export type IccForm = {
  key: IccKey;
  ciKey: `${IccKey}_ci`;
  /** Textbook notation, e.g. "ICC(2,1)". */
  label: string;
  /** 1, 2 or 3 (Shrout & Fleiss). */
  form: 1 | 2 | 3;
  /** true for the ICC(·,k) forms: the reliability of the panel's average. */
  average: boolean;
  /** What the form measures, in a few words. */
  about: string;
};

export const ICC_FORMS: IccForm[] = [
  { key: 'icc_1_1', ciKey: 'icc_1_1_ci', label: 'ICC(1,1)', form: 1, average: false, about: 'One interviewer; each answer may have been scored by different interviewers' },
  { key: 'icc_2_1', ciKey: 'icc_2_1_ci', label: 'ICC(2,1)', form: 2, average: false, about: 'One interviewer; agreement on the exact score' },
  { key: 'icc_3_1', ciKey: 'icc_3_1_ci', label: 'ICC(3,1)', form: 3, average: false, about: 'One interviewer; consistency of the ranking' },
  { key: 'icc_1_k', ciKey: 'icc_1_k_ci', label: 'ICC(1,k)', form: 1, average: true, about: "Panel average; each answer may have been scored by different interviewers" },
  { key: 'icc_2_k', ciKey: 'icc_2_k_ci', label: 'ICC(2,k)', form: 2, average: true, about: "Panel average; agreement on the exact score" },
  { key: 'icc_3_k', ciKey: 'icc_3_k_ci', label: 'ICC(3,k)', form: 3, average: true, about: "Panel average; consistency of the ranking" },
];

export type AlphaForm = { key: AlphaKey; label: string; about: string };

export const ALPHA_FORMS: AlphaForm[] = [
  { key: 'alpha_nominal', label: "Krippendorff's α (nominal)", about: 'Counts only exact matches; any difference is a disagreement' },
  { key: 'alpha_ordinal', label: "Krippendorff's α (ordinal)", about: 'Scores as an order: what matters is who ranks above whom' },
  { key: 'alpha_interval', label: "Krippendorff's α (interval)", about: 'Levels as distances: 3 levels apart is worse than 1' },
  { key: 'alpha_ratio', label: "Krippendorff's α (ratio)", about: 'Like interval, with differences judged relative to the size of the scores' },
];

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** Koo & Li (2016): below 0.5 poor, 0.5–0.75 moderate, 0.75–0.9 good, above 0.9 excellent. */
export function iccBand(value: number): IccBand {
  const v = Math.round(value * 100) / 100;
  if (v > 0.9) return 'excellent';
  if (v >= 0.75) return 'good';
  if (v >= 0.5) return 'moderate';
  return 'poor';
}

/** Krippendorff (2004): rely on α ≥ 0.800, tentative conclusions from 0.667, unreliable below. */
export function alphaBand(value: number): AlphaBand {
  const v = Math.round(value * 1000) / 1000;
  if (v >= 0.8) return 'reliable';
  if (v >= 0.667) return 'tentative';
  return 'unreliable';
}

function formOf(key: IccKey): IccForm {
  return ICC_FORMS.find((f) => f.key === key)!;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * One plain sentence about an ICC value, e.g. explainIcc('icc_2_1', 0.62) is
 * "Moderate agreement (0.62): one interviewer's score on its own is usable but noisy."
 * Single-rater forms (·,1) talk about one interviewer's score, the (·,k)
 * forms about the panel's average. ICC(3,·) measures consistency (the same
 * ranking), the others agreement on the actual score (McGraw & Wong 1996).
 */
export function explainIcc(key: IccKey, value: number | null | undefined): string {
  const f = formOf(key);
  if (!finite(value)) return `${f.label} could not be computed from these scores.`;
  const band = iccBand(value);
  const what = f.form === 3 ? 'consistency' : 'agreement';
  const thing = f.form === 3 ? 'ranking' : 'score';
  const subject = f.average ? `the panel's average ${thing}` : `one interviewer's ${thing} on its own`;
  const verdict: Record<IccBand, string> = {
    poor: f.average ? `even ${subject} is unreliable` : `${subject} is unreliable`,
    moderate: `${subject} is usable but noisy`,
    good: `${subject} is dependable`,
    excellent: `${subject} is highly dependable`,
  };
  return `${capitalize(band)} ${what} (${fixed(value, 2)}): ${verdict[band]}.`;
}

/** One plain sentence about a Krippendorff's alpha value. */
export function explainAlpha(value: number | null | undefined): string {
  if (!finite(value)) return 'Alpha could not be computed from these scores.';
  const band = alphaBand(value);
  const v = fixed(value, 3);
  switch (band) {
    case 'reliable':
      return `Reliable (${v}): interviewers agree well enough to trust these scores.`;
    case 'tentative':
      return `Tentative (${v}): interviewers agree only well enough for tentative conclusions.`;
    default:
      return `Unreliable (${v}): interviewers disagree too much to draw conclusions from these scores.`;
  }
}

/** |z| ≥ 2: the interviewer clearly scores above (lenient) or below (severe) colleagues. */
export function leniencyWord(z: number): LeniencyWord {
  if (!finite(z) || Math.abs(z) < 2) return 'in line';
  return z > 0 ? 'lenient' : 'severe';
}

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

// ---- errors and notes

const NAMES: Record<string, string> = {
  input: 'the ratings',
  icc: 'ICC',
  alpha: "Krippendorff's alpha",
};
for (const f of ICC_FORMS) {
  NAMES[f.key] = f.label;
  NAMES[f.ciKey] = `the ${f.label} confidence interval`;
}
for (const f of ALPHA_FORMS) NAMES[f.key] = `alpha (${f.key.slice('alpha_'.length)})`;

/** Statistics vocabulary → a recruiter's: raters are interviewers, subjects rated answers (candidate × question). */
export function plainWords(s: string): string {
  return s
    .replace(/\braters\b/g, 'interviewers')
    .replace(/\brater\b/g, 'interviewer')
    .replace(/\bsubjects\b/g, 'rated answers')
    .replace(/\bsubject\b/g, 'rated answer');
}

/** Splits "icc_2_1, icc_3_1: detail" into the names and the detail. */
function split(msg: string): { names: string[]; detail: string } {
  const m = /^([a-z0-9_]+(?:, [a-z0-9_]+)*): (.*)$/s.exec(msg.trim());
  if (!m) return { names: [], detail: msg.trim() };
  return { names: m[1].split(', '), detail: m[2] };
}

function listNames(names: string[]): string {
  const alphas = names.filter((n) => n.startsWith('alpha_'));
  const labels = names.filter((n) => !n.startsWith('alpha_')).map((n) => NAMES[n] ?? n);
  if (alphas.length === ALPHA_FORMS.length) labels.push("Krippendorff's alpha");
  else if (alphas.length) labels.push(`Krippendorff's alpha (${alphas.map((n) => n.slice('alpha_'.length)).join(', ')})`);
  return labels.join(', ');
}

const CAUSES: [RegExp, string][] = [
  [/^(too few raters|too few subjects|no pairable values|no ratings)\b/, 'Not enough data'],
  [/^(no variation|no variance between subjects)\b/, 'Nothing to compare'],
  [/^(negative score at ratio level|too many distinct scores)\b/, 'Does not apply'],
  [/^invalid ratings\b/, 'Invalid scores'],
  [/^the lower confidence limit is unbounded/, 'Too uncertain'],
];

/**
 * A report error in plain words: "icc: too few raters: ICC needs at least 2
 * raters, got 1" becomes "Not enough data for ICC: ICC needs at least 2
 * interviewers, got 1."
 */
export function explainError(msg: string): string {
  const { names, detail } = split(msg);
  let cause = 'Could not compute';
  let rest = detail;
  for (const [re, c] of CAUSES) {
    const m = re.exec(detail);
    if (m) {
      cause = c;
      // Drop the Go sentinel ("too few raters: …") when a longer detail follows.
      const after = detail.slice(m[0].length).replace(/^:\s*/, '');
      if (after && detail.slice(m[0].length).startsWith(':')) rest = after;
      break;
    }
  }
  if (rest === 'no ratings') rest = 'there are no submitted scores yet';
  const who = names.length && !(names.length === 1 && names[0] === 'input') ? ` for ${listNames(names)}` : '';
  return `${cause}${who}: ${sentence(plainWords(rest))}`;
}

/** A report note in plain words, e.g. "ICC: 5 rated answers × 3 interviewers; …". */
export function explainNote(msg: string): string {
  const { names, detail } = split(msg);
  const who = names.length ? `${names.map((n) => NAMES[n] ?? n).join(', ')}: ` : '';
  return `${who}${sentence(plainWords(detail))}`;
}

function sentence(s: string): string {
  const t = s.trim();
  if (!t) return t;
  return /[.!?)]$/.test(t) ? t : `${t}.`;
}

/** The error (raw) that explains why a statistic is missing, if any. */
export function errorFor(report: Pick<StatsReport, 'errors'>, key: IccKey | `${IccKey}_ci` | AlphaKey): string | undefined {
  const errors = report.errors ?? [];
  const names = (m: string) => split(m).names;
  const direct = errors.find((m) => names(m).includes(key));
  if (direct) return direct;
  if (key.startsWith('icc')) {
    const general = errors.find((m) => names(m).includes('icc'));
    if (general) return general;
  }
  return errors.find((m) => names(m).includes('input'));
}
