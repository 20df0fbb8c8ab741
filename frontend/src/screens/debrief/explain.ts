// Number formats for the calibration statistics. Everything else about a
// statistic is the backend's (app/stats): its label and what it measures
// (report.statistics, calibration.labels), what a value means, why it is
// missing, the caveats and each interviewer's verdict, so the app and the
// committee workbook say the same.

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
