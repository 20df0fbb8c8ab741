import {
  alphaBand,
  errorFor,
  explainAlpha,
  explainError,
  explainIcc,
  explainNote,
  fixed,
  iccBand,
  leniencyWord,
  plainWords,
  signed,
} from './explain';

describe('iccBand (Koo & Li 2016)', () => {
  it.each([
    [-0.3, 'poor'],
    [0, 'poor'],
    [0.49, 'poor'],
    [0.494, 'poor'],
    [0.495, 'moderate'], // printed as 0.50
    [0.5, 'moderate'],
    [0.744, 'moderate'],
    [0.7496, 'good'], // printed as 0.75
    [0.75, 'good'],
    [0.9, 'good'],
    [0.904, 'good'], // printed as 0.90
    [0.906, 'excellent'],
    [1, 'excellent'],
  ])('%f is %s', (v, band) => {
    expect(iccBand(v)).toBe(band);
  });
});

describe('alphaBand (Krippendorff 2004)', () => {
  it.each([
    [-0.2, 'unreliable'],
    [0.666, 'unreliable'],
    [0.6666, 'tentative'], // printed as 0.667
    [0.667, 'tentative'],
    [0.799, 'tentative'],
    [0.7996, 'reliable'], // printed as 0.800
    [0.8, 'reliable'],
    [1, 'reliable'],
  ])('%f is %s', (v, band) => {
    expect(alphaBand(v)).toBe(band);
  });
});

describe('explainIcc', () => {
  it('talks about one interviewer for the single-rater forms', () => {
    expect(explainIcc('icc_2_1', 0.62)).toBe("Moderate agreement (0.62): one interviewer's score on its own is usable but noisy.");
    expect(explainIcc('icc_1_1', 0.3)).toBe("Poor agreement (0.30): one interviewer's score on its own is unreliable.");
    expect(explainIcc('icc_3_1', 0.8)).toBe("Good consistency (0.80): one interviewer's ranking on its own is dependable.");
  });

  it("talks about the panel's average for the k forms", () => {
    expect(explainIcc('icc_2_k', 0.93)).toBe("Excellent agreement (0.93): the panel's average score is highly dependable.");
    expect(explainIcc('icc_1_k', 0.2)).toBe("Poor agreement (0.20): even the panel's average score is unreliable.");
    expect(explainIcc('icc_3_k', 0.76)).toBe("Good consistency (0.76): the panel's average ranking is dependable.");
  });

  it('picks the band from the printed value', () => {
    expect(explainIcc('icc_2_1', 0.7496)).toMatch(/^Good agreement \(0\.75\)/);
  });

  it('says so when there is no value', () => {
    expect(explainIcc('icc_2_1', undefined)).toBe('ICC(2,1) could not be computed from these scores.');
    expect(explainIcc('icc_2_1', null)).toBe('ICC(2,1) could not be computed from these scores.');
    expect(explainIcc('icc_2_1', NaN)).toBe('ICC(2,1) could not be computed from these scores.');
  });
});

describe('explainAlpha', () => {
  it('uses three decimals and the three bands', () => {
    expect(explainAlpha(0.85)).toBe('Reliable (0.850): interviewers agree well enough to trust these scores.');
    expect(explainAlpha(0.7)).toBe('Tentative (0.700): interviewers agree only well enough for tentative conclusions.');
    expect(explainAlpha(0.1)).toBe('Unreliable (0.100): interviewers disagree too much to draw conclusions from these scores.');
    expect(explainAlpha(0.6666)).toMatch(/^Tentative \(0\.667\)/);
    expect(explainAlpha(undefined)).toBe('Alpha could not be computed from these scores.');
  });
});

describe('leniencyWord', () => {
  it.each([
    [2, 'lenient'],
    [3.4, 'lenient'],
    [-2, 'severe'],
    [-5, 'severe'],
    [1.99, 'in line'],
    [-1.5, 'in line'],
    [0, 'in line'],
    [NaN, 'in line'],
  ])('z = %f is %s', (z, word) => {
    expect(leniencyWord(z)).toBe(word);
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

describe('errors and notes in plain words', () => {
  it('translates vocabulary', () => {
    expect(plainWords("3 subjects × 2 raters; the raters' scores; one subject, one rater")).toBe(
      "3 rated answers × 2 interviewers; the interviewers' scores; one rated answer, one interviewer",
    );
  });

  it('explains why the ICC is missing', () => {
    expect(explainError('icc: too few raters: ICC needs at least 2 raters, got 1')).toBe(
      'Not enough data for ICC: ICC needs at least 2 interviewers, got 1.',
    );
    expect(explainError('icc: too few subjects: ICC needs at least 2 subjects scored by all 3 raters, got 1 (2 dropped for missing ratings)')).toBe(
      'Not enough data for ICC: ICC needs at least 2 rated answers scored by all 3 interviewers, got 1 (2 dropped for missing ratings)',
    );
    expect(explainError('icc: no variance between subjects: all 4 subjects have the same mean score, so there are no differences between subjects for raters to agree on')).toBe(
      'Nothing to compare for ICC: all 4 rated answers have the same mean score, so there are no differences between rated answers for interviewers to agree on.',
    );
  });

  it('groups the alpha levels', () => {
    expect(
      explainError('alpha_nominal, alpha_ordinal, alpha_interval, alpha_ratio: no pairable values: alpha needs at least one subject scored by two or more raters'),
    ).toBe("Not enough data for Krippendorff's alpha: alpha needs at least one rated answer scored by two or more interviewers.");
    expect(explainError('alpha_ratio: too many distinct scores: ratio alpha supports at most 1000 distinct scores, found 1200')).toBe(
      "Does not apply for Krippendorff's alpha (ratio): ratio alpha supports at most 1000 distinct scores, found 1200.",
    );
  });

  it('explains an unbounded interval and an empty input', () => {
    expect(explainError('icc_1_1_ci: the lower confidence limit is unbounded (−∞): the data are too few or too inconsistent to bound this value from below')).toMatch(
      /^Too uncertain for the ICC\(1,1\) confidence interval: the lower confidence limit is unbounded/,
    );
    expect(explainError('input: no ratings')).toBe('Not enough data: there are no submitted scores yet.');
    expect(explainError('something odd')).toBe('Could not compute: something odd.');
  });

  it('rewrites notes', () => {
    expect(explainNote('icc: 5 subjects × 3 raters; intervals are 95% confidence intervals (Shrout & Fleiss 1979)')).toBe(
      'ICC: 5 rated answers × 3 interviewers; intervals are 95% confidence intervals (Shrout & Fleiss 1979)',
    );
  });

  it('finds the error behind a missing statistic', () => {
    const report = {
      errors: [
        'icc_2_k: ICC(2,k) is undefined: too small',
        'alpha_ratio: negative score at ratio level: the ratio level needs scores ≥ 0, found -1',
      ],
    };
    expect(errorFor(report, 'icc_2_k')).toBe('icc_2_k: ICC(2,k) is undefined: too small');
    expect(errorFor(report, 'icc_2_1')).toBeUndefined();
    expect(errorFor(report, 'alpha_ratio')).toMatch(/^alpha_ratio/);
    expect(errorFor({ errors: ['icc: too few raters: x'] }, 'icc_3_1')).toBe('icc: too few raters: x');
    expect(errorFor({ errors: ['input: no ratings'] }, 'alpha_nominal')).toBe('input: no ratings');
    expect(errorFor({ errors: null as unknown as string[] }, 'alpha_nominal')).toBeUndefined();
  });
});
