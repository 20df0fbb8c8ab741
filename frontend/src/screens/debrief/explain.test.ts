// Tests the debrief's number formats (true minus, no negative zero).
import { fixed, signed } from './explain';

// A statistic's label, what it measures and what its value means are the
// backend's (app/stats, tested there); this module only formats numbers.

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
