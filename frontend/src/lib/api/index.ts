// The typed API layer: the only code that touches the generated Wails
// bindings. Components import from here, never from wailsjs directly.
import * as Workspace from '../wailsjs/go/app/Workspace';
import * as Roles from '../wailsjs/go/app/Roles';
import * as Candidates from '../wailsjs/go/app/Candidates';
import * as Interviews from '../wailsjs/go/app/Interviews';
import * as Exports from '../wailsjs/go/app/Exports';
import * as Transfer from '../wailsjs/go/app/Transfer';
import * as Backups from '../wailsjs/go/app/Backups';
import { EventsOn, LogPrint } from '../wailsjs/runtime/runtime';
import { withRecommendations } from './recommendations.svelte';
import { keepFirstBoard, takePageOpening } from './opening';
import type { model, app, rubric, scoring, interviews, stats, importer, bundle } from '../wailsjs/go/models';
import type { backup } from '../wailsjs/go/models';

export type Profile = model.Profile;
export type Opening = model.Opening;
export type Role = model.Role;
export type RoleInput = model.RoleInput;
export type Stage = model.Stage;
export type Candidate = model.Candidate;
export type CandidateInput = model.CandidateInput;
export type CandidatePatch = Partial<Omit<model.CandidateInput, never>>;
export type CandidateDetail = model.CandidateDetail;
export type CandidateFilter = model.CandidateFilter;
export type CandidatePage = model.CandidatePage;
export type CandidateRow = model.CandidateRow;
export type Application = model.Application;
export type Note = model.Note;
export type StageEvent = model.StageEvent;
export type Attachment = model.Attachment;
export type Board = model.Board;
export type BoardCard = model.BoardCard;
export type BoardColumn = model.BoardColumn;
export type TextSpan = model.TextSpan;
export type SearchHit = model.SearchHit;
export type Facets = model.Facets;
/** What deleting a stage did: the role after it, and the receipt undoDeleteStage takes. */
export type StageDeletion = model.StageDeletion;
export type Info = app.Info;
/**
 * What another app changed in a shared workspace ("workspace:changed", app/live.go): ids only;
 * role 0 when it belongs to no role. "reconnected" and "many" stand for anything.
 */
export type WorkspaceChange = {
  what: 'candidate' | 'application' | 'scorecard' | 'reconnected' | 'many';
  role: number;
  candidate: number;
};

export type Rubric = rubric.Rubric;
export type RubricSummary = rubric.Summary;
export type RubricVersion = rubric.Version;
/** An author's unpublished edit of a rubric (rubricId 0: a rubric not created yet). */
export type RubricDraft = interviews.RubricDraft;
export type Competency = rubric.Competency;
export type Question = rubric.Question;
export type Scale = rubric.Scale;
export type Track = rubric.Track;
export type ScreenFlag = rubric.ScreenFlag;
export type Round = scoring.Round;
export type RoundInput = scoring.RoundInput;
export type CandidateRound = scoring.CandidateRound;
export type Scorecard = scoring.Scorecard;
export type Answer = scoring.Answer;
export type Revision = scoring.Revision;
export type ScorecardView = interviews.ScorecardView;
export type Amendment = interviews.Amendment;
export type RunnerPrefs = interviews.RunnerPrefs;
export type Screen = scoring.Screen;
export type ScreenInput = scoring.ScreenInput;
export type FlagMark = scoring.FlagMark;
/** An autosave change to a draft scorecard; unset fields are left alone. */
export type Patch = Partial<scoring.Patch>;
export type RoundState = 'not_scheduled' | 'scheduled' | 'in_progress' | 'submitted';
export type RoleDebrief = interviews.RoleDebrief;
export type CandidateDebrief = interviews.CandidateDebrief;
export type Debrief = scoring.Debrief;
export type DebriefRow = scoring.Row;
export type DebriefCell = scoring.Cell;
export type DebriefAnswer = scoring.CellAnswer;
export type DebriefInterviewer = scoring.DebriefInterviewer;
export type DebriefSkip = scoring.Skip;
export type DebriefUncovered = scoring.Uncovered;
export type CompetencyScore = scoring.CompetencyScore;
export type Plan = interviews.Plan;
export type PlanQuestion = scoring.PlanQuestion;
export type WeightChange = scoring.WeightChange;
export type WeightEdit = scoring.WeightEdit;
export type Calibration = interviews.Calibration;
export type Rights = interviews.Rights;
export type CalibrationGroup = interviews.CalibrationGroup;
export type BottomLine = scoring.BottomLine;
export type StatsReport = stats.Report;
export type RaterLeniency = stats.RaterLeniency;
export type ExportResult = app.ExportResult;
/** Every export ends with done, failed or cancelled. */
export type ExportProgress = { stage: 'gathering' | 'choosing' | 'writing' | 'done' | 'failed' | 'cancelled'; percent: number };
export type ImportFile = app.ImportFile;
export type ImportRequest = app.ImportRequest;
export type ImportPreview = app.ImportPreview;
export type ImportResult = model.ImportResult;
export type ImportPreviewRow = importer.PreviewRow;
export type ImportCellError = importer.CellError;
export type ImportSkip = model.ImportSkip;
export type ImportJobMatch = importer.JobMatch;
export type ImportStageMatch = importer.StageMatch;
export type BundleResult = app.BundleResult;
export type BundleReport = bundle.ImportReport;
export type BackupStatus = app.BackupStatus;
export type BackupSnapshot = backup.Snapshot;
export type BackupSaved = backup.Saved;
export type BackupFacts = backup.Facts;
export type RestoreChoice = app.RestoreChoice;
export type Restored = backup.Restored;
export type ScorecardContent = scoring.Content;
export type Statistic = stats.Statistic;
// The overall recommendations and their labels are Go's (Interviews.Recommendations).
export { takeFirstBoard } from './opening';
export { RECOMMENDATIONS, recommendationLabel, loadRecommendations, type RecommendationOption } from './recommendations.svelte';
// Erasure, the subject access export, retention and the audit log (Go's privacy service).
export { privacyApi, type PrivacyRights, type ErasureResult, type RetentionReview, type DueCandidate, type AuditEntry, type SubjectResult, type ErasureAction } from './privacy';
// Voluntary self-identification and the role's fairness report (Go's app/selfid).
export {
  fairnessApi, type SelfIDForm, type SelfIDAnswer, type SelfIDCategory, type FairnessView, type FairnessReport, type FairnessDecision,
  type FairnessImpact, type FairnessMeans, type FairnessMeasure, type ImpactRow, type MeanRow, type Explanation,
} from './fairness';
// Outcomes after a hire and the role's Validity report (Go's app/outcomes).
export {
  outcomesApi, type OutcomeEntry, type OutcomeInput, type Outcome, type ValidityReport, type ValidityMeasure, type ValidityRow,
  type ValidityStats,
} from './outcomes';
// AI assist: settings, the key, usage, human-only and the resume screen suggestion (Go's app/assist).
export {
  aiApi, FEATURE_SCREEN, type AIStatus, type AISettings, type AIPrice, type AIKeyState, type AIConnection, type AIUsage, type AIUsageRow,
  type AIOffer, type AIPreview, type AISuggestion, type AIScreenResult, type AIFlag, type AIRetrying,
} from './ai';

/** changed: someone changed the record (or moved the card) since it was loaded; the message says who and when. */
export type ErrorCode = 'invalid' | 'duplicate' | 'not_found' | 'changed' | 'conflict' | 'locked' | 'internal';

/** A failed call, parsed from the backend's UserError JSON. */
export class ApiError extends Error {
  code: ErrorCode;
  fields: { field: string; message: string }[];
  existingId?: number;
  existingName?: string;
  /** The protected profile to unlock (code "locked"). */
  profileId?: number;

  constructor(
    code: ErrorCode,
    message: string,
    fields: { field: string; message: string }[] = [],
    existingId?: number,
    existingName?: string,
    profileId?: number,
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.fields = fields;
    this.existingId = existingId;
    this.existingName = existingName;
    this.profileId = profileId;
  }

  /** The message for one form field, if the backend named it. */
  field(name: string): string | undefined {
    return this.fields.find((f) => f.field === name)?.message;
  }
}

/** Turns whatever a binding rejected with into an ApiError. */
export function toApiError(raw: unknown): ApiError {
  if (raw instanceof ApiError) return raw;
  const text = raw instanceof Error ? raw.message : typeof raw === 'string' ? raw : '';
  try {
    const e = JSON.parse(text);
    if (e && typeof e.code === 'string' && typeof e.message === 'string') {
      return new ApiError(e.code, e.message, Array.isArray(e.fields) ? e.fields : [], e.existingId, e.existingName, e.profileId);
    }
  } catch {
    /* not our JSON: fall through */
  }
  return new ApiError('internal', text || 'The app did not answer. Try again.');
}

async function call<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    throw toApiError(e);
  }
}

export const api = {
  info: () => call(Workspace.Info()),
  /**
   * What the first screen needs (profiles, who resumes or which profile is locked, roles, the first
   * board), from the page itself when Go put it there, else in one call. The board waits for takeFirstBoard.
   */
  opening: async (): Promise<Opening> => {
    const o = takePageOpening() ?? (await call(Workspace.Opening()));
    keepFirstBoard(o.board);
    return o;
  },
  profiles: () => call(Workspace.Profiles()),
  /** Who is using the app; not_found on first launch, locked when the last profile needs its passphrase. */
  currentProfile: () => call(Workspace.CurrentProfile()),
  createProfile: (name: string, recruiter: boolean) => call(Workspace.CreateProfile(name, recruiter)),
  /** A protected profile needs its passphrase (invalid "passphrase" when wrong); others switch with ''. */
  switchProfile: (id: number, passphrase = '') => call(Workspace.SwitchProfile(id, passphrase)),
  /** Protects the current profile or changes its passphrase; current is the passphrase in force. */
  setPassphrase: (current: string, next: string) => call(Workspace.SetPassphrase(current, next)),
  /** Takes the protection off the current profile (invalid "current" when the passphrase is wrong). */
  removePassphrase: (current: string) => call(Workspace.RemovePassphrase(current)),
  /** Ends this window's session before someone else chooses or creates a profile. */
  signOut: () => call(Workspace.SignOut()),
  flushed: () => call(Workspace.Flushed()),

  roles: () => call(Roles.List()),
  role: (id: number) => call(Roles.Get(id)),
  /** Creates a role whose pipeline is stages (in order), then Rejected; Go checks the names (fields stages[i]). */
  createRole: (input: RoleInput, stages: string[]) => call(Roles.Create(input, stages)),
  /** The stages the New role form starts from. */
  defaultStages: () => call(Roles.DefaultStages()),
  /** Where a stage added to these stages goes: before the closing ones (Offer, Hired). */
  newStageIndex: (stages: string[]) => call(Roles.NewStageIndex(stages)),
  updateRole: (id: number, input: RoleInput) => call(Roles.Update(id, input)),
  addStage: (roleId: number, name: string) => call(Roles.AddStage(roleId, name)),
  renameStage: (stageId: number, name: string) => call(Roles.RenameStage(stageId, name)),
  reorderStages: (roleId: number, stageIds: number[]) => call(Roles.ReorderStages(roleId, stageIds)),
  deleteStage: (stageId: number, moveTo: number) => call(Roles.DeleteStage(stageId, moveTo)),
  /** Brings a deleted stage back with its candidates; Go refuses (invalid "stage") when the workspace changed since. */
  undoDeleteStage: (d: StageDeletion) => call(Roles.UndoDeleteStage(d)),
  rejectionReasons: () => call(Roles.RejectionReasons()),
  setRejectionReasons: (labels: string[]) => call(Roles.SetRejectionReasons(labels)),

  createCandidate: (input: CandidateInput, roleIds: number[]) => call(Candidates.Create(input, roleIds)),
  /** version: the candidate's version the edit was made from (0: whatever is stored); changed when another change came since. */
  updateCandidate: (id: number, patch: CandidatePatch, version = 0) =>
    call(Candidates.Update(id, { ...patch, version } as model.CandidatePatch)),
  findByEmail: async (email: string): Promise<Candidate | null> => {
    try {
      return await call(Candidates.FindByEmail(email));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'not_found') return null;
      throw e;
    }
  },
  candidate: (id: number) => call(Candidates.Detail(id)),
  candidates: (filter: Partial<CandidateFilter>) =>
    call(Candidates.List({ query: '', roleId: 0, stageId: 0, tag: '', source: '', includeArchived: false, sort: '', desc: false, limit: 100, offset: 0, ...filter })),
  facets: () => call(Candidates.Facets()),
  archive: (id: number) => call(Candidates.Archive(id)),
  restore: (id: number) => call(Candidates.Restore(id)),
  addNote: (candidateId: number, body: string) => call(Candidates.AddNote(candidateId, body)),
  apply: (candidateId: number, roleId: number) => call(Candidates.Apply(candidateId, roleId)),
  /** fromStageId: the stage the screen shows the card in; changed when someone moved it since. */
  move: (applicationId: number, fromStageId: number, stageId: number, reason = '') =>
    call(Candidates.Move(applicationId, fromStageId, stageId, reason)),
  /** Moves from fromStageId (as move) to the role's Rejected stage with a reason from the list and a note, kept in the history. */
  reject: (applicationId: number, fromStageId: number, reason: string, note = '') =>
    call(Candidates.Reject(applicationId, fromStageId, reason, note)),
  /** Undoes the move (or rejection) at movedAt (the enteredStageAt move or reject returned); refused once it moved again. */
  undoMove: (applicationId: number, movedAt: string) => call(Candidates.UndoMove(applicationId, movedAt)),
  /** Undoes archiving (archivedAt: what archive returned); refused once restored or archived again. */
  undoArchive: (id: number, archivedAt: string) => call(Candidates.UndoArchive(id, archivedAt)),
  /** A role's board; shown: how many cards each column (by stage id) shows now. */
  board: (roleId: number, shown: Record<number, number> = {}) => call(Candidates.Board(roleId, shown)),
  /** Open dialog, then Go reads the chosen file (size checked first) and attaches it; null when cancelled. */
  attachFile: (candidateId: number) => call(Candidates.AttachFile(candidateId)) as Promise<Attachment | null>,
  saveAttachment: (id: number) => call(Candidates.SaveAttachment(id)),
  deleteAttachment: (id: number) => call(Candidates.DeleteAttachment(id)),

  rubrics: () => call(Interviews.Rubrics()),
  rubric: (id: number) => call(Interviews.Rubric(id)),
  rubricVersion: (versionId: number) => call(Interviews.RubricVersion(versionId)),
  /** Publishes a new rubric (the profile's draft of a new rubric goes). */
  createRubric: (r: Rubric) => call(Interviews.CreateRubric(r)),
  /** The current profile's draft of a rubric (0: of a new one); null when there is none. */
  rubricDraft: (id: number) => call(Interviews.RubricDraft(id)) as Promise<RubricDraft | null>,
  rubricDrafts: () => call(Interviews.RubricDrafts()),
  /** Autosaves the editor's rubric as a draft; null when it says what the latest version says (no draft kept). */
  saveRubricDraft: (id: number, r: Rubric) => call(Interviews.SaveRubricDraft(id, r)) as Promise<RubricDraft | null>,
  discardRubricDraft: (id: number) => call(Interviews.DiscardRubricDraft(id)),
  /** Publishes an edit (the profile's draft goes); a version already scored with is kept and the edit becomes a new version. */
  saveRubric: (id: number, r: Rubric) => call(Interviews.SaveRubric(id, r)),
  duplicateRubric: (id: number, name = '') => call(Interviews.DuplicateRubric(id, name)),
  /** A rubric's problems by path (e.g. competencies[0].questions[1].anchors), as saving would refuse it; nothing is saved. */
  checkRubric: (r: Rubric) => call(Interviews.CheckRubric(r)),
  archiveRubric: (id: number, archived: boolean) => call(Interviews.ArchiveRubric(id, archived)),
  deleteRubric: (id: number) => call(Interviews.DeleteRubric(id)),
  /** Open dialog for a JSON or YAML rubric file (size checked, nothing read); null when cancelled. */
  chooseRubricFile: () => call(Interviews.ChooseRubricFile()) as Promise<ImportFile | null>,
  /** Reads the chosen rubric file (by its token) and adds it; errors name each path (e.g. competencies[0].questions[1].anchors). */
  importRubricFile: (token: string) => call(Interviews.ImportRubricFile(token)),
  /** Shows the save dialog; false when the user cancelled. */
  exportRubric: (id: number, format: 'json' | 'yaml') => call(Interviews.ExportRubric(id, format)),

  rounds: (roleId: number) => call(Interviews.Rounds(roleId)),
  saveRound: (input: RoundInput) => call(Interviews.SaveRound(input as scoring.RoundInput)),
  moveRound: (id: number, position: number) => call(Interviews.MoveRound(id, position)),
  deleteRound: (id: number) => call(Interviews.DeleteRound(id)),
  /** at: RFC 3339, or '' to clear. */
  scheduleRound: (applicationId: number, roundId: number, at: string) => call(Interviews.ScheduleRound(applicationId, roundId, at)),
  candidateRounds: (candidateId: number) => call(Interviews.CandidateRounds(candidateId)),
  /** Recruiter only: who interviews one candidate in one round ([] goes back to the plan's interviewers). */
  assignRound: (applicationId: number, roundId: number, profileIds: number[]) => call(Interviews.AssignRound(applicationId, roundId, profileIds)),
  /** What the current profile may do with plans and exports, with Go's sentence when it may not. */
  rights: () => call(Interviews.Rights()),
  /** A role's plan: every question with its weights (planned) and the weight history. */
  plan: (roleId: number) => call(Interviews.Plan(roleId)),
  /** Recruiter only; once scoring began a reason is required (invalid "reason"). */
  setWeights: (roleId: number, edits: WeightEdit[], reason: string) => call(Interviews.SetWeights(roleId, edits, reason)),
  /** Recruiter only: the share of the plan (0–1) a candidate's answers need to be ranked. */
  setCoverageThreshold: (v: number) => call(Interviews.SetCoverageThreshold(v)),

  /** Opens or resumes the current profile's scorecard for a round (once Go's recommendations are here too). */
  startInterview: (applicationId: number, roundId: number) => withRecommendations(call(Interviews.StartInterview(applicationId, roundId))),
  /** A scorecard the blind rule lets the current profile see (conflict otherwise), once Go's recommendations are here too. */
  scorecard: (id: number) => withRecommendations(call(Interviews.Scorecard(id))),
  /** Autosave: patches applied in order, all or none. */
  saveDraft: (id: number, patches: Patch[]) => call(Interviews.SaveDraft(id, patches as scoring.Patch[])),
  /** What stops the draft from being submitted, with unsaved patches applied to a copy (Submit's own check). */
  missing: (id: number, pending: Patch[] = []) => call(Interviews.Missing(id, pending as scoring.Patch[])),
  submit: (id: number, last: Patch = {}) => call(Interviews.Submit(id, last as scoring.Patch)),
  amend: (id: number, a: Amendment) => call(Interviews.Amend(id, a)),
  /** The current profile's runner preferences (moving on after scoring), kept in Go. */
  runnerPrefs: () => call(Interviews.RunnerPrefs()),
  setRunnerPrefs: (p: RunnerPrefs) => call(Interviews.SetRunnerPrefs(p)),

  screen: (applicationId: number) => call(Interviews.Screen(applicationId)),
  saveScreen: (input: ScreenInput) => call(Interviews.SaveScreen(input)),

  /** A role's candidates ranked by composite, with calibration statistics (blind rule applied), once Go's recommendations are here too. */
  roleDebrief: (roleId: number) => withRecommendations(call(Interviews.RoleDebrief(roleId))),
  /** Shows the save dialog and writes the committee workbook; saved=false when cancelled. */
  exportWorkbook: (roleId: number) => call(Exports.Workbook(roleId)),
  exportCSV: (roleId: number, which: 'summary' | 'scorecards', bom: boolean) => call(Exports.CSV(roleId, which, bom)),
  /** Stops the export being written; nothing is written (the result says cancelled). */
  cancelExport: () => call(Exports.CancelExport()),
  /** Progress of a running export ("export:progress" events). */
  onExportProgress: (fn: (p: ExportProgress) => void): (() => void) => EventsOn('export:progress', fn),

  /** Open dialog for a CSV/XLSX file, checked (size, a regular file) but not read yet; null when cancelled. */
  chooseImportFile: () => call(Transfer.ChooseImportFile()) as Promise<ImportFile | null>,
  /** Reads the chosen file (by its token) and plans the import; nothing is saved. */
  previewImport: (req: ImportRequest) => call(Transfer.PreviewImport(req)),
  /** Imports the file again from scratch (re-read, re-checked): all rows or none unless validOnly. */
  commitImport: (req: ImportRequest) => call(Transfer.CommitImport(req)),
  /** Save dialog, then writes a bundle: the workspace, or (mine) only my submitted scorecards. */
  exportBundle: (mine: boolean) => call(Transfer.ExportBundle(mine)),
  /** Open dialog, then merges a bundle; null when cancelled. */
  importBundle: () => call(Transfer.ImportBundle()),

  /** The automatic snapshots (newest first), how many are kept, the last saved backup and who may do what. */
  backupStatus: () => call(Backups.Status()),
  /** Keeps the newest n snapshots (1–100); the oldest beyond go at once. */
  setSnapshotsKept: (n: number) => call(Backups.SetKeep(n)),
  /** Save dialog, then a checked copy of the workspace; null when cancelled. */
  backUpNow: () => call(Backups.BackUpNow()) as Promise<BackupSaved | null>,
  /** Open dialog, then the file is checked (nothing replaced): what restoring it would do; null when cancelled. */
  chooseRestoreFile: () => call(Backups.ChooseRestoreFile()) as Promise<RestoreChoice | null>,
  /** Replaces the workspace with the chosen file; the window is signed out and "workspace:restored" follows. */
  restoreFile: (token: string) => call(Backups.RestoreFile(token)),
  /** What restoring a snapshot would do (nothing replaced). */
  checkSnapshot: (name: string) => call(Backups.CheckSnapshot(name)),
  /** Replaces the workspace with a snapshot; the window is signed out and "workspace:restored" follows. */
  restoreSnapshot: (name: string) => call(Backups.RestoreSnapshot(name)),
  /** The workspace was replaced by a restore: the page reloads everything. */
  onRestored: (fn: (name: string) => void): (() => void) => EventsOn('workspace:restored', fn),

  /** Another app changed the shared workspace (team mode); lib/live.ts decides what reloads. */
  onWorkspaceChanged: (fn: (c: WorkspaceChange) => void): (() => void) => EventsOn('workspace:changed', fn),

  /** Subscribes to the window's "save before closing" request. */
  onFlushRequest: (fn: () => void | Promise<void>): (() => void) => EventsOn('app:flush', fn),

  /**
   * Prints "hirebench: interactive" (stderr) once the first screen is painted: two animation
   * frames after it is rendered. build/scripts/startup.sh times startup by this line (make bench).
   */
  markInteractive: (): void => {
    if (interactiveMarked) return;
    interactiveMarked = true;
    requestAnimationFrame(() => requestAnimationFrame(() => LogPrint('hirebench: interactive')));
  },
};

let interactiveMarked = false;
