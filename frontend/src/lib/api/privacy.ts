// The privacy bindings: erasing or anonymising a candidate, the subject access
// export, the retention policy and its review, and the audit log. Who may do
// what is Go's answer (privacyRights), never decided here.
import * as Privacy from '../wailsjs/go/app/Privacy';
import type { app, privacy } from '../wailsjs/go/models';
import { toApiError } from './index';

export type PrivacyRights = privacy.Rights;
export type ErasureResult = privacy.Result;
export type RetentionReview = privacy.Review;
export type DueCandidate = privacy.Due;
export type AuditEntry = privacy.AuditEntry;
export type SubjectResult = app.SubjectResult;
/** Erase deletes the person and everything about them; anonymise keeps applications and scores under an anonymous name. */
export type ErasureAction = 'erase' | 'anonymise';

async function call<T>(p: () => Promise<T>): Promise<T> {
  try {
    return await p();
  } catch (e) {
    throw toApiError(e);
  }
}

export const privacyApi = {
  /** Whether the current profile may erase, export a subject and set the policy, with Go's sentence when not. */
  rights: () => call(() => Privacy.Rights()),
  /** Erases or anonymises one candidate here and in the automatic snapshots; says which copies outside may still hold them. */
  erase: (candidateId: number, action: ErasureAction) => call(() => Privacy.Erase(candidateId, action)),
  /** Save dialog, then a zip of everything held about the candidate; saved=false when cancelled. */
  exportSubject: (candidateId: number) => call(() => Privacy.ExportSubject(candidateId)),
  /** The retention policy (months, 0 = off) and the candidates it makes due. */
  retention: () => call(() => Privacy.Retention()),
  setRetention: (months: number) => call(() => Privacy.SetRetention(months)),
  /** Erases or anonymises the reviewed candidates; each must still be due (conflict otherwise, nothing changed). */
  applyRetention: (candidateIds: number[], action: ErasureAction) => call(() => Privacy.ApplyRetention(candidateIds, action)),
  /** Who erased or anonymised which candidate and when, newest first. */
  auditLog: () => call(() => Privacy.AuditLog()),
};
