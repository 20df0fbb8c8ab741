// Tests the debrief's statistic names (ICC forms and alpha levels in report order) and number formats (true minus, no negative zero).
import { ALPHA_FORMS, ICC_FORMS, fixed, signed } from './explain';

// What a value means is the backend's to say (app/stats/words.go, tested
// there); this module only names the forms and formats numbers.

describe('statistic names', () => {
  it('lists the six ICC forms and four alpha levels in report order, with their intervals', () => {
    expect(ICC_FORMS.map((f) => [f.key, f.ciKey, f.label])).toEqual([
      ['icc_1_1', 'icc_1_1_ci', 'ICC(1,1)'],
      ['icc_2_1', 'icc_2_1_ci', 'ICC(2,1)'],
      ['icc_3_1', 'icc_3_1_ci', 'ICC(3,1)'],
      ['icc_1_k', 'icc_1_k_ci', 'ICC(1,k)'],
      ['icc_2_k', 'icc_2_k_ci', 'ICC(2,k)'],
      ['icc_3_k', 'icc_3_k_ci', 'ICC(3,k)'],
    ]);
    expect(ALPHA_FORMS.map((f) => f.key)).toEqual(['alpha_nominal', 'alpha_ordinal', 'alpha_interval', 'alpha_ratio']);
    for (const f of [...ICC_FORMS, ...ALPHA_FORMS]) expect(f.about).not.toBe('');
  });
});

describe('number formats', () => {
  it('signs with a true minus and no negative zero', () => {
    expect(signed(6.24)).toBe('+6.2');
    expect(signed(-3.06)).toBe('−3.1');
    expect(signed(-0.01)).toBe('0.0');
    expect(signed(0)).toBe('0.0');
    expect(signed(1.234, 2)).toBe('+1.23');
    expect(fixed(-0.001, 2)).toBe('0.00');
    expect(fixed(0.125, 1)).toBe('0.1');
  });
});
