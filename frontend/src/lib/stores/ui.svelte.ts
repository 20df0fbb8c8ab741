// App-wide UI state, as Svelte 5 runes.
import type { Profile, Rights } from '../api';

export type Screen = 'board' | 'candidates' | 'rubrics' | 'interview' | 'debrief';
export type Theme = 'system' | 'light' | 'dark';

/** A button in a toast (Undo): run once, then the toast goes. */
export type ToastAction = { label: string; run: () => unknown };
export type Toast = { text: string; kind: 'info' | 'error'; action?: ToastAction };

/** How long a toast stays: an Undo long enough to reach (8 s), errors long enough to read. */
export const TOAST_MS = { info: 3500, error: 8000, undo: 8000 };

class UI {
  #screen = $state<Screen>('board');
  /**
   * The screen shown. Leaving the Candidates screen clears the search: the
   * box sits in the top bar on every screen, and words left in it would read
   * as if the Board or the Debrief were filtered by them, which they are not.
   * Typing in the box comes back to Candidates.
   */
  get screen(): Screen {
    return this.#screen;
  }
  set screen(s: Screen) {
    if (this.#screen === 'candidates' && s !== 'candidates') {
      this.query = '';
      this.firstResultId = 0;
    }
    this.#screen = s;
  }
  roleId = $state<number>(0);
  /** The candidate shown in the detail panel, 0 for none. */
  candidateId = $state<number>(0);
  profile = $state<Profile | null>(null);
  /** A shared workspace's login says who the profile is: no other to switch to (Go's Opening.signedIn). */
  signedIn = $state(false);
  /** What the current profile may do, as Go decides it (loaded with the profile). */
  rights = $state<Rights | null>(null);
  newCandidateOpen = $state(false);
  /** The candidate import wizard and the bundles dialog. */
  importOpen = $state(false);
  bundlesOpen = $state(false);
  /** The workspace data dialog: backups and privacy. */
  dataOpen = $state(false);
  /** The round the interview runner is open on (screen 'interview'). */
  interview = $state<{ applicationId: number; roundId: number; candidateId: number } | null>(null);
  /** The rubric whose calibration drill the Rubrics screen opens on arrival, 0 for none. */
  practiseRubricId = $state<number>(0);
  /** A scorecard opened read-only (debrief of one card), 0 for none. */
  scorecardId = $state<number>(0);
  /** Bumped after any change that other screens should reload for. */
  version = $state(0);
  toast = $state<Toast | null>(null);
  #toastTimer: ReturnType<typeof setTimeout> | undefined;
  #toastLeft = 0;
  #toastSince = 0;
  theme = $state<Theme>((localStorage.getItem('hirebench.theme') as Theme) || 'system');
  query = $state('');
  /** The top row of the candidates table, opened by Enter in the search box. */
  firstResultId = $state(0);

  changed() {
    this.version++;
  }

  notify(text: string, kind: 'info' | 'error' = 'info', action?: ToastAction) {
    this.toast = action ? { text, kind, action } : { text, kind };
    this.#armToast(action ? TOAST_MS.undo : TOAST_MS[kind]);
  }

  /**
   * Says what just happened with an Undo beside it. undo asks Go to reverse
   * it and returns what to say then; Go's refusal (the workspace changed
   * since) is shown as an error. Either way the screens reload.
   */
  offerUndo(text: string, undo: () => Promise<string>) {
    this.notify(text, 'info', {
      label: 'Undo',
      run: async () => {
        this.dismiss();
        try {
          this.notify(await undo());
        } catch (e) {
          this.notify(e instanceof Error ? e.message : String(e), 'error');
        }
        this.changed();
      },
    });
  }

  dismiss() {
    clearTimeout(this.#toastTimer);
    this.toast = null;
  }

  /** Pauses the toast while the pointer or the focus is on it, so its Undo can be reached. */
  holdToast(held: boolean) {
    if (!this.toast) return;
    clearTimeout(this.#toastTimer);
    if (held) this.#toastLeft -= Date.now() - this.#toastSince;
    else this.#armToast(Math.max(this.#toastLeft, 2000));
  }

  #armToast(ms: number) {
    clearTimeout(this.#toastTimer);
    const mine = this.toast;
    this.#toastLeft = ms;
    this.#toastSince = Date.now();
    this.#toastTimer = setTimeout(() => {
      if (this.toast === mine) this.toast = null;
    }, ms);
  }

  setTheme(t: Theme) {
    this.theme = t;
    localStorage.setItem('hirebench.theme', t);
  }
}

export const ui = new UI();
