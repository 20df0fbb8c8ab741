// Tests the import wizard's shared rules: where the server's mapping errors are shown, and a row's problem in words.
import { ApiError, type ImportCellError } from '../../lib/api';
import { errorText, isMappingError, plural, rowsText, splitMappingErrors } from './importWizard';

const FIELDS = ['name', 'first_name', 'last_name', 'email'];

describe('importWizard', () => {
  it('puts each mapping message next to the field Go names in its path, and the others under the mapping', () => {
    const twice = 'column "E-mail" is mapped to both email and first name';
    const e = new ApiError('invalid', 'invalid', [
      { field: 'mapping.name', message: 'no column is mapped to the candidate’s name (or to first and last name)' },
      { field: 'mapping.email', message: twice },
      { field: 'mapping.first_name', message: twice },
      { field: 'mapping', message: '"salary" is not a field that can be imported' },
      { field: 'mapping.salary', message: 'salary is mapped to column 9' },
      { field: 'sheet', message: 'no sheet "Q3"' },
    ]);
    expect(isMappingError(e)).toBe(false);
    const one = splitMappingErrors(e, FIELDS, false);
    expect(one.byField).toEqual({
      name: ['no column is mapped to the candidate’s name (or to first and last name)'],
      email: [twice],
      first_name: [twice],
    });
    // A field without a select, and no field at all, go under the mapping.
    expect(one.other).toEqual(['"salary" is not a field that can be imported', 'salary is mapped to column 9', 'no sheet "Q3"']);
    expect(one.sheet).toEqual([]);
    // With several sheets, the sheet's message goes by its select.
    expect(splitMappingErrors(e, FIELDS, true).sheet).toEqual(['no sheet "Q3"']);
  });

  it('shows an error without fields as it is, and nothing without an error', () => {
    expect(splitMappingErrors(new ApiError('internal', 'disk full'), FIELDS, false)).toEqual({ byField: {}, sheet: [], other: ['disk full'] });
    expect(splitMappingErrors(null, FIELDS, false)).toEqual({ byField: {}, sheet: [], other: [] });
    expect(isMappingError(new ApiError('invalid', 'x', [{ field: 'mapping', message: 'map a name' }]))).toBe(true);
    expect(isMappingError(new ApiError('invalid', 'x', [{ field: 'mapping.name', message: 'map a name' }]))).toBe(true);
    expect(isMappingError(new ApiError('invalid', 'x', [{ field: 'file', message: 'empty' }]))).toBe(false);
  });

  it('names a row’s problem by column, else by field, else by row alone', () => {
    const e = (over: Partial<ImportCellError>) => ({ row: 7, column: '', field: '', message: 'is wrong', ...over }) as ImportCellError;
    expect(errorText(e({ column: 'E-mail', field: 'email' }))).toBe('Row 7, column “E-mail”: is wrong');
    expect(errorText(e({ field: 'first_name' }))).toBe('Row 7, First name: is wrong');
    expect(errorText(e({}))).toBe('Row 7: is wrong');
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(3, 'row has errors', 'rows have errors')).toBe('3 rows have errors');
  });

  it('names file rows by number, saying how many more Go did not list', () => {
    expect(rowsText([4])).toBe('row 4');
    expect(rowsText([4, 7], 2)).toBe('rows 4, 7');
    expect(rowsText([4, 7], 5)).toBe('rows 4, 7 and 3 more');
  });
});
