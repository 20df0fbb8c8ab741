// The window's first answer (profiles, who resumes, roles and the first
// board). Go puts it into the page (app.OpeningPage), so the first screen
// paints without a call: each round trip through the webview costs tens of
// milliseconds, and the first screen needed three in a row.
import type { model } from '../wailsjs/go/models';

const GLOBAL = '__hirebenchOpening';
let firstBoard: model.Board | null = null;

/** The answer the page carried, once (a reload of the shell asks Go again); null when it carried none. */
export function takePageOpening(): model.Opening | null {
  const w = window as unknown as Record<string, model.Opening | undefined>;
  const o = w[GLOBAL] ?? null;
  delete w[GLOBAL];
  return o;
}

/** Keeps the opening's board for the board screen's first paint. */
export function keepFirstBoard(b: model.Board | null | undefined): void {
  firstBoard = b ?? null;
}

/** The opening's board if it is roleId's and not taken yet; the board screen then paints without asking. */
export function takeFirstBoard(roleId: number): model.Board | null {
  const b = firstBoard;
  firstBoard = null;
  return b && b.role.id === roleId ? b : null;
}
