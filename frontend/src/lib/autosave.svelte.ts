// Autosave: edits are collected per record and saved after a short pause or
// at once on blur. Every live saver is registered so the window can flush
// them all before it closes.
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

  /** Stops tracking (the screen closed); pending edits are saved first. */
  async dispose(): Promise<void> {
    await this.flush();
    live.delete(this);
  }
}
