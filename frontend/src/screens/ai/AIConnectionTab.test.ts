// Tests the model per task on the AI dialog's connection tab: one field
// per task Go lists, with its default; an emptied field saves the task's
// default; Go's message sits next to the task it names.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import AIDialog from './AIDialog.svelte';
import * as AI from '../../lib/wailsjs/go/app/AI';
import { backendError, resetUi } from '../../test/fixtures';
import { aiStatus } from './aiTestKit';

vi.mock('../../lib/wailsjs/go/app/AI');
vi.mock('../../lib/wailsjs/runtime/runtime');

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
});

describe('a model per task', () => {
  it('edits each task\'s model and saves them together', async () => {
    const status = aiStatus();
    status.settings.models = { screen: 'gpt-4o-mini', rate: 'gpt-4.1', summary: 'gpt-4.1', followup: 'gpt-4.1' };
    vi.mocked(AI.Status).mockResolvedValue(status);
    vi.mocked(AI.SaveSettings)
      .mockRejectedValueOnce(backendError('invalid', 'models.rate: give a model name', [{ field: 'models.rate', message: 'give a model name' }]))
      .mockImplementation(async (s) => aiStatus({ settings: s }));
    const user = userEvent.setup();
    render(AIDialog, { onclose: () => {} });
    const rate = await screen.findByLabelText('Model for second opinion on a score');
    expect(screen.getByLabelText('Model for screening resumes')).toHaveValue('gpt-4o-mini');
    expect(screen.getByLabelText('Model for debrief summary')).toHaveValue('gpt-4.1');
    expect(screen.getByLabelText('Model for follow-up questions')).toHaveAccessibleDescription('Default: gpt-4.1');

    await user.clear(rate);
    await user.type(rate, 'gpt-4o');
    await user.click(screen.getByRole('button', { name: 'Save connection' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('give a model name');
    expect(rate).toHaveAttribute('aria-invalid', 'true');

    await user.clear(screen.getByLabelText('Model for debrief summary'));
    await user.click(screen.getByRole('button', { name: 'Save connection' }));
    await waitFor(() => expect(AI.SaveSettings).toHaveBeenCalledTimes(2));
    expect(vi.mocked(AI.SaveSettings).mock.calls[1][0].models).toEqual({ screen: 'gpt-4o-mini', rate: 'gpt-4o', summary: 'gpt-4.1', followup: 'gpt-4.1' });
  });
});
