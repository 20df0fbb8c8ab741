// Shared builders for tests. They return plain objects (as the Wails bridge
// does, after JSON decoding), typed as the generated model classes.
import type { model } from '../lib/wailsjs/go/models';
import type {
  Application,
  Board,
  CandidateRound,
  Round,
  Scorecard,
  Screen,
  BoardCard,
  BoardColumn,
  Candidate,
  CandidateDetail,
  CandidatePage,
  CandidateRow,
  Note,
  Profile,
  Role,
  SearchHit,
  Stage,
  StageEvent,
  TextSpan,
} from '../lib/api';
import type { PlanQuestion, Rights } from '../lib/api';
import { ui } from '../lib/stores/ui.svelte';
import type {
  Calibration,
  CalibrationGroup,
  CandidateDebrief,
  CompetencyScore,
  Debrief,
  DebriefAnswer,
  DebriefCell,
  DebriefInterviewer,
  DebriefRow,
  Plan,
  RaterLeniency,
  RoleDebrief,
  StatsReport,
  WeightChange,
} from '../lib/api';

const T0 = '2026-01-05T09:00:00Z';

export function profile(over: Partial<Profile> = {}): Profile {
  return { id: 1, name: 'Grace Hopper', isRecruiter: true, createdAt: T0, ...over } as Profile;
}

export function stage(over: Partial<Stage> = {}): Stage {
  return { id: 1, roleId: 1, name: 'Applied', position: 0, kind: 'active', count: 0, ...over } as Stage;
}

/** A role with the usual pipeline: Applied, Screen, Interview, Rejected (ids 11..14). */
export function role(over: Partial<Role> = {}): Role {
  const id = over.id ?? 1;
  const stages = over.stages ?? [
    stage({ id: id * 10 + 1, roleId: id, name: 'Applied', position: 0 }),
    stage({ id: id * 10 + 2, roleId: id, name: 'Screen', position: 1 }),
    stage({ id: id * 10 + 3, roleId: id, name: 'Interview', position: 2 }),
    stage({ id: id * 10 + 4, roleId: id, name: 'Rejected', position: 3, kind: 'rejected' }),
  ];
  return {
    id, title: 'Backend Engineer', team: 'Platform', location: 'Remote', status: 'open',
    createdAt: T0, updatedAt: T0, ...over, stages,
  } as Role;
}

export function card(over: Partial<BoardCard> = {}): BoardCard {
  return {
    applicationId: 100, candidateId: 1, name: 'Ada Lovelace', email: 'ada@example.com', source: 'Referral',
    tags: [], rejectionReason: '', enteredStageAt: T0, ...over,
  } as BoardCard;
}

export function column(s: Stage, cards: BoardCard[] = []): BoardColumn {
  return { stage: { ...s, count: cards.length }, cards, more: 0, next: 0 } as BoardColumn;
}

/** A board for `r` with the given cards per stage name. */
export function board(r: Role, cardsByStage: Record<string, BoardCard[]> = {}): Board {
  return { role: r, columns: r.stages.map((s) => column(s, cardsByStage[s.name] ?? [])) } as Board;
}

export function candidate(over: Partial<Candidate> = {}): Candidate {
  return {
    id: 1, name: 'Ada Lovelace', email: 'ada@example.com', phone: '', location: 'London', linkedIn: '', gitHub: '',
    portfolio: '', source: 'Referral', resumeText: '', tags: ['math'], createdAt: T0, updatedAt: T0, archivedAt: '', version: 1, changedBy: '',
    ...over,
  } as Candidate;
}

export function application(over: Partial<Application> = {}): Application {
  return {
    id: 100, candidateId: 1, roleId: 1, roleTitle: 'Backend Engineer', stageId: 12, stageName: 'Screen', stageKind: 'active',
    rejectionReason: '', createdAt: T0, enteredStageAt: T0, ...over,
  } as Application;
}

export function note(over: Partial<Note> = {}): Note {
  return { id: 1, candidateId: 1, authorId: 1, authorName: 'Grace', body: 'Strong on fundamentals', createdAt: T0, ...over } as Note;
}

export function stageEvent(over: Partial<StageEvent> = {}): StageEvent {
  return {
    id: 1, applicationId: 100, roleTitle: 'Backend Engineer', fromStage: 'Applied', toStage: 'Screen', actorName: 'Grace',
    reason: '', at: T0, ...over,
  } as StageEvent;
}

export function detail(over: Partial<CandidateDetail> = {}): CandidateDetail {
  return {
    candidate: candidate(), applications: [application()], notes: [note()], history: [stageEvent()], attachments: [], ...over,
  } as CandidateDetail;
}

export function span(text: string, match = false): TextSpan {
  return { text, match } as TextSpan;
}

export function hit(field: string, snippet: TextSpan[]): SearchHit {
  return { field, snippet } as SearchHit;
}

export function row(over: Partial<CandidateRow> = {}): CandidateRow {
  return {
    id: 1, name: 'Ada Lovelace', email: 'ada@example.com', source: 'Referral', location: 'London', tags: ['math'],
    applications: [], updatedAt: T0, archivedAt: '', hits: [], ...over,
  } as CandidateRow;
}

export function appSummary(over: Partial<model.AppSummary> = {}): model.AppSummary {
  return { applicationId: 100, roleId: 1, roleTitle: 'Backend Engineer', stageId: 12, stageName: 'Screen', stageKind: 'active', ...over };
}

export function page(rows: CandidateRow[], total = rows.length, atLeast = false): CandidatePage {
  return { rows, total, atLeast } as CandidatePage;
}

type Field = { field: string; message: string };

/** What a binding rejects with: the backend's UserError as a JSON string. */
export function backendError(code: string, message: string, fields: Field[] = [], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ code, message, fields, ...extra });
}

export const invalidEmail = (value = 'x') =>
  backendError('invalid', `email: "${value}" is not a valid email address`, [
    { field: 'email', message: `"${value}" is not a valid email address` },
  ]);

export const duplicateEmail = (existingId = 7, existingName = 'Ada Lovelace') =>
  backendError('duplicate', `email: already used by ${existingName}`, [{ field: 'email', message: `already used by ${existingName}` }], {
    existingId,
    existingName,
  });

export const notFound = (what = 'candidate') => backendError('not_found', `${what} not found`);

/** Puts the app-wide UI store back to its defaults between tests. */
export function resetUi() {
  ui.screen = 'board';
  ui.roleId = 0;
  ui.candidateId = 0;
  ui.profile = null;
  ui.rights = null;
  ui.newCandidateOpen = false;
  ui.version = 0;
  ui.toast = null;
  ui.query = '';
  ui.firstResultId = 0;
  ui.interview = null;
  ui.scorecardId = 0;
  ui.practiseRubricId = 0;
}

// ---- debrief (builders: plain objects as the bridge returns them; defaults are a minimal valid value)

/** One answer in a matrix cell: a 3 "Solid" on 1–4 in the technical screen unless told. */
export function debriefAnswer(over: Partial<DebriefAnswer> = {}): DebriefAnswer {
  return {
    round: 'Technical screen', score: 3, label: 'Solid', scaleMin: 1, scaleMax: 4, norm: 66.67, notes: '', skipped: false, skipReason: '', ...over,
  } as DebriefAnswer;
}

/** A skipped answer with its reason. */
export function skippedAnswer(reason: string, over: Partial<DebriefAnswer> = {}): DebriefAnswer {
  return debriefAnswer({ score: undefined, label: '', norm: undefined, skipped: true, skipReason: reason, ...over });
}

/** One interviewer's cell; norm defaults to the mean of the scored answers. */
export function debriefCell(author: string, authorId: number, answers: DebriefAnswer[] = [], over: Partial<DebriefCell> = {}): DebriefCell {
  const norms = answers.map((a) => a.norm).filter((n): n is number => typeof n === 'number');
  const norm = norms.length ? norms.reduce((x, y) => x + y, 0) / norms.length : undefined;
  return { authorId, author, answers, norm, ...over } as DebriefCell;
}

export function debriefRow(over: Partial<DebriefRow> = {}): DebriefRow {
  const competencyId = over.competencyId ?? 'tech';
  const questionId = over.questionId ?? 'q1';
  return {
    key: `${competencyId}/${questionId}`, competencyId, competencyName: 'Technical', questionId, prompt: 'Design a rate limiter',
    weight: 0.25, inPlan: true, scale: '1–4', cells: [], n: 0, mean: undefined, range: '', disagreement: false, ...over,
  } as DebriefRow;
}

export function debriefInterviewer(over: Partial<DebriefInterviewer> = {}): DebriefInterviewer {
  return { id: 1, name: 'Grace Hopper', rounds: ['Technical screen'], composite: undefined, amended: false, amendedAfterSeeing: false, ...over } as DebriefInterviewer;
}

export function competencyScore(over: Partial<CompetencyScore> = {}): CompetencyScore {
  return { id: 'tech', name: 'Technical', weight: 1, norm: undefined, coverage: 0, ...over } as CompetencyScore;
}

/** A candidate's debrief: unscored unless told. */
export function debrief(over: Partial<Debrief> = {}): Debrief {
  return {
    candidateId: 1, candidateName: 'Ada Lovelace', interviewers: [], rows: [], competencies: [], composite: undefined, coverage: 0,
    complete: false, uncertainty: undefined, uncertaintyLabel: 'no scores yet', coverageLabel: 'no scored questions yet',
    recommendations: {}, cards: 0, disagreements: 0, skips: [], uncovered: [], amendedAfterSeeing: 0, ...over,
  } as Debrief;
}

export function candidateDebrief(stage: string, rank: number, over: Partial<Debrief> = {}): CandidateDebrief {
  return { stage, rank, debrief: debrief(over) } as CandidateDebrief;
}

export function weightChange(over: Partial<WeightChange> = {}): WeightChange {
  return {
    id: 1, roleId: 1, competencyId: 'tech', questionId: '', label: 'Technical', old: 1, new: 2, reason: '', afterScoring: true,
    actorName: 'Grace Hopper', changedAt: T0, ...over,
  } as WeightChange;
}

/** A role's plan: no questions, weights as planned, the default 80% to rank. */
export function plan(over: Partial<Plan> = {}): Plan {
  return {
    roleId: 1, questions: [], changes: [], scoringBegan: true, changedAfterScoring: false, weightsNote: '', coverageThreshold: 0.8, ...over,
  } as Plan;
}

export function raterLeniency(over: Partial<RaterLeniency> = {}): RaterLeniency {
  return { rater: 'Grace Hopper', n: 3, mean_deviation: 0, deviation_sd: 0.5, z: 0, ratings: 3, mean: 3, sd: 0.5, distribution: {}, ...over } as RaterLeniency;
}

/** A stats report with nothing computed. */
export function statsReport(over: Partial<StatsReport> = {}): StatsReport {
  return { subjects: 0, raters: 0, ratings: 0, subjects_dropped: 0, k: 0, leniency: [], errors: [], notes: [], ...over } as StatsReport;
}

/** A calibration group: all questions pooled on 1–5, too few to say unless a report is given. */
export function calibrationGroup(over: Partial<CalibrationGroup> = {}): CalibrationGroup {
  return {
    id: '', name: 'All questions', scale: '1–5', candidates: 0, items: 0, pairedItems: 0, raters: 0, ratings: 0, tooFew: true,
    reason: 'too few to say: 0 candidates (needs at least 3)', report: undefined, ...over,
  } as CalibrationGroup;
}

export function calibration(over: Partial<Calibration> = {}): Calibration {
  return { pooled: [], competencies: [], minCandidates: 3, minPairedItems: 10, ...over } as Calibration;
}

export function roleDebrief(over: Partial<RoleDebrief> = {}): RoleDebrief {
  return { roleId: 1, roleTitle: 'Backend Engineer', candidates: [], plan: plan(), calibration: calibration(), hidden: 0, ...over } as RoleDebrief;
}

// ---- interviews

export function round(over: Partial<Round> = {}): Round {
  return {
    id: 1, roleId: 1, name: 'Technical screen', position: 0, rubricId: 1, rubricName: 'Backend', competencies: [], durationMin: 45,
    interviewers: [], ...over,
  } as Round;
}

/** A scorecard (draft unless told), with no answers. */
export function scorecard(over: Partial<Scorecard> = {}): Scorecard {
  return {
    id: 7, uid: 'sc-7', applicationId: 100, candidateId: 1, candidateName: 'Ada Lovelace', roleId: 1, roleTitle: 'Backend Engineer',
    roundId: 1, roundName: 'Technical screen', durationMin: 45, authorId: 1, authorName: 'Grace Hopper', rubricId: 1, rubricVersionId: 1,
    rubricVersion: 1, rubricSha256: '', competencies: [], status: 'draft', answers: {}, recommendation: '', notes: '', cursor: '',
    elapsedMs: 0, startedAt: T0, updatedAt: T0, submittedAt: '', sha256: '', revisions: [], ...over,
  } as Scorecard;
}

export function candidateRound(over: Partial<CandidateRound> = {}): CandidateRound {
  return {
    round: round(), applicationId: 100, state: 'not_scheduled', scheduledAt: '', cards: [], interviewers: [], reassigned: false, canStart: true,
    startNote: '', myCardId: 0, hidden: 0, ...over,
  } as CandidateRound;
}

/** What a profile may do, as Go says (interviews.RightsOf). */
export function rights(recruiter: boolean): Rights {
  const editNote = 'Only the recruiter changes the interview plan.';
  return recruiter
    ? { editPlan: true, editPlanNote: '', exportCommittee: true, exportCommitteeNote: '', exportWorkspace: true, exportWorkspaceNote: '', selfId: true, selfIdNote: '', outcomes: true, outcomesNote: '' }
    : {
        editPlan: false,
        editPlanNote: editNote,
        exportCommittee: false,
        exportCommitteeNote: "The committee workbook holds every interviewer's scorecards, so only the recruiter exports it.",
        exportWorkspace: false,
        exportWorkspaceNote: "A workspace bundle holds every interviewer's scorecards, so only the recruiter exports it; export only your own scorecards instead.",
        selfId: false,
        selfIdNote: 'Only the recruiter records or reads self-identification.',
        outcomes: false,
        outcomesNote: 'Only the recruiter records or reads outcomes after a hire.',
      };
}

/** A resume screen: blank unless marks are given. */
export function resumeScreen(over: Partial<Screen> = {}): Screen {
  return { applicationId: 100, rubricVersionId: 1, checklist: [], marks: {}, decision: '', suggested: '', rejectReason: '', overrideReason: '', second: false, authorId: 0, authorName: '', updatedAt: '', ...over } as Screen;
}

// ---- interview plan weights

/** One question of a role's plan, with the shares Go computed (pass them: nothing is computed here). */
export function planQuestion(over: Partial<PlanQuestion> = {}): PlanQuestion {
  const competencyId = over.competencyId ?? 'tech';
  const questionId = over.questionId ?? 'q1';
  return {
    key: `${competencyId}/${questionId}`, competencyId, competency: 'Technical', questionId, prompt: 'Design a rate limiter',
    competencyWeight: 1, questionWeight: 1, effective: 1, ...over,
  } as PlanQuestion;
}

/** The window's opening answer (Workspace.Opening): someone signed in on the first role's board unless over says otherwise. */
export function opening(over: Partial<model.Opening> = {}): model.Opening {
  return { profiles: [], profile: undefined, lockedId: 0, signedIn: false, roles: [], board: undefined, ...over } as model.Opening;
}

/** A locked-profile error, as CurrentProfile rejects when the last profile is protected. */
export const lockedProfile = (profileId: number, name: string) =>
  backendError('locked', `${name}'s profile is protected: enter its passphrase.`, [], { profileId });

/** A wrong passphrase, as SwitchProfile rejects it (field "passphrase"). */
export const wrongPassphrase = (field = 'passphrase') =>
  backendError('invalid', `${field}: That passphrase is not right`, [{ field, message: 'That passphrase is not right' }]);
