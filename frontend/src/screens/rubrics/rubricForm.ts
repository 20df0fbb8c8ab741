// The rubric as the editor's form holds it, and the pure conversions to and from the API's Rubric (no rules: Go checks them).
import type { Rubric } from '../../lib/api';

// The editor works on plain objects with every optional field filled in,
// so bindings never meet undefined and "unsaved changes" is a string compare.
export type EQuestion = {
  id: string;
  prompt: string;
  probes: string;
  followUps: string[];
  weight: number;
  optional: boolean;
  redFlags: string[];
  anchors: string[];
  /** Not edited here yet, but kept: a copied rubric must not lose them on save. */
  kind: string;
  samples: { level: number; answer: string }[];
};
export type ECompetency = { id: string; name: string; description: string; track: string; weight: number; questions: EQuestion[] };
export type ETrack = { id: string; name: string; description: string };
export type EFlag = { id: string; kind: string; text: string; hint: string };
export type ERubric = {
  format: string;
  name: string;
  description: string;
  scale: { min: number; max: number; labels: string[] };
  tracks: ETrack[];
  competencies: ECompetency[];
  screen: EFlag[];
};
/** One problem as Go names it: the JSON path of the field and what is wrong. */
export type FieldProblem = { field: string; message: string };
export type Problems = Record<string, string[]>;

export const FORMAT = 'hirebench.rubric/v1';

export function forEdit(r: Rubric | null | undefined): ERubric {
  if (!r) return blankRubric();
  return {
    format: r.format || FORMAT,
    name: r.name ?? '',
    description: r.description ?? '',
    scale: { min: r.scale?.min ?? 1, max: r.scale?.max ?? 4, labels: [...(r.scale?.labels ?? [])] },
    tracks: (r.tracks ?? []).map((t) => ({ id: t.id ?? '', name: t.name ?? '', description: t.description ?? '' })),
    competencies: (r.competencies ?? []).map((c) => ({
      id: c.id ?? '',
      name: c.name ?? '',
      description: c.description ?? '',
      track: c.track ?? '',
      weight: c.weight ?? 1,
      questions: (c.questions ?? []).map((q) => ({
        id: q.id ?? '',
        prompt: q.prompt ?? '',
        probes: q.probes ?? '',
        followUps: [...(q.followUps ?? [])],
        weight: q.weight ?? 1,
        optional: !!q.optional,
        redFlags: [...(q.redFlags ?? [])],
        anchors: [...(q.anchors ?? [])],
        kind: q.kind ?? '',
        samples: (q.samples ?? []).map((s) => ({ level: s.level, answer: s.answer })),
      })),
    })),
    screen: (r.screen ?? []).map((f) => ({ id: f.id ?? '', kind: f.kind ?? 'green', text: f.text ?? '', hint: f.hint ?? '' })),
  };
}

export function blankQuestion(levels: number): EQuestion {
  return { id: '', prompt: '', probes: '', followUps: [], weight: 1, optional: false, redFlags: [], anchors: Array(levels).fill(''), kind: '', samples: [] };
}

export function blankCompetency(levels: number): ECompetency {
  return { id: '', name: '', description: '', track: '', weight: 1, questions: [blankQuestion(levels)] };
}

/** A minimal rubric to start from: the common 1–4 scale, one competency, one question. */
export function blankRubric(): ERubric {
  return {
    format: FORMAT,
    name: '',
    description: '',
    scale: { min: 1, max: 4, labels: ['Not shown', 'Partly', 'Meets the bar', 'Exceeds'] },
    tracks: [],
    competencies: [blankCompetency(4)],
    screen: [],
  };
}

/** Kebab-case from free text: "API design & review" → "api-design-review". */
export function kebab(text: string, max = 40): string {
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let out = '';
  for (const w of words) {
    const next = out ? `${out}-${w}` : w;
    if (next.length > max) break;
    out = next;
  }
  return out || (words[0] ?? '').slice(0, max);
}

/** base, or base-2, base-3… whichever is free; records the result in taken. */
export function uniqueId(base: string, fallback: string, taken: Set<string>): string {
  const b = base || fallback;
  let id = b;
  for (let n = 2; taken.has(id); n++) id = `${b}-${n}`;
  taken.add(id);
  return id;
}

/** The items of a one-per-line textarea: blank lines are not items. */
export function lines(list: string[]): string[] {
  return list.map((s) => s.trim()).filter(Boolean);
}

/** Where each of `lines(list)` stands on the textarea: its 1-based line number, blank lines counted. */
export function itemLines(list: string[]): number[] {
  return list.flatMap((s, i) => (s.trim() ? [i + 1] : []));
}

/** Ids kept by scorecards of the saved version; new items never take them. */
export type Reserved = { competencies: Set<string>; questions: Set<string>; screen: Set<string> };

export function reservedIds(r: ERubric): Reserved {
  return {
    competencies: new Set(r.competencies.map((c) => c.id).filter(Boolean)),
    questions: new Set(r.competencies.flatMap((c) => c.questions.map((q) => q.id)).filter(Boolean)),
    screen: new Set(r.screen.map((f) => f.id).filter(Boolean)),
  };
}

/** A copy of r where new items (empty id) get an id derived from their name, prompt or text. */
export function withIds(r: ERubric, reserved: Reserved): ERubric {
  const out: ERubric = JSON.parse(JSON.stringify(r));
  const comps = new Set([...reserved.competencies, ...out.competencies.map((c) => c.id).filter(Boolean)]);
  const questions = new Set([...reserved.questions, ...out.competencies.flatMap((c) => c.questions.map((q) => q.id)).filter(Boolean)]);
  const flags = new Set([...reserved.screen, ...out.screen.map((f) => f.id).filter(Boolean)]);
  for (const c of out.competencies) {
    if (!c.id) c.id = uniqueId(kebab(c.name), 'competency', comps);
    for (const q of c.questions) if (!q.id) q.id = uniqueId(kebab(q.prompt, 32), 'question', questions);
  }
  for (const f of out.screen) if (!f.id) f.id = uniqueId(kebab(f.text, 32), f.kind === 'red' ? 'red-flag' : 'green-flag', flags);
  return out;
}

/** What is sent to the backend: follow-ups and red flags without blank lines. */
export function toRubric(r: ERubric): Rubric {
  return {
    ...r,
    competencies: r.competencies.map((c) => ({
      ...c,
      questions: c.questions.map((q) => ({ ...q, followUps: lines(q.followUps), redFlags: lines(q.redFlags) })),
    })),
  } as unknown as Rubric;
}

export function article(n: number): string {
  return n === 8 ? 'an' : 'a';
}

/** "What a 3 · Solid answer sounds like" */
export function anchorLabel(level: number, label: string): string {
  const l = label.trim();
  return `What ${article(level)} ${level}${l ? ` · ${l}` : ''} answer sounds like`;
}

/** Every path the form shows a message next to, and where the items Go checked stand on their textareas. */
export class FormPaths extends Set<string> {
  /** By list path ("competencies[0].questions[1].followUps"): the textarea line of each item sent (itemLines). */
  readonly itemLines = new Map<string, number[]>();

  /** The textarea line of a list's item i as sent to Go, whose blank lines were dropped (toRubric). */
  lineOf(list: string, i: number): number {
    return this.itemLines.get(list)?.[i] ?? i + 1;
  }
}

/** Every path the form shows a message next to. */
export function knownPaths(r: ERubric): FormPaths {
  const s = new FormPaths(['name', 'description', 'scale.min', 'scale.max', 'scale.labels', 'tracks', 'competencies', 'screen']);
  r.scale.labels.forEach((_, i) => s.add(`scale.labels[${i}]`));
  r.tracks.forEach((_, i) => ['id', 'name', 'description'].forEach((f) => s.add(`tracks[${i}].${f}`)));
  r.competencies.forEach((c, ci) => {
    const path = `competencies[${ci}]`;
    ['id', 'name', 'description', 'track', 'weight', 'questions'].forEach((f) => s.add(`${path}.${f}`));
    c.questions.forEach((q, qi) => {
      const qp = `${path}.questions[${qi}]`;
      ['id', 'prompt', 'probes', 'followUps', 'redFlags', 'weight', 'optional', 'anchors'].forEach((f) => s.add(`${qp}.${f}`));
      q.anchors.forEach((_, k) => s.add(`${qp}.anchors[${k}]`));
      s.itemLines.set(`${qp}.followUps`, itemLines(q.followUps));
      s.itemLines.set(`${qp}.redFlags`, itemLines(q.redFlags));
    });
  });
  r.screen.forEach((_, i) => ['id', 'kind', 'text', 'hint'].forEach((f) => s.add(`screen[${i}].${f}`)));
  return s;
}

/**
 * Go's paths into list items land on the list's textarea: "followUps[2]" →
 * "followUps", "Line 3: …" — the line of the third item Go was sent, which
 * is further down when blank lines stand above it.
 */
export function fieldOf(e: FieldProblem, known: FormPaths): FieldProblem {
  const m = /^(.*\.(?:followUps|redFlags))\[(\d+)\]$/.exec(e.field);
  return m ? { field: m[1], message: `Line ${known.lineOf(m[1], Number(m[2]))}: ${e.message}` } : e;
}

/** Problems grouped by the field that shows them; those on no field of the form go to `unplaced`. */
export function place(list: FieldProblem[], known: FormPaths): { by: Problems; unplaced: FieldProblem[] } {
  const by: Problems = {};
  const unplaced: FieldProblem[] = [];
  for (const e of list.map((p) => fieldOf(p, known))) {
    if (known.has(e.field)) (by[e.field] ??= []).push(e.message);
    else unplaced.push(e);
  }
  return { by, unplaced };
}

/** A DOM id for a field path. */
export function domId(path: string): string {
  return 'rf-' + path.replace(/[^a-zA-Z0-9]+/g, '-');
}
