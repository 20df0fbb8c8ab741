// The typed API layer: the only code that touches the generated Wails
// bindings. Components import from here, never from wailsjs directly.
import * as Workspace from '../wailsjs/go/app/Workspace';
import * as Roles from '../wailsjs/go/app/Roles';
import * as Candidates from '../wailsjs/go/app/Candidates';
import { EventsOn } from '../wailsjs/runtime/runtime';
import type { model, app } from '../wailsjs/go/models';

export type Profile = model.Profile;
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
export type Info = app.Info;

export type ErrorCode = 'invalid' | 'duplicate' | 'not_found' | 'conflict' | 'internal';

/** A failed call, parsed from the backend's UserError JSON. */
export class ApiError extends Error {
  code: ErrorCode;
  fields: { field: string; message: string }[];
  existingId?: number;
  existingName?: string;

  constructor(code: ErrorCode, message: string, fields: { field: string; message: string }[] = [], existingId?: number, existingName?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.fields = fields;
    this.existingId = existingId;
    this.existingName = existingName;
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
      return new ApiError(e.code, e.message, Array.isArray(e.fields) ? e.fields : [], e.existingId, e.existingName);
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
  profiles: () => call(Workspace.Profiles()),
  currentProfile: () => call(Workspace.CurrentProfile()),
  createProfile: (name: string, recruiter: boolean) => call(Workspace.CreateProfile(name, recruiter)),
  switchProfile: (id: number) => call(Workspace.SwitchProfile(id)),
  flushed: () => call(Workspace.Flushed()),

  roles: () => call(Roles.List()),
  role: (id: number) => call(Roles.Get(id)),
  createRole: (input: RoleInput) => call(Roles.Create(input)),
  updateRole: (id: number, input: RoleInput) => call(Roles.Update(id, input)),
  addStage: (roleId: number, name: string) => call(Roles.AddStage(roleId, name)),
  renameStage: (stageId: number, name: string) => call(Roles.RenameStage(stageId, name)),
  reorderStages: (roleId: number, stageIds: number[]) => call(Roles.ReorderStages(roleId, stageIds)),
  deleteStage: (stageId: number, moveTo: number) => call(Roles.DeleteStage(stageId, moveTo)),
  rejectionReasons: () => call(Roles.RejectionReasons()),
  setRejectionReasons: (labels: string[]) => call(Roles.SetRejectionReasons(labels)),

  createCandidate: (input: CandidateInput, roleIds: number[]) => call(Candidates.Create(input, roleIds)),
  updateCandidate: (id: number, patch: CandidatePatch) => call(Candidates.Update(id, patch as model.CandidatePatch)),
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
  move: (applicationId: number, stageId: number, reason = '') => call(Candidates.Move(applicationId, stageId, reason)),
  board: (roleId: number) => call(Candidates.Board(roleId)),
  attach: (candidateId: number, fileName: string, base64: string) => call(Candidates.Attach(candidateId, fileName, base64)),
  saveAttachment: (id: number) => call(Candidates.SaveAttachment(id)),
  deleteAttachment: (id: number) => call(Candidates.DeleteAttachment(id)),

  /** Subscribes to the window's "save before closing" request. */
  onFlushRequest: (fn: () => void | Promise<void>): (() => void) => EventsOn('app:flush', fn),
};

/** Reads a picked file as base64 for Attach. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onerror = () => reject(new ApiError('invalid', `${file.name} could not be read`));
    r.onload = () => {
      const s = String(r.result);
      resolve(s.slice(s.indexOf(',') + 1));
    };
    r.readAsDataURL(file);
  });
}
