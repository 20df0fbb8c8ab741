// Live updates in a shared workspace (team mode on PostgreSQL): Go forwards
// what another app changed ("workspace:changed", ids only, app/live.go) and
// this module reloads the views it concerns. The one rule of when is
// `concerns`; views only say what they show and how to reload.
import { api, type WorkspaceChange } from './api';

/** What a view shows: a role's board or debrief, or one candidate's drawer. */
export type Shown = { role: number } | { candidate: number };

/**
 * Whether a change concerns a view: one of the role it shows, or of the
 * candidate it shows; anything after a lost connection or a burst too big
 * to list ("reconnected", "many").
 */
export function concerns(c: WorkspaceChange, shown: Shown): boolean {
  if (c.what === 'reconnected' || c.what === 'many') return true;
  if ('role' in shown) return shown.role !== 0 && c.role === shown.role;
  return shown.candidate !== 0 && c.candidate === shown.candidate;
}

/** Whether the focus is in a field of root the user types or chooses in. */
export function typingIn(root: Element | null | undefined): boolean {
  const el = document.activeElement;
  if (!root || !el || !root.contains(el)) return false;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !NOT_TYPED.has(el.type);
  return el instanceof HTMLElement && el.isContentEditable === true;
}

const NOT_TYPED = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image']);

type View = {
  shows: () => Shown;
  reload: () => unknown;
  /** The view's element: while the user types in it the reload waits until the focus leaves it. */
  root?: () => Element | null | undefined;
};

const views = new Set<Watch>();
let unsubscribe: (() => void) | null = null;

/**
 * Reloads a view when another app changes what it shows (`concerns`), never
 * while the user types in it, and once for a burst of changes (one more
 * reload after one under way). Call it when the view mounts; it returns
 * what to call when it goes.
 */
export function watchLive(view: View): () => void {
  const w = new Watch(view);
  views.add(w);
  unsubscribe ??= api.onWorkspaceChanged(heard);
  return () => {
    w.stop();
    views.delete(w);
    if (views.size === 0 && unsubscribe) {
      unsubscribe();
      unsubscribe = null;
    }
  };
}

function heard(c: WorkspaceChange) {
  for (const w of views) if (concerns(c, w.view.shows())) w.due();
}

class Watch {
  #running = false;
  #again = false;
  #stopped = false;
  /** Stops waiting for the focus to leave the view (null: not waiting). */
  #unwait: (() => void) | null = null;

  constructor(readonly view: View) {}

  due() {
    if (this.#stopped) return;
    const root = this.view.root?.();
    if (root && typingIn(root)) {
      if (!this.#unwait) this.#waitForLeave(root);
      return;
    }
    // A field removed while focused may never say the focus left: any later change looks again.
    this.#unwait?.();
    if (this.#running) this.#again = true;
    else void this.#run();
  }

  async #run() {
    this.#running = true;
    try {
      await this.view.reload();
    } catch {
      // The view shows its own load errors.
    }
    this.#running = false;
    if (this.#again) {
      this.#again = false;
      this.due();
    }
  }

  /** Waits until the focus leaves the view's fields (not when it only moves to the next field). */
  #waitForLeave(root: Element) {
    // focusout comes before the focus lands elsewhere: look once it has.
    const left = () =>
      setTimeout(() => {
        if (!this.#stopped && this.#unwait && !typingIn(root)) this.due();
      });
    root.addEventListener('focusout', left);
    this.#unwait = () => {
      root.removeEventListener('focusout', left);
      this.#unwait = null;
    };
  }

  stop() {
    this.#stopped = true;
    this.#unwait?.();
  }
}
