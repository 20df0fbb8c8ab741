// Interview clocks: how they read, and which timer values still have to be saved.
import type { Answer, Patch } from '../../lib/api';

/** Timers are sent at most this often (and on every forced flush). */
export const TIMER_EVERY_MS = 5000;

/** mm:ss, never negative. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** Remembers the timer values last queued, so only the ones that moved are sent again. */
export class TimerLedger {
  private round = 0;
  private perQuestion: Record<string, number> = {};

  /** The values the card was opened with count as sent. */
  reset(elapsed: number, answers: Record<string, Answer>) {
    this.round = elapsed;
    this.perQuestion = Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, a.elapsedMs ?? 0]));
  }

  /** Patches for the timers that changed since they were last queued (and marks them queued). */
  changes(elapsed: number, answers: Record<string, Answer>): Patch[] {
    const out: Patch[] = [];
    if (elapsed !== this.round) {
      out.push({ elapsedMs: Math.round(elapsed) });
      this.round = elapsed;
    }
    for (const [id, a] of Object.entries(answers)) {
      const ms = Math.round(a.elapsedMs ?? 0);
      if (ms !== (this.perQuestion[id] ?? 0)) {
        out.push({ questionId: id, answerElapsedMs: ms });
        this.perQuestion[id] = ms;
      }
    }
    return out;
  }
}
