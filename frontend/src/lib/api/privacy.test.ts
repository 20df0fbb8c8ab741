// Tests the privacy API layer: arguments reach the bindings as given, and a refusal (or a binding that is not there) arrives as an ApiError.
import * as Privacy from '../wailsjs/go/app/Privacy';
import { ApiError, privacyApi } from './index';
import { backendError } from '../../test/fixtures';

vi.mock('../wailsjs/go/app/Privacy');

beforeEach(() => vi.resetAllMocks());

describe('privacyApi', () => {
  it('passes the candidates and the action through', async () => {
    vi.mocked(Privacy.ApplyRetention).mockResolvedValue({} as never);
    await privacyApi.applyRetention([3, 4], 'anonymise');
    expect(Privacy.ApplyRetention).toHaveBeenCalledWith([3, 4], 'anonymise');
  });

  it('turns a refusal into an ApiError with its field', async () => {
    vi.mocked(Privacy.SetRetention).mockRejectedValue(backendError('invalid', 'months: too many', [{ field: 'months', message: 'too many' }]));
    const err = await privacyApi.setRetention(500).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('invalid');
    expect(err.field('months')).toBe('too many');
  });

  it('a binding that throws at once is an ApiError too', async () => {
    vi.mocked(Privacy.Rights).mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'app')");
    });
    const err = await privacyApi.rights().catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('internal');
  });
});
