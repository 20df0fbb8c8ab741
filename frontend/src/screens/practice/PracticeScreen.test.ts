// The calibration drill: samples one by one with the anchors, the reference hidden until Go's result, the result in
// plain words with the misread anchors, and the debrief's practised / not practised line. Bindings are mocked.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import PracticeScreen from './PracticeScreen.svelte';
import PracticeMarks from './PracticeMarks.svelte';
import * as Interviews from '../../lib/wailsjs/go/app/Interviews';
import type { PracticeDrill, PracticeResult } from '../../lib/api/practice';
import { backendError } from '../../test/fixtures';

vi.mock('../../lib/wailsjs/go/app/Interviews');
vi.mock('../../lib/wailsjs/runtime/runtime');

const anchors = ['Names no tier', 'Names a tier', 'Weighs two tiers', 'Measures and decides'];

function drill(): PracticeDrill {
  return {
    attemptId: 7, rubricId: 1, versionId: 10, version: 2, rubricName: 'Built-in',
    scale: { min: 1, max: 4, labels: ['Not shown', 'Partly', 'Meets the bar', 'Exceeds'] },
    samples: [
      { id: 'tier#3', questionId: 'tier', index: 3, competency: 'Model choice', prompt: 'Which model tier?', answer: 'I would compare two tiers.', anchors },
      { id: 'tier#1', questionId: 'tier', index: 1, competency: 'Model choice', prompt: 'Which model tier?', answer: 'The biggest one.', anchors },
    ],
    given: {},
  } as unknown as PracticeDrill;
}

const result = {
  attemptId: 7, rubricId: 1, rubricName: 'Built-in', version: 2, result: { scored: 2, total: 2, complete: true,
  exact: 0.5, adjacent: 1, bias: 0.5, biasWords: 'You scored 0.5 levels above the reference on average: more lenient than the rubric.',
  misreads: [{
    sampleId: 'tier#1', questionId: 'tier', prompt: 'Which model tier?', answer: 'The biggest one.',
    reference: 1, referenceLabel: 'Not shown', referenceAnchor: 'Names no tier', given: 2, givenLabel: 'Partly', givenAnchor: 'Names a tier',
  }] },
} as unknown as PracticeResult;

beforeEach(() => {
  vi.resetAllMocks();
  vi.mocked(Interviews.StartPractice).mockResolvedValue(drill());
  vi.mocked(Interviews.RecordPractice).mockResolvedValue();
  vi.mocked(Interviews.FinishPractice).mockResolvedValue(result);
});

test('each sample shows its question, answer and anchors; a pick is sent to Go and the last one brings the result', async () => {
  const user = userEvent.setup();
  render(PracticeScreen, { rubricId: 1, onclose: () => {} });
  expect(await screen.findByText('I would compare two tiers.')).toBeInTheDocument();
  expect(screen.getByText('Weighs two tiers')).toBeInTheDocument();
  expect(screen.getByText('0 of 2 scored')).toBeInTheDocument();
  expect(screen.queryByText(/the rubric:/i)).not.toBeInTheDocument(); // no reference before the end

  await user.click(screen.getByRole('button', { name: /3 Meets the bar/ }));
  expect(Interviews.RecordPractice).toHaveBeenCalledWith(7, 'tier#3', 3);
  expect(await screen.findByText('The biggest one.')).toBeInTheDocument();
  await user.keyboard('2'); // the level keys work too
  expect(Interviews.RecordPractice).toHaveBeenLastCalledWith(7, 'tier#1', 2);

  expect(await screen.findByText('50%')).toBeInTheDocument();
  expect(screen.getByText('100%')).toBeInTheDocument();
  expect(screen.getByText(result.result.biasWords)).toBeInTheDocument();
  expect(screen.getByText(/Practice complete on Built-in, version 2/)).toBeInTheDocument();
  expect(screen.getByText('The rubric: 1 · Not shown')).toBeInTheDocument();
  expect(screen.getByText('Names no tier')).toBeInTheDocument();
  expect(screen.getByText('You: 2 · Partly')).toBeInTheDocument();
  expect(Interviews.FinishPractice).toHaveBeenCalledWith(7);
});

test('finishing early shows the partial result and says practice is not complete', async () => {
  const user = userEvent.setup();
  vi.mocked(Interviews.FinishPractice).mockResolvedValue({ ...result, result: { ...result.result, scored: 1, complete: false, misreads: [] } } as unknown as PracticeResult);
  render(PracticeScreen, { rubricId: 1, onclose: () => {} });
  const finish = await screen.findByRole('button', { name: 'Finish now' });
  expect(finish).toBeDisabled();
  await user.click(screen.getByRole('button', { name: /4 Exceeds/ }));
  await user.click(screen.getByRole('button', { name: 'Finish now' }));
  expect(await screen.findByText(/You scored 1 of 2 samples/)).toBeInTheDocument();
});

test("Go's refusal is shown as it words it", async () => {
  vi.mocked(Interviews.StartPractice).mockRejectedValue(backendError('conflict', 'Rubric "Team" has no sample answers to practise on; add samples to its questions.'));
  render(PracticeScreen, { rubricId: 1, onclose: () => {} });
  expect(await screen.findByRole('alert')).toHaveTextContent('has no sample answers to practise on');
});

test('the debrief line says who practised the rubric they scored with', () => {
  render(PracticeMarks, {
    marks: [
      { interviewerId: 1, name: 'Sam Okafor', rubricName: 'Built-in', version: 2, practised: true },
      { interviewerId: 2, name: 'Priya Nair', rubricName: 'Built-in', version: 2, practised: false },
    ] as never,
  });
  expect(screen.getByText('Sam Okafor — practised')).toBeInTheDocument();
  expect(screen.getByText('Priya Nair — not practised')).toBeInTheDocument();
});
