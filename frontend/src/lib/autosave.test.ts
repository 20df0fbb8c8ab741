// Tests the shared autosave: debounced merged patches, flush and dispose, refused saves and retries, edits during a save, and flushAll / onFlush at window close.
import { Autosave, PatchQueue, flushAll, onFlush, type PatchQueueOptions } from './autosave.svelte';
import { ApiError } from './api';
import { invalidEmail } from '../test/fixtures';

type Patch = { name?: string; email?: string };

let made: { dispose(): Promise<void> }[] = [];
let offs: (() => void)[] = [];

function saver(save: (p: Partial<Patch>) => Promise<unknown>, delay = 600) {
  const s = new Autosave<Patch>(save, delay);
  made.push(s);
  return s;
}

type Change = { id?: string; score?: number; notes?: string; elapsedMs?: number };
let queues: PatchQueue<Change>[] = [];

function queue(save: (batch: Change[]) => Promise<unknown>, opts: Partial<PatchQueueOptions<Change>> = {}) {
  const q = new PatchQueue<Change>({ save, ...opts });
  queues.push(q);
  made.push(q);
  return q;
}

/** Same question and only fields the last patch already sets: rewrite them there. */
function mergeSame(last: Change, next: Change): boolean {
  if (last.id !== next.id || !Object.keys(next).every((k) => k in last)) return false;
  Object.assign(last, next);
  return true;
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
  // Nothing a test left pending is sent to the next test's mocks.
  queues.forEach((q) => q.clear());
  queues = [];
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

  it('drop() forgets the pending edit: nothing is saved later, not even on flush', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    const s = saver(save);
    s.edit('name', 'Ada');
    await s.drop();
    expect(s.status).toBe('idle');
    await vi.advanceTimersByTimeAsync(5000);
    await s.flush();
    expect(save).not.toHaveBeenCalled();
  });

  it('drop() waits for the save under way, and a refused one is not retried', async () => {
    const d = deferredSave();
    const s = saver(d.save);
    s.edit('email', 'x');
    void s.flush();
    const dropped = s.drop();
    d.reject(invalidEmail('x'));
    await dropped;
    expect(s.status).toBe('idle');
    expect(s.error).toBeNull();
    await s.flush();
    expect(d.save).toHaveBeenCalledTimes(1);
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

describe('PatchQueue', () => {
  it('sends the changes of a burst as one batch, in order, after the pause', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    const q = queue(save);
    q.push({ id: 'q1', score: 3 }, 150);
    expect(q.status).toBe('dirty');
    await vi.advanceTimersByTimeAsync(100);
    q.push({ id: 'q1', notes: 'Token' }, 400);
    await vi.advanceTimersByTimeAsync(399);
    expect(save).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith([{ id: 'q1', score: 3 }, { id: 'q1', notes: 'Token' }]);
    expect(q.status).toBe('saved');
  });

  it('folds a change into the last pending patch when merge allows it', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    const q = queue(save, { merge: mergeSame });
    q.push({ id: 'q1', notes: 'T' }, 400);
    q.push({ id: 'q1', notes: 'To' }, 400);
    q.push({ id: 'q1', notes: 'Tok' }, 400);
    q.push({ id: 'q2', notes: 'x' }, 400);
    await q.flush();
    expect(save).toHaveBeenCalledWith([{ id: 'q1', notes: 'Tok' }, { id: 'q2', notes: 'x' }]);
  });

  it('never lets a change wait longer than maxWait, however busy the typing', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    const q = queue(save, { maxWait: 1000, merge: mergeSame });
    for (let i = 1; i <= 4; i++) {
      q.push({ id: 'q1', notes: 'x'.repeat(i) }, 400);
      await vi.advanceTimersByTimeAsync(300);
    }
    // 1200 ms of typing, a keystroke every 300 ms: saved at 1000 ms.
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith([{ id: 'q1', notes: 'xxxx' }]);
  });

  it('is saved by flushAll, after beforeFlushAll added what builds up silently', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    const q = queue(save, { beforeFlushAll: () => q.add({ elapsedMs: 5000 }) });
    q.push({ id: 'q1', notes: 'half a thought' }, 400);
    await flushAll();
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith([{ id: 'q1', notes: 'half a thought' }, { elapsedMs: 5000 }]);
  });

  it('sends one batch at a time; changes made meanwhile follow in the next', async () => {
    const first = deferredSave();
    const save = vi.fn(first.save);
    const q = queue(save);
    q.push({ id: 'q1', score: 3 }, 150);
    const saving = q.flush();
    expect(q.status).toBe('saving');
    q.push({ id: 'q2', score: 2 }, 150);
    // The batch under way and the pending changes are both unsaved (as copies).
    const unsaved = q.unsaved();
    expect(unsaved).toEqual([{ id: 'q1', score: 3 }, { id: 'q2', score: 2 }]);
    unsaved[0].score = 1;
    expect(q.unsaved()[0].score).toBe(3);

    const second = q.flush();
    first.resolve();
    await saving;
    save.mockResolvedValue(undefined);
    await second;
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith([{ id: 'q2', score: 2 }]);
    expect(q.unsaved()).toEqual([]);
    expect(q.status).toBe('saved');
  });

  it('a batch that did not get through is kept, ahead of newer changes, and retried by itself', async () => {
    const save = vi.fn().mockRejectedValueOnce(new Error('disk busy')).mockResolvedValue(undefined);
    const q = queue(save, { retryMs: 3000 });
    q.push({ id: 'q1', score: 3 }, 150);
    await vi.advanceTimersByTimeAsync(150);
    expect(q.status).toBe('error');
    expect(q.retrying).toBe(true);
    expect(q.error?.message).toBe('disk busy');

    q.add({ id: 'q2', score: 2 });
    expect(q.status).toBe('error');
    await vi.advanceTimersByTimeAsync(3000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith([{ id: 'q1', score: 3 }, { id: 'q2', score: 2 }]);
    expect(q.status).toBe('saved');
    expect(q.error).toBeNull();
    expect(q.retrying).toBe(false);
  });

  it('a refused batch is dropped, not retried, and onRefused hears why', async () => {
    const save = vi.fn().mockRejectedValue(invalidEmail('x'));
    const onRefused = vi.fn();
    const q = queue(save, { onRefused });
    q.push({ id: 'q1', notes: 'x' }, 150);
    await q.flush();
    expect(q.status).toBe('error');
    expect(q.retrying).toBe(false);
    expect(onRefused).toHaveBeenCalledWith(expect.objectContaining({ code: 'invalid' }));
    expect(q.unsaved()).toEqual([]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('take() hands the pending changes over; putBack() returns them ahead of newer ones', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    const q = queue(save);
    q.push({ id: 'q1', score: 3 }, 150);
    q.push({ id: 'q2', score: 2 }, 150);
    await q.idle();
    const taken = q.take();
    expect(taken).toEqual([{ id: 'q1', score: 3 }, { id: 'q2', score: 2 }]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).not.toHaveBeenCalled();

    q.add({ id: 'q3', score: 1 });
    q.putBack(taken, 150);
    await vi.advanceTimersByTimeAsync(150);
    expect(save).toHaveBeenCalledWith([{ id: 'q1', score: 3 }, { id: 'q2', score: 2 }, { id: 'q3', score: 1 }]);
  });

  it('clear() drops what is pending; dispose() sends what is pending and leaves flushAll', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    const q = queue(save);
    q.push({ id: 'q1', score: 3 }, 150);
    q.clear();
    expect(q.status).toBe('idle');
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).not.toHaveBeenCalled();

    q.push({ id: 'q1', score: 4 }, 150);
    await q.dispose();
    expect(save).toHaveBeenCalledWith([{ id: 'q1', score: 4 }]);
    q.add({ id: 'q1', score: 1 });
    await flushAll();
    expect(save).toHaveBeenCalledTimes(1);
  });
});
