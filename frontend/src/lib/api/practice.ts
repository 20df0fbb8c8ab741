// Calibration drills (docs/DRILLS.md): the current profile scores a rubric's
// sample answers; Go keeps each level, hides the reference levels until the
// result, and computes the result (agreement, bias in words, misread anchors).
import * as Interviews from '../wailsjs/go/app/Interviews';
import type { drill, interviews } from '../wailsjs/go/models';
import { toApiError } from './index';

export type PracticeDrill = interviews.PracticeDrill;
export type PracticeSample = drill.Sample;
export type PracticeResult = interviews.PracticeResult;
export type Misread = drill.Misread;
export type PracticeStatus = interviews.PracticeStatus;
export type PracticeMark = interviews.PracticeMark;

async function call<T>(p: () => Promise<T>): Promise<T> {
  try {
    return await p();
  } catch (e) {
    throw toApiError(e);
  }
}

export const practiceApi = {
  /** Begins a drill on the rubric's latest version: samples in the order to show, no reference levels. */
  start: (rubricId: number) => call(() => Interviews.StartPractice(rubricId)),
  /** Keeps (or replaces) the level given to one sample. */
  record: (attemptId: number, sampleId: string, level: number) => call(() => Interviews.RecordPractice(attemptId, sampleId, level)),
  /** The result over the samples scored; complete (and counted as practice) when every one was. */
  finish: (attemptId: number) => call(() => Interviews.FinishPractice(attemptId)),
  /** Who completed practice on the rubric's latest version. */
  status: (rubricId: number) => call(() => Interviews.PracticeStatus(rubricId)),
};
