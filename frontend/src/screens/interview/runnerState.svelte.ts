// The interview runner's state (runes): the card, the cursor, answers, unsaved patches, timers, and what Go says is missing.
import { api, toApiError, type Answer, type Competency, type Patch, type Question, type Rubric, type Scorecard, type ScorecardView } from '../../lib/api';
import { PatchQueue } from '../../lib/autosave.svelte';
import { ui } from '../../lib/stores/ui.svelte';
import { TIMER_EVERY_MS, TimerLedger } from './timers';

/** Typing waits this long after the last keystroke. */
export const TYPING_MS = 400;
/** Clicks and moves are saved almost at once. */
export const SOON_MS = 150;
/** No change waits longer than this to be saved. */
export const MAX_WAIT_MS = 1000;
export const RETRY_MS = 3000;
/** Go is asked what is missing this long after the last change. */
export const MISSING_MS = 250;
/** "Scored 4 on Q2" stays this long. */
export const CONFIRM_MS = 6000;

export type Item = { q: Question; comp: Competency; index: number };
export type FieldError = { field: string; message: string };
/** One thing Go says stops the submission, placed in the runner. */
export type Problem = { key: string; index: number | null; label: string; text: string; server: boolean };
export type Level = { value: number; label: string };

export function flatten(r: Rubric | null): Item[] {
  const out: Item[] = [];
  for (const comp of r?.competencies ?? []) for (const q of comp.questions ?? []) out.push({ q, comp, index: out.length });
  return out;
}

export function shortText(s: string, n = 70): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= n ? t : `${t.slice(0, n - 1)}…`;
}

export function scored(a: Answer | undefined): boolean {
  return !!a && a.score !== undefined && a.score !== null;
}

/**
 * A change that only rewrites fields the previous pending patch already sets
 * (more typing in the same box, another score) replaces them there, so a
 * burst of edits travels as a few patches.
 */
export function mergePatch(last: Patch, next: Patch): boolean {
  const keys = Object.keys(next).filter((k) => k !== 'questionId');
  if (last.questionId !== next.questionId || 'skipped' in next || 'clearScore' in next || !keys.every((k) => k in last)) return false;
  Object.assign(last, next);
  return true;
}

export class RunnerState {
  loading = $state(true);
  loadError = $state('');
  card = $state<Scorecard | null>(null);
  rubric = $state<Rubric | null>(null);
  /** Whether this card's author completed the calibration drill on its rubric (Go's answer). */
  practice = $state<ScorecardView['practice'] | null>(null);
  answers = $state<Record<string, Answer>>({});
  recommendation = $state('');
  notes = $state('');
  elapsed = $state(0);
  /** Index into items; items.length is the Finish panel. */
  pos = $state(0);
  readOnly = $state(false);
  conflict = $state('');
  justSubmitted = $state(false);
  submitting = $state(false);
  submitError = $state('');
  closeBlocked = $state(false);
  /** What Go says stops the submission (Interviews.Missing, or a refused Submit); null until it answered. */
  missing = $state<FieldError[] | null>(null);
  /** Fields a refused submit named, until they are edited. */
  refused = $state<string[]>([]);
  /** The profile's preference (Go's): a score moves on to the next question. */
  advance = $state(true);
  /** Why the preference could not be saved ('' when it was). */
  prefsError = $state('');
  /** What the last score did, for the eyes and the screen reader: "Scored 4 on Q2". */
  confirmation = $state('');

  readonly items = $derived<Item[]>(flatten(this.rubric));
  readonly groups = $derived((this.rubric?.competencies ?? []).map((comp) => ({ comp, items: this.items.filter((it) => it.comp === comp) })));
  readonly current = $derived<Item | null>(this.pos < this.items.length ? this.items[this.pos] : null);
  readonly currentAnswer = $derived<Answer>((this.current && this.answers[this.current.q.id]) || {});
  readonly scale = $derived(this.rubric?.scale ?? { min: 1, max: 4, labels: [] });
  readonly levels = $derived<Level[]>(
    Array.from({ length: Math.max(0, this.scale.max - this.scale.min + 1) }, (_, i) => ({
      value: this.scale.min + i,
      label: this.scale.labels?.[i] ?? '',
    })),
  );
  /** The round's planned length in ms (0: none). */
  readonly target = $derived((this.card?.durationMin ?? 0) * 60_000);
  readonly problems = $derived<Problem[]>((this.missing ?? []).map((f) => this.place(f)));
  /** The mark beside Finish: "N missing", "ready", or nothing before Go answered. */
  readonly finishMark = $derived(this.missing === null ? '' : this.missing.length ? `${this.missing.length} missing` : 'ready');

  /** The shared autosave: patches batched into one SaveDraft call. */
  readonly queue: PatchQueue<Patch>;

  private timers = new TimerLedger();
  private lastTick = 0;
  private lastTimerQueued = 0;
  private missingSeq = 0;
  private missingTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  private confirmTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    this.queue = new PatchQueue<Patch>({
      save: (batch) => api.saveDraft(this.card!.id, batch),
      merge: mergePatch,
      maxWait: MAX_WAIT_MS,
      retryMs: RETRY_MS,
      // Closing the window saves what is pending, timers included.
      beforeFlushAll: () => void this.queueTimers(),
      onRefused: (err) => (err.code === 'conflict' ? this.goReadOnly(err.message) : undefined),
    });
  }

  // ---- lifecycle

  /** Opens the interview and starts the clocks; returns the teardown. */
  mount(applicationId: number, roundId: number): () => void {
    void this.load(applicationId, roundId);
    void this.loadPrefs();
    const interval = setInterval(() => this.tickTimers(), 1000);
    return () => {
      clearInterval(interval);
      this.dispose();
    };
  }

  private async load(applicationId: number, roundId: number) {
    try {
      const v = await api.startInterview(applicationId, roundId);
      if (!this.disposed) {
        this.practice = v.practice ?? null;
        this.init(v.card, v.rubric);
      }
    } catch (e) {
      this.loadError = toApiError(e).message;
    } finally {
      this.loading = false;
    }
  }

  private async loadPrefs() {
    try {
      const p = await api.runnerPrefs();
      if (p && !this.disposed) this.advance = p.advanceAfterScore;
    } catch {
      /* the default (move on) stands */
    }
  }

  /** Turns moving on after scoring on or off, saved with the profile in Go. */
  async setAdvance(on: boolean) {
    const before = this.advance;
    this.advance = on;
    this.prefsError = '';
    try {
      const p = await api.setRunnerPrefs({ advanceAfterScore: on });
      if (p) this.advance = p.advanceAfterScore;
    } catch (e) {
      this.advance = before;
      this.prefsError = `Not saved: ${toApiError(e).message}`;
    }
  }

  init(c: Scorecard, r: Rubric) {
    this.card = c;
    this.rubric = r;
    const copy: Record<string, Answer> = {};
    for (const [k, a] of Object.entries(c.answers ?? {})) copy[k] = { ...a };
    this.answers = copy;
    this.recommendation = c.recommendation ?? '';
    this.notes = c.notes ?? '';
    this.elapsed = c.elapsedMs ?? 0;
    this.timers.reset(this.elapsed, copy);
    this.readOnly = c.status === 'submitted';
    const i = flatten(r).findIndex((it) => it.q.id === c.cursor);
    this.pos = i >= 0 ? i : 0;
    this.lastTick = Date.now();
    this.lastTimerQueued = this.lastTick;
    void this.checkMissing();
  }

  /** The screen closed: what is pending is saved, timers included. */
  dispose() {
    this.disposed = true;
    this.stopMissing();
    if (this.confirmTimer) clearTimeout(this.confirmTimer);
    if (this.card && !this.readOnly) this.queueTimers();
    void this.queue.dispose();
  }

  // ---- timers

  tickTimers() {
    const now = Date.now();
    const d = Math.max(0, now - this.lastTick);
    this.lastTick = now;
    if (!this.card || this.readOnly || this.loading) return;
    this.elapsed += d;
    const q = this.current?.q;
    if (q) {
      const a = (this.answers[q.id] ??= {});
      a.elapsedMs = (a.elapsedMs ?? 0) + d;
    }
    if (now - this.lastTimerQueued >= TIMER_EVERY_MS && this.queueTimers()) this.queue.schedule(TYPING_MS);
  }

  /** Queues the timers that changed since they were last sent; says whether any did. */
  queueTimers(): boolean {
    this.lastTimerQueued = Date.now();
    if (!this.card || this.readOnly) return false;
    const patches = this.timers.changes(this.elapsed, this.answers);
    for (const p of patches) this.queue.add(p);
    return patches.length > 0;
  }

  // ---- what Go says is missing

  /** Asks Go again shortly (changes come in bursts). */
  checkMissingSoon() {
    if (this.missingTimer) clearTimeout(this.missingTimer);
    this.missingTimer = setTimeout(() => void this.checkMissing(), MISSING_MS);
  }

  /** Asks Go now, with the unsaved patches; an answer overtaken by a newer question is ignored. */
  async checkMissing() {
    this.stopMissing();
    const c = this.card;
    if (!c || this.readOnly || this.disposed) return;
    const seq = ++this.missingSeq;
    try {
      const list = await api.missing(c.id, this.queue.unsaved());
      if (seq === this.missingSeq && !this.readOnly) this.missing = list ?? [];
    } catch {
      /* keep the last answer; the next change asks again */
    }
  }

  /** Cancels the scheduled question and makes any answer still on its way stale. */
  private stopMissing() {
    if (this.missingTimer) {
      clearTimeout(this.missingTimer);
      this.missingTimer = null;
    }
    this.missingSeq++;
  }

  /** Where one of Go's fields sits in the runner. */
  private place(f: FieldError): Problem {
    const qid = f.field.startsWith('answers.') ? f.field.slice('answers.'.length) : '';
    const it = qid ? this.items.find((i) => i.q.id === qid) : undefined;
    return {
      key: f.field,
      index: it ? it.index : null,
      label: it ? `Question ${it.index + 1}` : f.field === 'recommendation' ? 'Recommendation' : f.field,
      text: f.message,
      server: this.refused.includes(f.field),
    };
  }

  /** A skipped question Go still lists as missing: its reason is what it lacks. */
  needsReason(qid: string): boolean {
    return !!this.answers[qid]?.skipped && !!this.missing?.some((f) => f.field === `answers.${qid}`);
  }

  // ---- edits

  private change(p: Patch, delay: number) {
    if (this.readOnly || !this.card) return;
    this.queue.push(p, delay);
  }

  /** A change that may alter what is missing: forget a refusal of that field and ask Go again. */
  private edit(field: string, p: Patch, delay: number) {
    if (this.refused.includes(field)) this.refused = this.refused.filter((f) => f !== field);
    this.change(p, delay);
    if (!this.readOnly) this.checkMissingSoon();
  }

  private answerOf(qid: string): Answer {
    return (this.answers[qid] ??= {});
  }

  /**
   * Scores the current question and, unless the profile turned it off,
   * moves on at once, so a second key press scores the next question
   * rather than overwriting this one.
   */
  setScore(value: number) {
    if (!this.current || this.readOnly) return;
    const { q, index } = this.current;
    const a = this.answerOf(q.id);
    const was = scored(a) && a.score !== value ? a.score : null;
    a.score = value;
    a.skipped = false;
    a.skipReason = '';
    this.edit(`answers.${q.id}`, { questionId: q.id, score: value }, SOON_MS);
    this.confirm(`Scored ${value} on Q${index + 1}${was === null ? '' : ` (was ${was})`}`);
    if (this.advance) this.go(this.pos + 1);
  }

  private confirm(text: string) {
    this.confirmation = text;
    if (this.confirmTimer) clearTimeout(this.confirmTimer);
    this.confirmTimer = setTimeout(() => (this.confirmation = ''), CONFIRM_MS);
  }

  clearScore() {
    if (!this.current || this.readOnly) return;
    const qid = this.current.q.id;
    delete this.answerOf(qid).score;
    this.edit(`answers.${qid}`, { questionId: qid, clearScore: true }, SOON_MS);
  }

  setSkipped(on: boolean) {
    if (!this.current || this.readOnly) return;
    const qid = this.current.q.id;
    const a = this.answerOf(qid);
    a.skipped = on;
    if (on) delete a.score;
    else a.skipReason = '';
    this.edit(`answers.${qid}`, { questionId: qid, skipped: on }, SOON_MS);
  }

  setSkipReason(v: string) {
    if (!this.current) return;
    const qid = this.current.q.id;
    this.answerOf(qid).skipReason = v;
    this.edit(`answers.${qid}`, { questionId: qid, skipReason: v }, TYPING_MS);
  }

  setAnswerNotes(v: string) {
    if (!this.current) return;
    const qid = this.current.q.id;
    this.answerOf(qid).notes = v;
    this.edit(`answers.${qid}.notes`, { questionId: qid, answerNotes: v }, TYPING_MS);
  }

  setRecommendation(v: string) {
    if (this.readOnly) return;
    this.recommendation = v;
    this.edit('recommendation', { recommendation: v }, SOON_MS);
  }

  setNotes(v: string) {
    this.notes = v;
    this.edit('notes', { notes: v }, TYPING_MS);
  }

  /** Moves to question i (items.length: the Finish panel, which asks Go at once). */
  go(i: number) {
    const n = Math.max(0, Math.min(this.items.length, i));
    if (n === this.pos) return;
    this.pos = n;
    const q = this.items[n]?.q;
    if (q && !this.readOnly) this.change({ cursor: q.id }, SOON_MS);
    if (n === this.items.length) void this.checkMissing();
  }

  /** Saves what is pending now (on blur). */
  flush(): Promise<void> {
    return this.queue.flush();
  }

  // ---- submit and close

  async submit() {
    const c = this.card;
    if (!c || this.readOnly || this.submitting) return;
    this.submitting = true;
    this.submitError = '';
    await this.queue.idle();
    this.queueTimers();
    const batch = this.queue.take();
    const last = batch.pop();
    /** What is not stored yet, should the submit be refused. */
    let unsaved = last ? [...batch, last] : batch;
    try {
      if (batch.length) {
        await api.saveDraft(c.id, batch);
        unsaved = last ? [last] : [];
      }
      this.card = await api.submit(c.id, last ?? {});
      this.readOnly = true;
      this.justSubmitted = true;
      this.refused = [];
      this.stopMissing();
      this.queue.clear();
      this.queue.markSaved();
      ui.changed();
    } catch (e) {
      const err = toApiError(e);
      if (err.code === 'conflict') {
        await this.goReadOnly(err.message);
        return;
      }
      // Nothing of a refused submit was stored: keep its changes pending.
      this.queue.putBack(unsaved, SOON_MS);
      if (err.fields.length) {
        // Submit's refusal is Go's latest word on what is missing.
        this.stopMissing();
        this.missing = err.fields;
        this.refused = err.fields.map((f) => f.field);
      } else this.submitError = err.message;
    } finally {
      this.submitting = false;
    }
  }

  /** Saves before closing; false (and a banner) when the last changes could not be saved. */
  async close(): Promise<boolean> {
    if (this.card && !this.readOnly) {
      this.queueTimers();
      await this.queue.flush();
      if (this.queue.status === 'error') {
        this.closeBlocked = true;
        return false;
      }
    }
    return true;
  }

  /** The card was submitted elsewhere: stop editing and show it as it is. */
  async goReadOnly(message: string) {
    this.readOnly = true;
    this.conflict = message;
    this.queue.clear();
    this.stopMissing();
    const card = this.card;
    if (!card) return;
    this.card = { ...card, answers: { ...this.answers }, recommendation: this.recommendation, notes: this.notes, elapsedMs: this.elapsed } as Scorecard;
    try {
      const v = await api.scorecard(card.id);
      if (v?.card) {
        this.card = v.card;
        if (v.rubric) this.rubric = v.rubric;
      }
    } catch {
      /* keep what we have */
    }
  }
}
