// Outcomes after a hire and the role's Validity report (Go's app/outcomes).
// Which applications get a form is Go's answer (an empty list: no form);
// who may see the report is Go's (Interviews.Rights: outcomes,
// outcomesNote); every caveat the report shows is Go's words.
import * as Interviews from '../wailsjs/go/app/Interviews';
import type { outcomes, validity } from '../wailsjs/go/models';
import { toApiError } from './index';

export type OutcomeEntry = outcomes.Entry;
export type OutcomeInput = outcomes.Input;
export type Outcome = outcomes.Outcome;
export type ValidityReport = outcomes.Report;
export type ValidityMeasure = outcomes.Measure;
export type ValidityRow = outcomes.Row;
export type ValidityStats = validity.Report;

async function call<T>(p: () => Promise<T>): Promise<T> {
  try {
    return await p();
  } catch (e) {
    throw toApiError(e);
  }
}

export const outcomesApi = {
  /** A candidate's hired applications with their outcomes; [] means no outcome form. */
  of: (candidateId: number) => call(() => Interviews.Outcomes(candidateId)),
  /** Records (replaces) one hired application's outcome; Go checks every field first and names it. */
  record: (candidateId: number, roleId: number, input: OutcomeInput) =>
    call(() => Interviews.RecordOutcome(candidateId, roleId, input as outcomes.Input)),
  /** The role's Validity report; `empty` says what to record while there is nothing. */
  validity: (roleId: number) => call(() => Interviews.Validity(roleId)),
};
