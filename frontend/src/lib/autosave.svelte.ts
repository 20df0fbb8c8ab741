// Autosave: edits are saved after a short pause or at once on blur — as one
// merged patch per record (Autosave) or as an ordered batch of patches
// (PatchQueue). Every live saver is registered so the window can flush them
// all before it closes.
import { ApiError, toApiError } from './api';

export type SaveStatus = 'idle' | 'dirty' | 'saving' | 'saved' | 'error';

type Flusher = { flush(): Promise<void> };
const live = new Set<Flusher>();

/** Saves every pending edit in the app; used before the window closes. */
export async function flushAll(): Promise<void> {
  await Promise.allSettled([...live].map((s) => s.flush()));
}

/** Registers something else that holds unsaved text (a note draft). */
export function onFlush(flush: () => Promise<void>): () => void {
  const f = { flush };
  live.add(f);
  return () => live.delete(f);
}

export class Autosave<P extends Record<string, unknown>> {
  status = $state<SaveStatus>('idle');
  error = $state<ApiError | null>(null);
  private pending: Partial<P> = {};
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight: Promise<void> | null = null;

  constructor(
    private save: (patch: Partial<P>) => Promise<unknown>,
    private delay = 600,
  ) {
    live.add(this);
  }

  /** Records a change; it is saved after `delay` ms without further edits. */
  edit<K extends keyof P>(field: K, value: P[K]) {
    this.pending[field] = value;
    this.status = 'dirty';
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delay);
  }

  /** The message for a field whose last save was refused. */
  fieldError(field: string): string | undefined {
    return this.error?.field(field);
  }

  /** Saves what is pending now (on blur, before close, before navigating). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.inflight) await this.inflight;
    const patch = this.pending;
    if (Object.keys(patch).length === 0) return;
    this.pending = {};
    this.status = 'saving';
    this.inflight = this.save(patch).then(
      () => {
        this.error = null;
        this.status = Object.keys(this.pending).length ? 'dirty' : 'saved';
      },
      (e) => {
        this.error = toApiError(e);
        this.status = 'error';
        // Keep refused edits pending (unless newer ones replaced them) so a
        // later flush retries after the user fixes the field.
        this.pending = { ...patch, ...this.pending };
      },
    );
    await this.inflight;
    this.inflight = null;
  }

  /**
   * Forgets pending edits (the user discarded them) after the save under way
   * ends, so nothing the user dropped is saved afterwards.
   */
  async drop(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.pending = {};
    if (this.inflight) await this.inflight;
    this.pending = {};
    this.error = null;
    this.status = 'idle';
  }

  /** Stops tracking (the screen closed); pending edits are saved first. */
  async dispose(): Promise<void> {
    await this.flush();
    live.delete(this);
  }
}

export type PatchQueueOptions<T> = {
  /** Sends one batch of patches, in order (e.g. SaveDraft(id, patches)). */
  save: (batch: T[]) => Promise<unknown>;
  /** Folds `next` into `last`, the newest pending patch, when that loses nothing; says whether it did. */
  merge?: (last: T, next: T) => boolean;
  /** No patch waits longer than this (ms) to be sent. */
  maxWait?: number;
  /** A batch that failed for another reason than a refusal is sent again after this (ms). */
  retryMs?: number;
  /** Runs before a flush the app forces (flushAll): queue what builds up silently, like timers. */
  beforeFlushAll?: () => void;
  /**
   * The backend refused a batch ("invalid" or "conflict"): resending it cannot
   * succeed, so it is dropped; this says what to do about it.
   */
  onRefused?: (e: ApiError) => unknown;
};

/** Error codes for which a batch is dropped rather than sent again. */
const REFUSED = new Set(['invalid', 'conflict']);

/**
 * Autosave as a queue of patches: changes are kept in order and sent
 * together, as one batch, after a short pause (never later than `maxWait`
 * after the first one), at once on flush() (blur, close, flushAll), and one
 * batch at a time. A batch that fails to reach the backend is retried.
 */
export class PatchQueue<T extends object> {
  status = $state<SaveStatus>('idle');
  error = $state<ApiError | null>(null);
  /** The last failure will be retried by itself. */
  retrying = $state(false);
  private pending: T[] = [];
  private sending: T[] = [];
  private firstAt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private inflight: Promise<void> | null = null;
  private disposed = false;
  private readonly entry: Flusher;

  constructor(private opts: PatchQueueOptions<T>) {
    this.entry = {
      flush: () => {
        this.opts.beforeFlushAll?.();
        return this.flush();
      },
    };
    live.add(this.entry);
  }

  /** Adds a change without scheduling a save (see schedule). */
  add(p: T) {
    const last = this.pending[this.pending.length - 1];
    if (!(last && this.opts.merge?.(last, p))) this.pending.push({ ...p });
    if (!this.firstAt) this.firstAt = Date.now();
    if (this.status !== 'error') this.status = 'dirty';
  }

  /** Saves what is pending after `delay` ms without another change, capped by maxWait. */
  schedule(delay: number) {
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(delay, this.firstAt + (this.opts.maxWait ?? 1000) - Date.now()));
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, wait);
  }

  /** Adds a change and schedules its save. */
  push(p: T, delay: number) {
    this.add(p);
    this.schedule(delay);
  }

  /** Copies of what the backend may not have stored yet: the batch under way, then the pending patches. */
  unsaved(): T[] {
    return [...this.sending, ...this.pending].map((p) => ({ ...p }));
  }

  /** Sends everything pending now, as one batch. */
  async flush(): Promise<void> {
    this.cancel();
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    while (this.inflight) await this.inflight;
    if (this.pending.length === 0) return;
    const batch = this.take();
    this.sending = batch;
    this.status = 'saving';
    let done!: () => void;
    this.inflight = new Promise<void>((r) => (done = r));
    try {
      await this.opts.save(batch);
      this.markSaved();
    } catch (e) {
      const err = toApiError(e);
      this.error = err;
      this.status = 'error';
      if (REFUSED.has(err.code)) {
        this.retrying = false;
        await this.opts.onRefused?.(err);
      } else {
        this.pending = [...batch, ...this.pending];
        this.firstAt = Date.now();
        this.retrying = true;
        if (!this.disposed) this.retryTimer = setTimeout(() => void this.flush(), this.opts.retryMs ?? 3000);
      }
    } finally {
      this.sending = [];
      this.inflight = null;
      done();
    }
  }

  /** Cancels the scheduled save and waits for the one under way (before take). */
  async idle(): Promise<void> {
    this.cancel();
    while (this.inflight) await this.inflight;
  }

  /** Hands over everything pending, for the caller to send another way (with a submit). */
  take(): T[] {
    const batch = this.pending;
    this.pending = [];
    this.firstAt = 0;
    return batch;
  }

  /** Returns patches the caller could not send, ahead of newer ones, and schedules them. */
  putBack(batch: T[], delay: number) {
    if (batch.length === 0) return;
    this.pending = [...batch, ...this.pending];
    this.firstAt = Date.now();
    if (this.status !== 'error') this.status = 'dirty';
    this.schedule(delay);
  }

  /** What was taken or sent is stored. */
  markSaved() {
    this.error = null;
    this.retrying = false;
    this.status = this.pending.length ? 'dirty' : 'saved';
  }

  /** Drops everything pending (the record can no longer change). */
  clear() {
    this.cancel();
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    this.pending = [];
    this.firstAt = 0;
    this.error = null;
    this.retrying = false;
    this.status = 'idle';
  }

  /** Stops tracking (the screen closed); pending patches are sent first, once. */
  async dispose(): Promise<void> {
    this.disposed = true;
    try {
      await this.flush();
    } finally {
      live.delete(this.entry);
    }
  }

  private cancel() {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }
}
