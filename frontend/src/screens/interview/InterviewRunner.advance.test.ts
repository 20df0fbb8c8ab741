// Scoring moves on: a score (key or click) goes to the next question with "Scored 4 on Q2" in a live region,
// so typing 4 then 2 scores two questions; the profile's setting in Go turns it off.
import { screen, waitFor } from '@testing-library/svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import { backendError } from '../../test/fixtures';
import { heading, open, prefers, resetRunner, sent, settleRunner } from './runnerTestKit';

vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

beforeEach(resetRunner);
afterEach(settleRunner);

const confirmation = () => screen.getByTestId('score-confirmation');
const setting = () => screen.getByRole('checkbox', { name: 'Move to the next question after scoring' });

describe('InterviewRunner: scoring moves on', () => {
  it('typing 4 then 2 scores two questions and never overwrites the first', async () => {
    const { user } = await open();
    expect(setting()).toBeChecked();
    await user.keyboard('42');
    expect(screen.getByTestId('jump-q1')).toHaveTextContent('✓ 4');
    expect(screen.getByTestId('jump-q2')).toHaveTextContent('✓ 2');
    expect(heading()).toHaveTextContent('Tell me about a disagreement');
    expect(confirmation()).toHaveTextContent('Scored 2 on Q2');
    expect(confirmation()).toHaveAttribute('aria-live', 'polite');
    await waitFor(() => expect(sent()).toContainEqual({ questionId: 'q2', score: 2 }));
    expect(sent().filter((p) => p.questionId === 'q1')).toEqual([{ questionId: 'q1', score: 4 }]);
  });

  it('a click on a score moves on too, and the last question leads to Finish', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: '3 Solid' }));
    expect(heading()).toHaveTextContent('Shard a growing table');
    expect(confirmation()).toHaveTextContent('Scored 3 on Q1');

    await user.click(screen.getByTestId('jump-q4'));
    await user.keyboard('1');
    expect(heading()).toHaveTextContent('Finish and submit');
    expect(confirmation()).toHaveTextContent('Scored 1 on Q4');
    // On Finish a number key scores nothing.
    await user.keyboard('4');
    expect(screen.getByTestId('jump-q4')).toHaveTextContent('✓ 1');
  });

  it('turned off, a score stays on its question, and changing it says what it replaced', async () => {
    const { user } = await open();
    await user.click(setting());
    expect(Interviews.SetRunnerPrefs).toHaveBeenCalledWith({ advanceAfterScore: false });
    expect(setting()).not.toBeChecked();

    await user.keyboard('4');
    expect(heading()).toHaveTextContent('Design a rate limiter');
    expect(confirmation()).toHaveTextContent('Scored 4 on Q1');
    await user.keyboard('2');
    expect(confirmation()).toHaveTextContent('Scored 2 on Q1 (was 4)');
    expect(screen.getByTestId('jump-q1')).toHaveTextContent('✓ 2');
  });

  it("opens with the profile's saved choice from Go", async () => {
    prefers(false);
    const { user } = await open();
    await waitFor(() => expect(setting()).not.toBeChecked());
    await user.keyboard('3');
    expect(heading()).toHaveTextContent('Design a rate limiter');
  });

  it('a choice Go could not save is put back, and says so', async () => {
    vi.mocked(Interviews.SetRunnerPrefs).mockRejectedValue(backendError('internal', 'Something went wrong (ref 12)'));
    const { user } = await open();
    await user.click(setting());
    await waitFor(() => expect(setting()).toBeChecked());
    expect(screen.getByRole('alert')).toHaveTextContent('Not saved: Something went wrong (ref 12)');
  });
});
