// Voluntary self-identification and the role's fairness report. Who may
// record, read or see the report is Go's answer (Interviews.Rights:
// selfId, selfIdNote) and Go refuses everyone else; every word that
// explains the report comes from Go (selfid.View.explanations).
import * as Candidates from '../wailsjs/go/app/Candidates';
import * as Interviews from '../wailsjs/go/app/Interviews';
import type { fairness, selfid } from '../wailsjs/go/models';
import { toApiError } from './index';

export type SelfIDForm = selfid.Form;
export type SelfIDAnswer = selfid.Answer;
export type SelfIDCategory = selfid.Category;
export type FairnessView = selfid.View;
export type FairnessReport = selfid.Report;
export type FairnessDecision = selfid.Decision;
export type FairnessImpact = selfid.Impact;
export type FairnessMeans = selfid.Means;
export type FairnessMeasure = selfid.Measure;
export type ImpactRow = fairness.Row;
export type MeanRow = fairness.MeanRow;
export type Explanation = selfid.Explanation;

async function call<T>(p: () => Promise<T>): Promise<T> {
  try {
    return await p();
  } catch (e) {
    throw toApiError(e);
  }
}

export const fairnessApi = {
  /** A candidate's form: each category, the answers offered ("Prefer not to say" last) and the one given. */
  selfId: (candidateId: number) => call(() => Candidates.SelfID(candidateId)),
  /** Records answers (category → answer; '' clears one), all checked first, in one transaction. */
  setSelfId: (candidateId: number, answers: Record<string, string>) => call(() => Candidates.SetSelfID(candidateId, answers)),
  /** The categories asked and their answers (without "Prefer not to say", which Go always adds). */
  categories: () => call(() => Candidates.SelfIDCategories()),
  /** Replaces the categories; Go checks names and answers and names each problem's field. */
  setCategories: (cats: SelfIDCategory[]) => call(() => Candidates.SetSelfIDCategories(cats)),
  /** The role's fairness report with Go's explanations; an empty-state sentence when nobody answered. */
  report: (roleId: number) => call(() => Interviews.Fairness(roleId)),
};
