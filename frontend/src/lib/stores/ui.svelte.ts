// App-wide UI state, as Svelte 5 runes.
import type { Profile, Rights } from '../api';

export type Screen = 'board' | 'candidates' | 'rubrics' | 'interview' | 'debrief';
export type Theme = 'system' | 'light' | 'dark';

class UI {
  screen = $state<Screen>('board');
  roleId = $state<number>(0);
  /** The candidate shown in the detail panel, 0 for none. */
  candidateId = $state<number>(0);
  profile = $state<Profile | null>(null);
  /** What the current profile may do, as Go decides it (loaded with the profile). */
  rights = $state<Rights | null>(null);
  newCandidateOpen = $state(false);
  /** The candidate import wizard and the bundles dialog. */
  importOpen = $state(false);
  bundlesOpen = $state(false);
  /** The workspace data dialog: backups and privacy. */
  dataOpen = $state(false);
  /** The round the interview runner is open on (screen 'interview'). */
  interview = $state<{ applicationId: number; roundId: number; candidateId: number } | null>(null);
  /** A scorecard opened read-only (debrief of one card), 0 for none. */
  scorecardId = $state<number>(0);
  /** Bumped after any change that other screens should reload for. */
  version = $state(0);
  toast = $state<{ text: string; kind: 'info' | 'error' } | null>(null);
  theme = $state<Theme>((localStorage.getItem('hirebench.theme') as Theme) || 'system');
  query = $state('');
  /** The top row of the candidates table, opened by Enter in the search box. */
  firstResultId = $state(0);

  changed() {
    this.version++;
  }

  notify(text: string, kind: 'info' | 'error' = 'info') {
    this.toast = { text, kind };
    const mine = this.toast;
    setTimeout(() => {
      if (this.toast === mine) this.toast = null;
    }, kind === 'error' ? 8000 : 3500);
  }

  setTheme(t: Theme) {
    this.theme = t;
    localStorage.setItem('hirebench.theme', t);
  }
}

export const ui = new UI();
