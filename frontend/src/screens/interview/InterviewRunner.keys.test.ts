// The interview runner's keyboard: number keys score, arrow keys move between questions, and neither acts while typing in the notes.
import { screen, within, waitFor } from '@testing-library/svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import { heading, open, prefers, resetRunner, sent, settleRunner } from './runnerTestKit';

vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/go/app/Candidates');
vi.mock('../../lib/wailsjs/go/app/Roles');
vi.mock('../../lib/wailsjs/go/app/Workspace');
vi.mock('../../lib/wailsjs/runtime/runtime');

beforeEach(resetRunner);
afterEach(settleRunner);

describe('InterviewRunner: keyboard', () => {
  it('a number key scores the current question and moves on; going back shows the score selected', async () => {
    const { user } = await open();
    expect(heading()).toHaveTextContent('Design a rate limiter');
    expect(screen.getByRole('button', { name: '3 Solid' })).toHaveAttribute('aria-pressed', 'false');

    await user.keyboard('3');
    expect(screen.getByTestId('jump-q1')).toHaveTextContent('✓ 3');
    expect(heading()).toHaveTextContent('Shard a growing table');
    // A key beyond the scale does nothing.
    await user.keyboard('7');
    expect(heading()).toHaveTextContent('Shard a growing table');
    expect(screen.getByTestId('jump-q2')).not.toHaveTextContent('✓');

    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('button', { name: '3 Solid' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: '1 No evidence' })).toHaveAttribute('aria-pressed', 'false');
    // The score, then where the interviewer is (moves in a burst travel as the last one).
    await waitFor(() => expect(sent().at(-1)).toEqual({ cursor: 'q1' }));
    expect(sent()[0]).toEqual({ questionId: 'q1', score: 3 });
    await waitFor(() => expect(screen.getByTestId('runner-save-state')).toHaveTextContent('Saved'));
  });

  it('arrow keys move between questions and the move is saved as the cursor', async () => {
    const { user } = await open();
    await user.keyboard('{ArrowRight}');
    expect(heading()).toHaveTextContent('Shard a growing table');
    expect(screen.getByTestId('jump-q2')).toHaveAttribute('aria-current', 'step');
    await user.keyboard('{ArrowDown}');
    expect(heading()).toHaveTextContent('Tell me about a disagreement');
    await user.keyboard('{ArrowLeft}');
    expect(heading()).toHaveTextContent('Shard a growing table');
    await waitFor(() => expect(sent()).toContainEqual({ cursor: 'q2' }));

    // Clicking the jump list jumps.
    await user.click(screen.getByTestId('jump-q4'));
    expect(heading()).toHaveTextContent('Mentoring someone junior');
    await user.click(screen.getByTestId('next'));
    expect(heading()).toHaveTextContent('Finish and submit');
  });

  it('number and arrow keys do nothing while typing in the notes; Escape leaves the field', async () => {
    prefers(false); // the score stays on this question
    const { user } = await open();
    const notes = screen.getByRole('textbox', { name: /Notes for this question/ });
    await user.click(notes);
    await user.keyboard('2 then 3{ArrowRight}');
    expect(notes).toHaveValue('2 then 3');
    expect(heading()).toHaveTextContent('Design a rate limiter');
    for (const b of within(screen.getByRole('group', { name: 'Score' })).getAllByRole('button')) expect(b).toHaveAttribute('aria-pressed', 'false');

    await user.keyboard('{Escape}');
    expect(notes).not.toHaveFocus();
    await user.keyboard('4');
    expect(screen.getByRole('button', { name: '4 Strong' })).toHaveAttribute('aria-pressed', 'true');
    // "n" jumps back into the notes.
    await user.keyboard('n');
    expect(notes).toHaveFocus();
    expect(notes).toHaveValue('2 then 3');
  });
});
