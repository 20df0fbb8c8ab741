// One streamed AI request as the window shows it (the debrief summary, the
// follow-up questions): its own request id, its pieces appended as they
// arrive on "ai:stream:<id>", "retrying in N s", Cancel for that request
// only, and the end Go checked. What Go decides (who may, what is sent,
// which sentences cite a note) arrives in the result; nothing is decided here.
// Straight from ai.ts: through lib/api's re-export the build would split a cycle across chunks.
import { aiApi, type AIStreamDone, type AIStreamEvent, type AIStreamOffer, type AIStreamRetry } from '../../lib/api/ai';

let seq = 0;

/** A fresh id for one request: its events' name carries it. */
export function newRequestId(kind: string): string {
  seq += 1;
  return `${kind}-${Date.now().toString(36)}-${seq}-${Math.random().toString(36).slice(2, 8)}`;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class AIStream {
  /** What was shown so far; once ended, the text Go returned (the same pieces, checked). */
  text = $state('');
  running = $state(false);
  retry = $state<AIStreamRetry | null>(null);
  /** When the announced wait ends (ms since the epoch). */
  retryAt = $state(0);
  done = $state<AIStreamDone | null>(null);
  /** Go's words when the request was refused or failed before anything was shown. */
  error = $state('');
  private id = '';
  private off: (() => void) | null = null;

  /** It stopped after something was shown: cancelled, cut or failed midway. */
  get incomplete(): boolean {
    const r = this.done?.summary ?? this.done?.followUps;
    return !!this.done && (this.done.cancelled || !!this.done.problem || !!r?.incomplete);
  }

  /**
   * Starts a request under a new id: start asks Go, which answers at once;
   * the pieces and the end come as events. A second start while running is
   * ignored.
   */
  async run(kind: string, start: (requestId: string) => Promise<unknown>): Promise<void> {
    if (this.running) return;
    const id = newRequestId(kind);
    this.id = id;
    this.text = '';
    this.done = null;
    this.error = '';
    this.retry = null;
    this.running = true;
    this.off = aiApi.onStream(id, (e) => this.hear(id, e));
    try {
      await start(id);
    } catch (e) {
      if (this.id === id && this.running) {
        this.error = message(e);
        this.stop();
      }
    }
  }

  /** Asks Go to stop this request; its "done" keeps what was shown. */
  cancel() {
    if (this.running && this.id) aiApi.cancelAI(this.id).catch(() => {});
  }

  /** The component goes away: stop listening, and stop the request too. */
  dispose() {
    this.cancel();
    this.stop();
  }

  private hear(id: string, e: AIStreamEvent) {
    if (id !== this.id || !this.running) return;
    if (e.kind === 'delta') {
      this.text += e.text;
      this.retry = null;
    } else if (e.kind === 'retrying') {
      this.retry = e.retry;
      this.retryAt = Date.now() + e.retry.waitMs;
    } else if (e.kind === 'done') {
      this.finish(id, e.done);
    }
  }

  private finish(id: string, done: AIStreamDone) {
    if (id !== this.id || !this.running) return;
    if (done.error) {
      // Nothing was shown: Go's words say why.
      this.error = done.error;
      this.text = '';
    } else {
      this.done = done;
      const r = done.summary ?? done.followUps;
      if (r) this.text = r.text ?? '';
    }
    this.stop();
  }

  private stop() {
    this.running = false;
    this.retry = null;
    this.off?.();
    this.off = null;
  }
}

/** Go's follow-up offer per scorecard, shared by the runner's question pane and the follow-ups box. */
export const followUpOffers = $state<Record<number, AIStreamOffer>>({});

/** Asks Go; on failure nothing AI is offered. */
export async function loadFollowUpOffer(scorecardId: number): Promise<AIStreamOffer | null> {
  try {
    const o = await aiApi.followUpOffer(scorecardId);
    followUpOffers[scorecardId] = o;
    return o;
  } catch {
    delete followUpOffers[scorecardId];
    return null;
  }
}
