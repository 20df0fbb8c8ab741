// Tests how AI figures read: money, what redaction took out, and a quote
// found in the resume by Go's byte offsets (multi-byte text included).
import { inContext, redactedWords, usd } from './words';

describe('words', () => {
  it('keeps small costs visible', () => {
    expect(usd(0)).toBe('$0');
    expect(usd(0.00005)).toBe('under $0.0001');
    expect(usd(0.0005253)).toBe('$0.0005');
    expect(usd(12.5)).toBe('$12.50');
  });

  it('says what redaction took out, in order', () => {
    expect(redactedWords({ pronoun: 3, name: 2, email: 1 })).toBe('2 names, 1 email address and 3 gendered pronouns');
    expect(redactedWords({ phone: 1 })).toBe('1 phone number');
    expect(redactedWords({})).toBe('');
  });

  it('places a quote by byte offsets in text with multi-byte letters', () => {
    const resume = 'Zoë Ångström — Malmö\nBuilt the façade service.\nLed 3 teams.';
    const quote = 'Built the façade service.';
    const start = new TextEncoder().encode(resume.slice(0, resume.indexOf(quote))).length;
    const end = start + new TextEncoder().encode(quote).length;
    expect(inContext(resume, quote, start, end)).toEqual({ before: 'Zoë Ångström — Malmö\n', quote, after: '\nLed 3 teams.' });
    // The text changed since Go read it: the quote alone.
    expect(inContext('Something else entirely, longer than before.', quote, start, end)).toEqual({ before: '', quote, after: '' });
  });
});
