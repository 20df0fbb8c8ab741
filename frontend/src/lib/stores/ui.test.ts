// Tests the app-wide UI state: the search text belongs to the Candidates screen.
import { ui } from './ui.svelte';
import { resetUi } from '../../test/fixtures';

beforeEach(() => resetUi());

describe('ui', () => {
  it('leaving the Candidates screen clears the search, so no other screen looks filtered by it', () => {
    ui.screen = 'candidates';
    ui.query = 'kubernetes';
    ui.firstResultId = 12;
    ui.screen = 'board';
    expect(ui.query).toBe('');
    expect(ui.firstResultId).toBe(0);
  });

  it('typing on another screen goes to Candidates with the text kept', () => {
    ui.screen = 'debrief';
    ui.query = 'ada';
    ui.screen = 'candidates';
    expect(ui.query).toBe('ada');
  });
});
