// Tests the toast: an Undo reachable by Tab and Ctrl+Z (not while typing), 8 seconds to reach it and more while hovered or focused, the strip it keeps free, and staying beside the candidate drawer.
import { render, screen, fireEvent } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Toast from './Toast.svelte';
import { ui } from '../stores/ui.svelte';
import { resetUi } from '../../test/fixtures';

beforeEach(() => {
  resetUi();
  ui.dismiss();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Toast', () => {
  it('says what happened, in a status region, with nothing to press when there is nothing to undo', async () => {
    render(Toast);
    ui.notify('Ada Lovelace added');
    expect(await screen.findByRole('status')).toHaveTextContent('Ada Lovelace added');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('its Undo is a button Tab reaches, and runs the undo once', async () => {
    const undo = vi.fn(async () => 'Ada Lovelace is back in Screen');
    const user = userEvent.setup();
    render(Toast);
    ui.offerUndo('Ada Lovelace moved to Interview', undo);
    const button = await screen.findByRole('button', { name: 'Undo' });
    expect(button).toHaveAttribute('aria-keyshortcuts', 'Control+Z');
    await user.tab();
    expect(button).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(undo).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('status')).toHaveTextContent('Ada Lovelace is back in Screen');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('Ctrl+Z presses Undo, but not while typing in a field', async () => {
    const undo = vi.fn(async () => 'Undone');
    const user = userEvent.setup();
    render(Toast);
    const field = document.body.appendChild(document.createElement('input'));
    ui.offerUndo('Stage Screen deleted', undo);
    await screen.findByRole('button', { name: 'Undo' });

    field.focus();
    await user.keyboard('{Control>}z{/Control}');
    expect(undo).not.toHaveBeenCalled();

    field.blur();
    await user.keyboard('{Control>}z{/Control}');
    expect(undo).toHaveBeenCalledTimes(1);
    field.remove();
  });

  it('an Undo stays 8 seconds, and longer while the pointer is on it', async () => {
    vi.useFakeTimers();
    render(Toast);
    ui.offerUndo('Ada Lovelace rejected', async () => 'Undone');
    vi.advanceTimersByTime(7900);
    expect(ui.toast?.text).toBe('Ada Lovelace rejected');
    vi.advanceTimersByTime(200);
    expect(ui.toast).toBeNull();

    ui.offerUndo('Ada Lovelace rejected', async () => 'Undone');
    await Promise.resolve();
    const toast = screen.getByTestId('toast');
    vi.advanceTimersByTime(5000);
    await fireEvent.mouseEnter(toast);
    vi.advanceTimersByTime(60_000);
    expect(ui.toast?.text).toBe('Ada Lovelace rejected');
    await fireEvent.mouseLeave(toast);
    vi.advanceTimersByTime(2900);
    expect(ui.toast).not.toBeNull();
    vi.advanceTimersByTime(200);
    expect(ui.toast).toBeNull();
  });

  it('asks the screens to keep a strip free while it shows, and gives it back', async () => {
    render(Toast);
    ui.notify('Saved');
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    // jsdom lays nothing out (height 0): the strip is then the two gaps.
    expect(document.documentElement.style.getPropertyValue('--toast-space')).toBe('24px');
    ui.dismiss();
    await new Promise((r) => setTimeout(r, 0));
    expect(document.documentElement.style.getPropertyValue('--toast-space')).toBe('0px');
  });

  it('stays left of the candidate drawer while it is open', async () => {
    render(Toast);
    ui.candidateId = 7;
    ui.notify('Ada Lovelace archived');
    expect(await screen.findByTestId('toast')).toHaveClass('beside-drawer');
    ui.candidateId = 0;
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.getByTestId('toast')).not.toHaveClass('beside-drawer');
  });
});
