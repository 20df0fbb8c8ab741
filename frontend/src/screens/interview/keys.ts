// Keyboard shortcuts of the runner: number keys score, arrows move, n opens the notes, Escape leaves a field.
import type { Level, RunnerState } from './runnerState.svelte';

/** The key that gives a score (10 is 0). */
export function keyFor(score: number): string {
  return score === 10 ? '0' : String(score);
}

/** The score a number key sets, or null when the scale has no such level. */
export function keyScore(key: string, scale: { min: number; max: number }): number | null {
  const n = key === '0' ? (scale.max >= 10 ? 10 : 0) : Number(key);
  return n >= scale.min && n <= scale.max ? n : null;
}

/** "1–4": the keys that score on this scale. */
export function keyHint(levels: Level[]): string {
  return levels.length ? `${keyFor(levels[0].value)}–${keyFor(levels[levels.length - 1].value)}` : '';
}

/** Inputs that take no typing: a number key pressed on them still scores. */
const NOT_TYPED = ['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'];

function typing(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el) return false;
  if (el.tagName === 'INPUT') return !NOT_TYPED.includes((el as HTMLInputElement).type);
  return el.isContentEditable || ['TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** The window's keydown while the runner is open. */
export function runnerKeydown(e: KeyboardEvent, s: RunnerState) {
  if (s.loading || !s.card || s.readOnly) return;
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  if (document.querySelector('[role="dialog"]')) return;
  if (typing(e.target)) {
    if (e.key === 'Escape') {
      e.preventDefault();
      (e.target as HTMLElement).blur();
    }
    return;
  }
  if (/^[0-9]$/.test(e.key)) {
    const v = s.current ? keyScore(e.key, s.scale) : null;
    if (v !== null) {
      e.preventDefault();
      s.setScore(v);
    }
    return;
  }
  switch (e.key) {
    case 'ArrowRight':
    case 'ArrowDown':
      e.preventDefault();
      s.go(s.pos + 1);
      break;
    case 'ArrowLeft':
    case 'ArrowUp':
      e.preventDefault();
      s.go(s.pos - 1);
      break;
    case 'n':
      e.preventDefault();
      // The question's notes, or on the Finish panel the overall notes.
      document.getElementById(s.current ? 'q-notes' : 'overall-notes')?.focus();
      break;
  }
}
