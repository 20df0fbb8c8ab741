// The structured, blind resume screen (docs/SCREEN.md): Go decides what a
// blind screen shows ("Candidate 17", the resume redacted until the
// screener's decision is saved), the suggested decision, the revisions and
// the two screeners' agreement.
import * as Interviews from '../wailsjs/go/app/Interviews';
import type { interviews, scoring } from '../wailsjs/go/models';
import { toApiError } from './index';

export type BlindScreen = interviews.BlindScreen;
export type ScreenIdentity = interviews.Identity;
export type ScreenRevision = scoring.ScreenRevision;
export type ScreenAgreement = interviews.ScreenAgreement;
export type ScreenQueue = interviews.ScreenQueue;

async function call<T>(p: () => Promise<T>): Promise<T> {
  try {
    return await p();
  } catch (e) {
    throw toApiError(e);
  }
}

export const screenApi = {
  /** The screener's blind view; second: the second screener's independent screen. */
  blind: (applicationId: number, second: boolean) => call(() => Interviews.BlindScreen(applicationId, second)),
  /** The signed-in profile's next resume to screen blind in a role, after the one they left (0: from the start). */
  next: (roleId: number, after: number, second: boolean) => call(() => Interviews.NextBlindScreen(roleId, after, second)),
  /** The saves of the application's screens the signed-in profile may see, oldest first. */
  revisions: (applicationId: number) => call(() => Interviews.ScreenRevisions(applicationId)),
  /** The decision the marks suggest ('advance' or 'reject'). */
  suggest: (applicationId: number, second: boolean, marks: Record<string, scoring.FlagMark>) =>
    call(() => Interviews.SuggestScreen(applicationId, second, marks)),
  /** The two screeners' agreement on a role. */
  agreement: (roleId: number) => call(() => Interviews.ScreenAgreement(roleId)),
};
