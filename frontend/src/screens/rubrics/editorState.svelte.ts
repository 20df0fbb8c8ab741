// The rubric editor's state: the draft (autosaved to Go as the author's draft of the rubric), its dirty flag, the problems Go finds in it (asked as the user edits), touched fields, the edits, publishing and discarding.
import { tick, untrack } from 'svelte';
import { api, toApiError, type Rubric, type RubricDraft, type RubricVersion } from '../../lib/api';
import { Autosave } from '../../lib/autosave.svelte';
import {
  blankCompetency,
  blankQuestion,
  domId,
  forEdit,
  kebab,
  knownPaths,
  place,
  reservedIds,
  toRubric,
  uniqueId,
  withIds,
  type ERubric,
  type FieldProblem,
  type Reserved,
} from './rubricForm';

/** How long after the last edit Go is asked about the draft (ms). */
export const CHECK_DELAY = 300;
/** How long after the last edit the draft is saved in the workspace (ms); leaving the editor saves at once. */
export const DRAFT_DELAY = 600;

type Scale = { min: number; max: number };

/** Grows or shrinks list to n items; cut holds text removed earlier, given back first. */
function resize(list: string[], n: number, cut: string[]): { list: string[]; cut: string[] } {
  if (list.length > n) return { list: list.slice(0, n), cut: [...list.slice(n), ...cut] };
  const grown = [...list];
  const back = [...cut];
  while (grown.length < n) grown.push(back.shift() ?? '');
  return { list: grown, cut: back };
}

/** Which way the focus goes after moving an item to j of n: the button that is still enabled. */
function moveDir(by: number, j: number, n: number): 'up' | 'down' {
  if (by < 0) return j === 0 ? 'down' : 'up';
  return j === n - 1 ? 'up' : 'down';
}

function focusSoon(id: string) {
  tick().then(() => document.getElementById(id)?.focus());
}

/**
 * One editor's state. Create it while a component initialises: it asks Go
 * (Interviews.CheckRubric) about the draft CHECK_DELAY ms after each edit,
 * and saves it as the author's draft (Interviews.SaveRubricDraft)
 * DRAFT_DELAY ms after each edit and when the component goes, for as long
 * as that component lives. Only publishing makes a version.
 */
export class EditorState {
  /** The version being edited; null until a new rubric is created. */
  current = $state<RubricVersion | null>(null);
  draft = $state<ERubric>(forEdit(null));
  /** The published version as the form holds it. */
  baseline = $state('');
  /** Go's word on the stored draft; null when the workspace holds none. */
  stored = $state<RubricDraft | null>(null);
  reserved = $state.raw<Reserved>(reservedIds(forEdit(null)));
  /** Track ids of the saved version: they never change. */
  originalTracks = $state.raw(new Set<string>());

  /** What Go found in the latest draft it answered about. */
  problems = $state.raw<FieldProblem[]>([]);
  /** What Go refused in the last save, shown until the form's structure changes. */
  serverErrors = $state.raw<FieldProblem[]>([]);
  touched = $state<Record<string, true>>({});
  /** After a save attempt every problem is shown, touched or not. */
  showAll = $state(false);
  /** '' or the step of the save in flight. */
  busy = $state<'' | 'checking' | 'saving'>('');
  savedMsg = $state('');
  saveError = $state('');
  /** The competency whose delete waits for confirmation. */
  confirmComp = $state<number | null>(null);
  /** Announced to screen readers. */
  note = $state('');

  readonly #readonly: () => boolean;
  /** Saves the draft to the workspace. */
  readonly saver: Autosave<{ content: Rubric }>;
  /** The snapshot last handed to the saver (or loaded): the same one is not saved again. */
  #queued = '';
  /** Sequence numbers: of the last check sent, and of the last answer shown. */
  #sent = 0;
  #shown = 0;
  /** Set by structural edits: the next check goes out without waiting. */
  #urgent = false;
  /** Text cut off by shrinking the scale, given back if it grows again. */
  #cutLabels: string[] = [];
  #cutAnchors = new WeakMap<object, string[]>();

  snapshot = $derived(JSON.stringify(this.draft));
  dirty = $derived(!this.readonly && this.snapshot !== this.baseline);
  /** The draft as it would be sent: new items carry the ids they will get. */
  payload = $derived(withIds(JSON.parse(this.snapshot) as ERubric, this.reserved));
  body = $derived(toRubric(this.payload));
  known = $derived(knownPaths(this.payload));
  #fromGo = $derived(place(this.problems, this.known));
  #fromSave = $derived(place(this.serverErrors, this.known));
  problemCount = $derived(this.problems.length);
  /** Problems on no field of the form, listed at the top. */
  unplaced = $derived.by(() => {
    const list = [...this.#fromSave.unplaced, ...(this.showAll ? this.#fromGo.unplaced : [])];
    return list.filter((e, i) => list.findIndex((f) => f.field === e.field && f.message === e.message) === i);
  });
  levels = $derived(this.draft.scale.labels.length);

  constructor(version: RubricVersion | null, draft: RubricDraft | null, readonly: () => boolean) {
    this.#readonly = readonly;
    this.saver = new Autosave<{ content: Rubric }>(async (p) => {
      this.stored = (await api.saveRubricDraft(this.current?.rubricId ?? 0, p.content!)) ?? null;
    }, DRAFT_DELAY);
    this.#load(version, readonly() ? null : draft);
    $effect(() => {
      const snap = this.snapshot;
      if (this.readonly || snap === this.#queued) return;
      this.#queued = snap;
      // The form as typed, blank lines and all: Go tidies it only when it is published.
      untrack(() => this.saver.edit('content', JSON.parse(snap) as Rubric));
    });
    // Leaving the editor (another rubric, another screen) saves the draft at once.
    $effect(() => () => void this.saver.dispose());
    $effect(() => {
      if (this.readonly) return;
      const body = this.body;
      const delay = this.#urgent ? 0 : CHECK_DELAY;
      this.#urgent = false;
      const timer = setTimeout(() => this.#check(body).catch(() => {}), delay);
      return () => clearTimeout(timer);
    });
  }

  get readonly(): boolean {
    return this.#readonly();
  }

  /** Shows version v, or the author's draft of it when there is one. */
  #load(v: RubricVersion | null, d: RubricDraft | null) {
    const r = forEdit(v?.content);
    this.current = v;
    this.baseline = JSON.stringify(r);
    this.draft = d ? forEdit(d.content) : r;
    this.stored = d;
    this.#queued = JSON.stringify(this.draft);
    // Ids the published version gave out stay reserved, whatever the draft did with them.
    this.reserved = reservedIds(r);
    this.originalTracks = new Set(r.tracks.map((t) => t.id));
  }

  /** Whether there is something to publish or discard: edits, or a draft stored earlier. */
  get hasDraft(): boolean {
    return this.dirty || !!this.stored;
  }

  /** What the editor says about the draft: saving, saved (Go's words), not saved, or the last publish. */
  get status(): string {
    if (this.readonly) return 'Read-only';
    const s = this.saver.status;
    if (s === 'dirty' || s === 'saving') return 'Saving draft…';
    if (s === 'error') return `Draft not saved: ${this.saver.error?.message ?? 'try again'}`;
    if (this.stored) return this.stored.note;
    return this.savedMsg;
  }

  // ---- problems

  /** The messages shown next to path: Go's once the field is touched (all after a save attempt), and a refused save's. */
  errs(path: string): string[] {
    const check = this.showAll || this.touched[path] ? (this.#fromGo.by[path] ?? []) : [];
    return [...new Set([...check, ...(this.#fromSave.by[path] ?? [])])];
  }

  bad(path: string): boolean {
    return this.errs(path).length > 0;
  }

  describedBy(path: string): string | undefined {
    return this.bad(path) ? `${domId(path)}-err` : undefined;
  }

  touch(path: string) {
    if (!this.touched[path]) this.touched[path] = true;
  }

  /** Asks Go about body; shows the answer unless one about a newer draft is already shown. */
  async #check(body: Rubric): Promise<{ problems: FieldProblem[]; resized: boolean }> {
    const mine = ++this.#sent;
    const found = (await api.checkRubric(body)) ?? [];
    if (mine <= this.#shown) return { problems: found, resized: false };
    this.#shown = mine;
    if (this.#fitScale(body.scale, found)) return { problems: found, resized: true };
    this.problems = found;
    return { problems: found, resized: false };
  }

  /** Asks Go about the draft now; the problems saving would refuse. */
  async checkNow(): Promise<FieldProblem[]> {
    let r = await this.#check(this.body);
    if (r.resized) r = await this.#check(this.body);
    return r.problems;
  }

  /** Structural edits shift the paths Go named: ask again at once, and drop a refused save's messages. */
  #restructured() {
    this.serverErrors = [];
    this.#urgent = true;
  }

  // ---- scale

  levelOf(k: number): number {
    return this.draft.scale.min + k;
  }

  /** Sets a bound from its input; only whole numbers reach the draft (the scale's bounds are integers). */
  setBound(which: 'min' | 'max', n: number) {
    this.touch(`scale.${which}`);
    if (Number.isInteger(n)) this.draft.scale[which] = n;
  }

  /**
   * Once Go has accepted the scale's range (no problem at scale.max), every
   * question gets one anchor per level, and the scale one label per level.
   */
  #fitScale(sent: Scale, found: FieldProblem[]): boolean {
    const { min, max, labels } = this.draft.scale;
    if (min !== sent.min || max !== sent.max) return false; // changed since: its own answer follows
    if (found.some((p) => p.field === 'scale.max')) return false;
    const n = max - min + 1;
    if (n === labels.length) return false;
    const l = resize(labels, n, this.#cutLabels);
    this.draft.scale.labels = l.list;
    this.#cutLabels = l.cut;
    for (const c of this.draft.competencies)
      for (const q of c.questions) {
        const a = resize(q.anchors, n, this.#cutAnchors.get(q) ?? []);
        q.anchors = a.list;
        this.#cutAnchors.set(q, a.cut);
      }
    this.#restructured();
    return true;
  }

  // ---- tracks

  addTrack() {
    const taken = new Set([...this.originalTracks, ...this.draft.tracks.map((t) => t.id)]);
    this.draft.tracks.push({ id: uniqueId('', 'track', taken), name: '', description: '' });
    this.touch('tracks');
    this.#restructured();
    focusSoon(`${domId(`tracks[${this.draft.tracks.length - 1}]`)}-name`);
  }

  renameTrack(i: number, name: string) {
    const t = this.draft.tracks[i];
    t.name = name;
    this.touch(`tracks[${i}].name`);
    if (this.originalTracks.has(t.id)) return; // saved ids never change: competencies and scorecards use them
    const taken = new Set([...this.originalTracks, ...this.draft.tracks.filter((_, j) => j !== i).map((x) => x.id)]);
    const id = uniqueId(kebab(name), 'track', taken);
    if (id === t.id) return;
    for (const c of this.draft.competencies) if (c.track === t.id) c.track = id;
    t.id = id;
  }

  deleteTrack(i: number) {
    const t = this.draft.tracks[i];
    const users = this.draft.competencies.filter((c) => c.track === t.id);
    for (const c of users) c.track = '';
    this.draft.tracks.splice(i, 1);
    this.note = users.length
      ? `Track ${t.name || t.id} deleted; ${users.length} ${users.length === 1 ? 'competency is' : 'competencies are'} now core.`
      : `Track ${t.name || t.id} deleted.`;
    this.#restructured();
  }

  // ---- competencies and questions

  addCompetency() {
    this.draft.competencies.push(blankCompetency(this.levels));
    this.touch('competencies');
    this.#restructured();
    focusSoon(`${domId(`competencies[${this.draft.competencies.length - 1}]`)}-name`);
  }

  deleteCompetency(ci: number) {
    const c = this.draft.competencies[ci];
    this.draft.competencies.splice(ci, 1);
    this.confirmComp = null;
    this.note = `Competency ${c.name || ci + 1} deleted.`;
    this.#restructured();
    focusSoon('rf-add-competency');
  }

  moveCompetency(ci: number, by: number) {
    const j = ci + by;
    const list = this.draft.competencies;
    if (j < 0 || j >= list.length) return;
    [list[ci], list[j]] = [list[j], list[ci]];
    this.confirmComp = null;
    this.#restructured();
    this.note = `Competency ${list[j].name || ''} moved to position ${j + 1}.`;
    focusSoon(`${domId(`competencies[${j}]`)}-${moveDir(by, j, list.length)}`);
  }

  addQuestion(ci: number) {
    const qs = this.draft.competencies[ci].questions;
    qs.push(blankQuestion(this.levels));
    this.touch(`competencies[${ci}].questions`);
    this.#restructured();
    focusSoon(domId(`competencies[${ci}].questions[${qs.length - 1}].prompt`));
  }

  deleteQuestion(ci: number, qi: number) {
    this.draft.competencies[ci].questions.splice(qi, 1);
    this.note = `Question ${ci + 1}.${qi + 1} deleted.`;
    this.#restructured();
    focusSoon(`${domId(`competencies[${ci}]`)}-add-question`);
  }

  moveQuestion(ci: number, qi: number, by: number) {
    const qs = this.draft.competencies[ci].questions;
    const j = qi + by;
    if (j < 0 || j >= qs.length) return;
    [qs[qi], qs[j]] = [qs[j], qs[qi]];
    this.#restructured();
    this.note = `Question moved to position ${ci + 1}.${j + 1}.`;
    focusSoon(`${domId(`competencies[${ci}].questions[${j}]`)}-${moveDir(by, j, qs.length)}`);
  }

  /** A one-per-line textarea of question ci.qi changed. */
  setLines(ci: number, qi: number, field: 'followUps' | 'redFlags', text: string) {
    this.draft.competencies[ci].questions[qi][field] = text.split('\n');
    this.touch(`competencies[${ci}].questions[${qi}].${field}`);
  }

  // ---- resume screen checklist

  addFlag(kind: 'green' | 'red') {
    this.draft.screen.push({ id: '', kind, text: '', hint: '' });
    this.touch('screen');
    this.#restructured();
    focusSoon(domId(`screen[${this.draft.screen.length - 1}].text`));
  }

  deleteFlag(i: number) {
    this.draft.screen.splice(i, 1);
    this.#restructured();
    focusSoon('rf-add-green');
  }

  // ---- publish

  /** Asks Go, then publishes when it has nothing to object; the published version, or null when nothing was published. */
  async save(): Promise<RubricVersion | null> {
    if (this.busy || this.readonly) return null;
    this.showAll = true;
    this.savedMsg = '';
    this.saveError = '';
    this.busy = 'checking';
    let found: FieldProblem[] = [];
    try {
      found = await this.checkNow();
    } catch {
      // Go could not be asked: the save below asks it again and says why.
    }
    if (found.length) {
      this.busy = '';
      return null;
    }
    this.busy = 'saving';
    this.serverErrors = [];
    const before = this.current;
    try {
      // The draft is stored first: if publishing is refused, it is still there.
      await this.saver.flush();
      const body = this.body;
      const v = before ? await api.saveRubric(before.rubricId, body) : await api.createRubric(body);
      await this.saver.drop();
      this.#load(v, null);
      this.touched = {};
      this.showAll = false;
      if (!before) this.savedMsg = `Published ${v.content.name} as version ${v.version}.`;
      else if (v.version > before.version)
        this.savedMsg = `Published as version ${v.version} — scorecards already submitted keep version ${before.version}.`;
      else this.savedMsg = `Published. Still version ${v.version}: no scorecard has used it yet.`;
      return v;
    } catch (e) {
      const err = toApiError(e);
      this.serverErrors = err.fields;
      this.saveError = err.fields.length
        ? 'The rubric was not published; your draft is kept. Fix the problems marked below.'
        : `The rubric was not published; your draft is kept. ${err.message}`;
      return null;
    } finally {
      this.busy = '';
    }
  }

  /** Drops the draft, here and in the workspace, and shows the published version again. */
  async discard() {
    if (this.busy) return;
    this.busy = 'saving';
    try {
      await this.saver.drop();
      await api.discardRubricDraft(this.current?.rubricId ?? 0);
    } catch (e) {
      this.saveError = `The draft was not discarded: ${toApiError(e).message}`;
      return;
    } finally {
      this.busy = '';
    }
    this.stored = null;
    this.draft = JSON.parse(this.baseline) as ERubric;
    this.#queued = JSON.stringify(this.draft);
    this.serverErrors = [];
    this.touched = {};
    this.showAll = false;
    this.saveError = '';
    this.confirmComp = null;
    this.note = 'Draft discarded.';
  }
}
