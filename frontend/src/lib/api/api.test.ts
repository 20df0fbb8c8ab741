// Tests the API layer: how backend errors become ApiError (code, message, field messages) and the defaults the wrappers fill in before calling the bindings.
import { api, ApiError, toApiError } from './index';
import * as Candidates from '../wailsjs/go/app/Candidates';
import * as Runtime from '../wailsjs/runtime/runtime';
import { backendError, candidate, duplicateEmail, invalidEmail, notFound, page } from '../../test/fixtures';

vi.mock('../wailsjs/go/app/Candidates');
vi.mock('../wailsjs/go/app/Roles');
vi.mock('../wailsjs/go/app/Workspace');
vi.mock('../wailsjs/runtime/runtime');

beforeEach(() => {
  vi.resetAllMocks();
});

describe('toApiError', () => {
  it('parses the backend JSON: code, message and field messages', () => {
    const e = toApiError(invalidEmail('x'));
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe('invalid');
    expect(e.message).toBe('email: "x" is not a valid email address');
    expect(e.fields).toEqual([{ field: 'email', message: '"x" is not a valid email address' }]);
    expect(e.field('email')).toBe('"x" is not a valid email address');
    expect(e.field('name')).toBeUndefined();
  });

  it('keeps the existing record of a duplicate', () => {
    const e = toApiError(duplicateEmail(7, 'Ada Lovelace'));
    expect(e.code).toBe('duplicate');
    expect(e.existingId).toBe(7);
    expect(e.existingName).toBe('Ada Lovelace');
    expect(e.field('email')).toBe('already used by Ada Lovelace');
  });

  it('reads the JSON from an Error message too', () => {
    const e = toApiError(new Error(backendError('conflict', 'stage changed')));
    expect(e.code).toBe('conflict');
    expect(e.message).toBe('stage changed');
    expect(e.fields).toEqual([]);
  });

  it('turns a plain string into an internal error with that text', () => {
    const e = toApiError('database is locked');
    expect(e.code).toBe('internal');
    expect(e.message).toBe('database is locked');
    expect(e.fields).toEqual([]);
  });

  it('treats JSON that is not a UserError as text', () => {
    expect(toApiError('{"foo":1}')).toMatchObject({ code: 'internal', message: '{"foo":1}' });
    expect(toApiError('null')).toMatchObject({ code: 'internal', message: 'null' });
  });

  it('gives a readable message when there is no text at all', () => {
    const e = toApiError(undefined);
    expect(e.code).toBe('internal');
    expect(e.message).toMatch(/did not answer/);
  });

  it('returns an ApiError unchanged', () => {
    const original = new ApiError('not_found', 'gone');
    expect(toApiError(original)).toBe(original);
  });
});

describe('api', () => {
  it('rejects with a parsed ApiError when a binding rejects with a string', async () => {
    vi.mocked(Candidates.Update).mockRejectedValue(invalidEmail('x'));
    const err = await api.updateCandidate(1, { email: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).field('email')).toBe('"x" is not a valid email address');
  });

  it('candidates fills in the defaults of the filter', async () => {
    vi.mocked(Candidates.List).mockResolvedValue(page([]));
    await api.candidates({ query: 'ada', roleId: 3 });
    expect(Candidates.List).toHaveBeenCalledWith({
      query: 'ada', roleId: 3, stageId: 0, tag: '', source: '', includeArchived: false, sort: '', desc: false, limit: 100, offset: 0,
    });
  });

  it('candidates with an empty filter sends every default', async () => {
    vi.mocked(Candidates.List).mockResolvedValue(page([]));
    await api.candidates({});
    expect(Candidates.List).toHaveBeenCalledWith({
      query: '', roleId: 0, stageId: 0, tag: '', source: '', includeArchived: false, sort: '', desc: false, limit: 100, offset: 0,
    });
  });

  it('candidates lets the caller override any default (paging, sort)', async () => {
    vi.mocked(Candidates.List).mockResolvedValue(page([]));
    await api.candidates({ sort: 'updated', desc: true, limit: 25, offset: 50, includeArchived: true });
    expect(Candidates.List).toHaveBeenCalledWith({
      query: '', roleId: 0, stageId: 0, tag: '', source: '', includeArchived: true, sort: 'updated', desc: true, limit: 25, offset: 50,
    });
  });

  it('findByEmail returns the candidate when there is one', async () => {
    const c = candidate({ id: 7 });
    vi.mocked(Candidates.FindByEmail).mockResolvedValue(c);
    await expect(api.findByEmail('ada@example.com')).resolves.toEqual(c);
    expect(Candidates.FindByEmail).toHaveBeenCalledWith('ada@example.com');
  });

  it('findByEmail returns null when nobody has the email', async () => {
    vi.mocked(Candidates.FindByEmail).mockRejectedValue(notFound());
    await expect(api.findByEmail('new@example.com')).resolves.toBeNull();
  });

  it('findByEmail rethrows other errors', async () => {
    vi.mocked(Candidates.FindByEmail).mockRejectedValue('disk I/O error');
    await expect(api.findByEmail('ada@example.com')).rejects.toMatchObject({ code: 'internal', message: 'disk I/O error' });
  });

  it('move passes application, the stage it is shown in, the stage and reason', async () => {
    vi.mocked(Candidates.Move).mockResolvedValue({} as Awaited<ReturnType<typeof Candidates.Move>>);
    await api.move(100, 11, 14, 'Not a fit');
    expect(Candidates.Move).toHaveBeenCalledWith(100, 11, 14, 'Not a fit');
  });

  it('move sends an empty reason when none is given', async () => {
    vi.mocked(Candidates.Move).mockResolvedValue({} as Awaited<ReturnType<typeof Candidates.Move>>);
    await api.move(100, 11, 12);
    expect(Candidates.Move).toHaveBeenCalledWith(100, 11, 12, '');
  });

  it('updateCandidate sends the version the edit was made from, 0 when none is given', async () => {
    vi.mocked(Candidates.Update).mockResolvedValue({} as Awaited<ReturnType<typeof Candidates.Update>>);
    await api.updateCandidate(1, { phone: '+44 2' }, 7);
    expect(Candidates.Update).toHaveBeenLastCalledWith(1, { phone: '+44 2', version: 7 });
    await api.updateCandidate(1, { phone: '+44 3' });
    expect(Candidates.Update).toHaveBeenLastCalledWith(1, { phone: '+44 3', version: 0 });
  });

  it("a changed record comes back as code changed with Go's words", async () => {
    vi.mocked(Candidates.Update).mockRejectedValue(
      JSON.stringify({ code: 'changed', message: 'Changed by Priya Nair 2 minutes ago — reload to see their change.' }),
    );
    await expect(api.updateCandidate(1, { phone: '+44 2' }, 3)).rejects.toMatchObject({
      code: 'changed',
      message: 'Changed by Priya Nair 2 minutes ago — reload to see their change.',
    });
  });

  it('onFlushRequest subscribes to app:flush and returns the unsubscribe function', () => {
    const off = vi.fn();
    vi.mocked(Runtime.EventsOn).mockReturnValue(off);
    const fn = vi.fn();
    expect(api.onFlushRequest(fn)).toBe(off);
    expect(Runtime.EventsOn).toHaveBeenCalledWith('app:flush', fn);
  });
});
