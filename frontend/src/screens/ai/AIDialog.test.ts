// Tests the AI dialog: the switch, the connection form with Go's field
// errors, the key (never shown; where it lives in words), Test connection,
// the dated price table, usage with the budget bar, and an interviewer
// seeing Go's reason instead of controls.
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import AIDialog from './AIDialog.svelte';
import * as AI from '../../lib/wailsjs/go/app/AI';
import { backendError, resetUi } from '../../test/fixtures';
import { aiConnection, aiStatus, aiUsage } from './aiTestKit';

vi.mock('../../lib/wailsjs/go/app/AI');
vi.mock('../../lib/wailsjs/runtime/runtime');

async function open(status = aiStatus()) {
  vi.mocked(AI.Status).mockResolvedValue(status);
  const user = userEvent.setup();
  render(AIDialog, { onclose: () => {} });
  await screen.findByLabelText('Offer AI suggestions in this workspace');
  return { user };
}

beforeEach(() => {
  vi.resetAllMocks();
  resetUi();
});

describe('AIDialog', () => {
  it('switches AI help on, off by default', async () => {
    vi.mocked(AI.SetEnabled).mockResolvedValue(aiStatus({ enabled: true }));
    const { user } = await open();
    const sw = screen.getByLabelText('Offer AI suggestions in this workspace');
    expect(sw).not.toBeChecked();
    await user.click(sw);
    expect(AI.SetEnabled).toHaveBeenCalledWith(true);
    await waitFor(() => expect(sw).toBeChecked());
  });

  it('saves a custom address and shows Go\'s message next to the field it names', async () => {
    vi.mocked(AI.SaveSettings).mockRejectedValueOnce(
      backendError('invalid', 'baseUrl: "localhost:11434" is not an http(s) address', [{ field: 'baseUrl', message: '"localhost:11434" is not an http(s) address like https://api.openai.com/v1' }]),
    );
    vi.mocked(AI.SaveSettings).mockImplementation(async (s) => aiStatus({ settings: s }));
    const { user } = await open();
    expect(screen.getByText(/Ollama \(http:\/\/localhost:11434\/v1\), LM Studio/)).toBeInTheDocument();
    await user.click(screen.getByLabelText('Another OpenAI-compatible address'));
    await user.type(screen.getByLabelText('Base URL'), 'localhost:11434');
    await user.click(screen.getByRole('button', { name: 'Save connection' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('is not an http(s) address like https://api.openai.com/v1');
    expect(screen.getByLabelText('Base URL')).toHaveAttribute('aria-invalid', 'true');

    const url = screen.getByLabelText('Base URL');
    await user.clear(url);
    await user.type(url, 'http://localhost:11434/v1');
    await user.clear(screen.getByLabelText('Model for screening resumes'));
    await user.type(screen.getByLabelText('Model for screening resumes'), 'llama3.1:8b');
    await user.clear(screen.getByLabelText('Monthly budget (USD)'));
    await user.type(screen.getByLabelText('Monthly budget (USD)'), '25');
    await user.click(screen.getByRole('button', { name: 'Save connection' }));
    await waitFor(() => expect(AI.SaveSettings).toHaveBeenCalledTimes(2));
    expect(vi.mocked(AI.SaveSettings).mock.calls[1][0]).toMatchObject({ baseUrl: 'http://localhost:11434/v1', models: { screen: 'llama3.1:8b' }, budgetUsd: 25, runs: 3 });
  });

  it('keeps the key out of sight and says where it lives', async () => {
    vi.mocked(AI.SaveKey).mockResolvedValue(aiStatus({ key: { source: 'memory', last4: 'test', note: 'Kept until hirebench closes: no keyring on this computer' } as never }));
    vi.mocked(AI.ForgetKey).mockResolvedValue(aiStatus());
    const { user } = await open();
    const field = screen.getByLabelText('API key');
    expect(field).toHaveAttribute('type', 'password');
    expect(screen.getByTestId('ai-key-state')).toHaveTextContent('None');
    await user.type(field, 'sk-openaitest');
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    expect(AI.SaveKey).toHaveBeenCalledWith('sk-openaitest');
    await waitFor(() => expect(screen.getByTestId('ai-key-state')).toHaveTextContent('Kept until hirebench closes: no keyring on this computer'));
    expect(screen.getByTestId('ai-key-state')).toHaveTextContent('ends in …test');
    expect(field).toHaveValue('');
    expect(document.body.textContent).not.toContain('sk-openaitest');
    await user.click(screen.getByRole('button', { name: 'Forget key' }));
    await waitFor(() => expect(screen.getByTestId('ai-key-state')).toHaveTextContent('None'));
  });

  it('tests the connection: models and latency, or the failure in words', async () => {
    vi.mocked(AI.TestConnection).mockResolvedValueOnce(aiConnection());
    vi.mocked(AI.TestConnection).mockResolvedValueOnce(aiConnection({ ok: false, models: [], problem: 'The AI service could not be reached; you are offline or the address is wrong.' }));
    const { user } = await open(aiStatus({ settings: { ...aiStatus().settings, baseUrl: 'http://127.0.0.1:18080/v1' } as never }));
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(AI.TestConnection).toHaveBeenCalledWith('http://127.0.0.1:18080/v1');
    expect(await screen.findByTestId('ai-test')).toHaveTextContent('Connected to 127.0.0.1:18080 in 42 ms: 2 models. gpt-4o-mini is among them.');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(screen.getByTestId('ai-test')).toHaveTextContent('could not be reached; you are offline or the address is wrong.'));
  });

  it('edits the price table; Go dates the changed row and names a bad one', async () => {
    vi.mocked(AI.SaveSettings).mockRejectedValueOnce(backendError('invalid', 'prices[2]: a price needs its model', [{ field: 'prices[2]', message: 'a price needs its model' }]));
    vi.mocked(AI.SaveSettings).mockImplementation(async (s) =>
      aiStatus({ settings: { ...s, prices: s.prices.map((p) => ({ ...p, asOf: p.model === 'llama3.1:8b' ? '2026-12-01' : p.asOf })) } as never }),
    );
    const { user } = await open();
    await user.click(screen.getByRole('tab', { name: 'Prices' }));
    expect(screen.getAllByTestId('price-row')).toHaveLength(2);
    expect(screen.getAllByTestId('price-row')[0]).toHaveTextContent('2025-04-14');
    await user.click(screen.getByRole('button', { name: 'Add a model' }));
    await user.click(screen.getByRole('button', { name: 'Save prices' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('a price needs its model');
    await user.type(screen.getByLabelText('Model of price row 3'), 'llama3.1:8b');
    await user.click(screen.getByRole('button', { name: 'Save prices' }));
    await waitFor(() => expect(screen.getAllByTestId('price-row')[2]).toHaveTextContent('2026-12-01'));
    expect(vi.mocked(AI.SaveSettings).mock.calls[1][0].prices[2]).toMatchObject({ model: 'llama3.1:8b', inputPerMTok: 0, outputPerMTok: 0 });
  });

  it('shows this month against the budget and the totals per day, feature and model', async () => {
    vi.mocked(AI.Usage).mockResolvedValue(aiUsage({
      monthUsd: 8.5,
      rows: [
        { day: '2026-12-02', feature: 'screen', model: 'gpt-4o-mini', calls: 4, cached: 1, failed: 1, tokensIn: 3000, tokensOut: 500, costUsd: 0.0008 },
        { day: '2026-12-01', feature: 'screen', model: 'gpt-4o', calls: 2, cached: 0, failed: 0, tokensIn: 2000, tokensOut: 400, costUsd: 0.009 },
      ] as never,
    }));
    const { user } = await open();
    await user.click(screen.getByRole('tab', { name: 'Usage' }));
    const budget = await screen.findByTestId('ai-budget');
    expect(budget).toHaveTextContent('$8.50 spent this month');
    expect(budget).toHaveTextContent('of a $10.00 budget (85%)');
    expect(within(budget).getByRole('meter')).toHaveAttribute('aria-valuenow', '85');
    const rows = screen.getAllByTestId('usage-row');
    expect(rows[0]).toHaveTextContent('2026-12-02Resume screengpt-4o-mini4113,000500$0.0008');
    expect(screen.getByRole('rowheader', { name: 'This month' }).parentElement).toHaveTextContent('This month6115,000900$0.0098');
  });

  it("shows an interviewer Go's reason and no way to change settings, but their own preview choice", async () => {
    vi.mocked(AI.SetAskFirst).mockResolvedValue(aiStatus({ askFirst: false, rights: { manage: false, manageNote: 'Only the recruiter switches AI help on or off, changes its settings or the API key.' } as never }));
    const { user } = await open(aiStatus({ rights: { manage: false, manageNote: 'Only the recruiter switches AI help on or off, changes its settings or the API key.' } as never }));
    expect(screen.getByTestId('ai-rights')).toHaveTextContent('Only the recruiter switches AI help on or off');
    expect(screen.getByLabelText('Offer AI suggestions in this workspace')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save connection' })).toBeDisabled();
    expect(screen.getByLabelText('API key')).toBeDisabled();
    await user.click(screen.getByLabelText(/Show me exactly what will be sent/));
    expect(AI.SetAskFirst).toHaveBeenCalledWith('screen', false);
  });
});
