// Words and small rules the import wizard's steps share: field labels, counts in words, and where the server's mapping errors go.
import { ApiError, type ImportCellError } from '../../lib/api';

export type Step = 1 | 2 | 3 | 4;
export type Policy = 'skip' | 'merge';
/** Go's one tally of the rows (importer.Counts): the preview, the Import button and the result all show these. */
export type Counts = { rows: number; create: number; merge: number; skip: number; error: number; import: number };
export const NO_COUNTS: Counts = { rows: 0, create: 0, merge: 0, skip: 0, error: 0, import: 0 };

/** What each target field is called on screen (Go: app/importer/mapping.go). */
export const LABELS: Record<string, string> = {
  name: 'Full name',
  first_name: 'First name',
  last_name: 'Last name',
  email: 'Email',
  phone: 'Phone',
  location: 'Location',
  source: 'Source',
  tags: 'Tags',
  resume: 'Resume text',
  linkedin: 'LinkedIn',
  github: 'GitHub',
  portfolio: 'Portfolio',
  notes: 'Notes',
  job: 'Job (role)',
  stage: 'Current stage',
};
/** The fields offered when the server has not said which (before the first preview). */
export const FALLBACK_FIELDS = Object.keys(LABELS);

export const STEPS: { n: Step; title: string }[] = [
  { n: 1, title: 'Choose a file' },
  { n: 2, title: 'Map columns' },
  { n: 3, title: 'Roles and stages' },
  { n: 4, title: 'Import' },
];

export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError('internal', e instanceof Error ? e.message : String(e));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Where Go reports a problem with one field's column: `mapping.<field>` (Go: importer.MappingPath). */
const MAPPING_PATH = 'mapping.';

/** True when the server refused the mapping itself (not the file or a row). */
export function isMappingError(e: ApiError): boolean {
  return e.code === 'invalid' && e.fields.length > 0 && e.fields.every((f) => f.field === 'mapping' || f.field.startsWith(MAPPING_PATH));
}

export type MappingErrors = { byField: Record<string, string[]>; sheet: string[]; other: string[] };

/**
 * Puts the server's messages about the mapping next to the selects they
 * belong to: by the field Go names in the path (`mapping.email`), on the
 * sheet select (when the file has several sheets), or in the list under the
 * mapping. The messages are shown as Go words them.
 */
export function splitMappingErrors(e: ApiError | null, fields: string[], manySheets: boolean): MappingErrors {
  const out: MappingErrors = { byField: {}, sheet: [], other: [] };
  if (!e) return out;
  if (!e.fields.length) {
    out.other.push(e.message);
    return out;
  }
  for (const f of e.fields) {
    const field = f.field.startsWith(MAPPING_PATH) ? f.field.slice(MAPPING_PATH.length) : '';
    if (f.field === 'sheet' && manySheets) out.sheet.push(f.message);
    else if (fields.includes(field)) (out.byField[field] ??= []).push(f.message);
    else out.other.push(f.message);
  }
  return out;
}

/** File rows by number, as Go lists them (the first few of count): "row 4", "rows 4, 5 and 3 more". */
export function rowsText(rows: number[], count = rows.length): string {
  const more = count - rows.length;
  return `${count === 1 ? 'row' : 'rows'} ${rows.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** One row's problem in words: the row, and the column or field when known. */
export function errorText(e: ImportCellError): string {
  if (e.column) return `Row ${e.row}, column “${e.column}”: ${e.message}`;
  if (e.field) return `Row ${e.row}, ${LABELS[e.field] ?? e.field}: ${e.message}`;
  return `Row ${e.row}: ${e.message}`;
}
