// How AI figures read in the window: money, token counts, what redaction
// took out, a flag's status, and where a quote sits in the resume.

/** US dollars: small sums keep four decimals, so a suggestion's cost is not shown as $0.00. */
export function usd(x: number): string {
  if (!x) return '$0';
  if (x < 0.0001) return 'under $0.0001';
  return x < 1 ? `$${x.toFixed(4)}` : `$${x.toFixed(2)}`;
}

export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

const KINDS: Record<string, [string, string]> = {
  name: ['name', 'names'],
  email: ['email address', 'email addresses'],
  phone: ['phone number', 'phone numbers'],
  link: ['link', 'links'],
  location: ['location', 'locations'],
  honorific: ['title (Mr, Ms…)', 'titles (Mr, Ms…)'],
  pronoun: ['gendered pronoun', 'gendered pronouns'],
  interviewer: ["colleague's name", "colleagues' names"],
};

/** "1 name, 2 email addresses and 1 gendered pronoun"; '' when nothing was taken out. */
export function redactedWords(kinds: Record<string, number> | undefined): string {
  const parts = Object.entries(kinds ?? {})
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => Object.keys(KINDS).indexOf(a) - Object.keys(KINDS).indexOf(b))
    .map(([k, n]) => {
      const [one, many] = KINDS[k] ?? [k, k];
      return count(n, one, many);
    });
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export const STATUS_LABEL: Record<string, string> = { present: 'Present', absent: 'Absent', unclear: 'Unclear' };

const fold = (s: string) => s.toLowerCase().split(/\s+/).filter(Boolean).join(' ');

/**
 * The quote in its place in the resume: Go gives the span as byte offsets
 * into the saved resume text. When the text here no longer holds the quote
 * at that span (edited since), only the quote is shown.
 */
export function inContext(resume: string, quote: string, start: number, end: number, around = 60): { before: string; quote: string; after: string } {
  const bytes = new TextEncoder().encode(resume ?? '');
  const dec = new TextDecoder();
  if (end > start && end <= bytes.length) {
    const span = dec.decode(bytes.slice(start, end));
    if (fold(span) === fold(quote)) {
      const before = dec.decode(bytes.slice(0, start));
      const after = dec.decode(bytes.slice(end));
      const b = before.length > around ? '…' + before.slice(before.length - around).replace(/^\S*\s/, '') : before;
      const a = after.length > around ? after.slice(0, around).replace(/\s\S*$/, '') + '…' : after;
      return { before: b, quote: span, after: a };
    }
  }
  return { before: '', quote, after: '' };
}
