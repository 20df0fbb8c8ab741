// Tests the import wizard's shared rules: where the server's mapping errors are shown, and a row's problem in words.
import { ApiError, type ImportCellError } from '../../lib/api';
import { errorText, isMappingError, plural, splitMappingErrors } from './importWizard';

const FIELDS = ['name', 'first_name', 'last_name', 'email'];

describe('importWizard', () => {
  it('puts each mapping message next to the fields it names, ignoring quoted headers and spelling field names as words', () => {
    const e = new ApiError('invalid', 'invalid', [
      { field: 'mapping', message: 'map name, or first_name and last_name' },
      { field: 'mapping', message: 'column "email" is mapped twice' },
      { field: 'sheet', message: 'no sheet "Q3"' },
    ]);
    expect(isMappingError(e)).toBe(false);
    const one = splitMappingErrors(e, FIELDS, false);
    const message = 'map name, or first name and last name';
    expect(one.byField).toEqual({ name: [message], first_name: [message], last_name: [message] });
    // The header "email" is the file's, not the field: the message goes under the mapping.
    expect(one.other).toEqual(['column "email" is mapped twice', 'no sheet "Q3"']);
    expect(one.sheet).toEqual([]);
    // With several sheets, the sheet's message goes by its select.
    expect(splitMappingErrors(e, FIELDS, true).sheet).toEqual(['no sheet "Q3"']);
  });

  it('shows an error without fields as it is, and nothing without an error', () => {
    expect(splitMappingErrors(new ApiError('internal', 'disk full'), FIELDS, false)).toEqual({ byField: {}, sheet: [], other: ['disk full'] });
    expect(splitMappingErrors(null, FIELDS, false)).toEqual({ byField: {}, sheet: [], other: [] });
    expect(isMappingError(new ApiError('invalid', 'x', [{ field: 'mapping', message: 'map a name' }]))).toBe(true);
  });

  it('names a row’s problem by column, else by field, else by row alone', () => {
    const e = (over: Partial<ImportCellError>) => ({ row: 7, column: '', field: '', message: 'is wrong', ...over }) as ImportCellError;
    expect(errorText(e({ column: 'E-mail', field: 'email' }))).toBe('Row 7, column “E-mail”: is wrong');
    expect(errorText(e({ field: 'first_name' }))).toBe('Row 7, First name: is wrong');
    expect(errorText(e({}))).toBe('Row 7: is wrong');
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(3, 'row has errors', 'rows have errors')).toBe('3 rows have errors');
  });
});
