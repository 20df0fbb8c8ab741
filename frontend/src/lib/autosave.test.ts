import { Autosave, flushAll, onFlush } from './autosave.svelte';
import { ApiError } from './api';
import { invalidEmail } from '../test/fixtures';

type Patch = { name?: string; email?: string };

let made: Autosave<Patch>[] = [];
let offs: (() => void)[] = [];

function saver(save: (p: Partial<Patch>) => Promise<unknown>, delay = 600) {
  const s = new Autosave<Patch>(save, delay);
  made.push(s);
  return s;
}

/** A save function whose promise the test settles by hand. */
function deferredSave() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const save = vi.fn(
    () =>
      new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      }),
  );
  return { save, resolve: () => resolve(), reject: (e: unknown) => reject(e) };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(async () => {
  vi.useRealTimers();
  offs.forEach((off) => off());
  offs = [];
  // Unregister every saver so flushAll in one test never sees another's.
  await Promise.allSettled(made.map((s) => s.dispose()));
  made = [];
});

describe('Autosave', () => {
  it('saves several quick edits once, with the merged patch, after the pause', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    const s = saver(save);

    s.edit('name', 'A');
    expect(s.status).toBe('dirty');
    await vi.advanceTimersByTimeAsync(400);
    s.edit('email', 'ada@example.com');
    await vi.advanceTimersByTimeAsync(400);
    s.edit('name', 'Ada');
    await vi.advanceTimersByTimeAsync(599);
    expect(save).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ name: 'Ada', email: 'ada@example.com' });
    expect(s.status).toBe('saved');

    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('shows "saving" while the save is under way', async () => {
    const d = deferredSave();
    const s = saver(d.save);
    s.edit('name', 'Ada');
    const done = s.flush();
    expect(s.status).toBe('saving');
    d.resolve();
    await done;
    expect(s.status).toBe('saved');
  });

  it('flush() saves at once and cancels the pending timer', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    const s = saver(save);
    s.edit('name', 'Ada');
    await s.flush();
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ name: 'Ada' });

    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('flush() with nothing pending does not call save', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    const s = saver(save);
    await s.flush();
    expect(save).not.toHaveBeenCalled();
    expect(s.status).toBe('idle');
  });

  it('a refused save shows the field error and retries the edit on the next flush', async () => {
    const save = vi.fn().mockRejectedValueOnce(invalidEmail('x')).mockResolvedValue(undefined);
    const s = saver(save);

    s.edit('email', 'x');
    s.edit('name', 'Ada');
    await s.flush();
    expect(s.status).toBe('error');
    expect(s.error).toBeInstanceOf(ApiError);
    expect(s.error?.code).toBe('invalid');
    expect(s.fieldError('email')).toBe('"x" is not a valid email address');
    expect(s.fieldError('name')).toBeUndefined();

    await s.flush();
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith({ email: 'x', name: 'Ada' });
    expect(s.status).toBe('saved');
    expect(s.error).toBeNull();
    expect(s.fieldError('email')).toBeUndefined();
  });

  it('a newer edit replaces the refused value when retrying', async () => {
    const save = vi.fn().mockRejectedValueOnce(invalidEmail('x')).mockResolvedValue(undefined);
    const s = saver(save);
    s.edit('email', 'x');
    await s.flush();
    expect(s.status).toBe('error');

    s.edit('email', 'ada@example.com');
    await vi.advanceTimersByTimeAsync(600);
    expect(save).toHaveBeenLastCalledWith({ email: 'ada@example.com' });
    expect(s.status).toBe('saved');
  });

  it('an edit made while a save is in flight is saved afterwards, not lost', async () => {
    const first = deferredSave();
    const save = vi.fn(first.save);
    const s = saver(save);
    s.edit('name', 'Ada');
    const saving = s.flush();

    s.edit('email', 'ada@example.com');
    first.resolve();
    await saving;
    expect(s.status).toBe('dirty');

    save.mockResolvedValue(undefined);
    await s.flush();
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith({ email: 'ada@example.com' });
    expect(s.status).toBe('saved');
  });

  it('dispose() saves what is pending', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    const s = saver(save);
    s.edit('name', 'Ada');
    await s.dispose();
    expect(save).toHaveBeenCalledWith({ name: 'Ada' });
  });
});

describe('flushAll', () => {
  it('saves the pending edits of every live saver', async () => {
    const a = vi.fn().mockResolvedValue(undefined);
    const b = vi.fn().mockResolvedValue(undefined);
    saver(a).edit('name', 'Ada');
    saver(b).edit('email', 'grace@example.com');

    await flushAll();
    expect(a).toHaveBeenCalledWith({ name: 'Ada' });
    expect(b).toHaveBeenCalledWith({ email: 'grace@example.com' });
  });

  it('still saves the others when one save is refused', async () => {
    const bad = vi.fn().mockRejectedValue(invalidEmail('x'));
    const good = vi.fn().mockResolvedValue(undefined);
    saver(bad).edit('email', 'x');
    saver(good).edit('name', 'Ada');

    await expect(flushAll()).resolves.toBeUndefined();
    expect(bad).toHaveBeenCalled();
    expect(good).toHaveBeenCalledWith({ name: 'Ada' });
  });

  it('forgets a disposed saver', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    const s = saver(save);
    await s.dispose();
    s.edit('name', 'late');
    await flushAll();
    expect(save).not.toHaveBeenCalled();
  });

  it('calls what was registered with onFlush, until it is unregistered', async () => {
    const fn = vi.fn().mockResolvedValue(undefined);
    const off = onFlush(fn);
    offs.push(off);

    await flushAll();
    expect(fn).toHaveBeenCalledTimes(1);

    off();
    await flushAll();
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
