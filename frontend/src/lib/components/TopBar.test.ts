// Tests the top bar: what moves into the More menu when the bar is too narrow (the profile always stays), the menu by keyboard (Enter/Space open, arrows move, Escape closes and gives focus back), and what its items do.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import TopBar from './TopBar.svelte';
import { ui } from '../stores/ui.svelte';
import { profile, resetUi } from '../../test/fixtures';

const riley = profile({ id: 1, name: 'Riley Chen' });
const tools = ['Bundles…', 'Data…', 'AI…'];

/** A bar "fits" with at most `room` secondary tools in it and no brand (jsdom has no layout to measure). */
function roomFor(room: number, brand = false) {
  return (bar: HTMLElement) => {
    const inline = within(bar).queryAllByRole('button', { name: /^(Bundles…|Data…|AI…|Theme: .*)$/ }).length;
    return inline <= room && (brand || !within(bar).queryByText('hirebench'));
  };
}

/** Renders the bar and waits for its fit, which comes once the first frame is painted. */
async function renderBar(fits?: (bar: HTMLElement) => boolean) {
  const onai = vi.fn();
  const onprofile = vi.fn();
  const view = render(TopBar, { profiles: [riley], onprofile, onai, ...(fits ? { fits } : {}) });
  await painted();
  return { onai, onprofile, view, bar: screen.getByTestId('top-bar') };
}

const painted = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done)));

const more = () => screen.getByRole('button', { name: 'More' });
const menu = () => screen.getByRole('menu', { name: 'More' });
const items = () => [...menu().querySelectorAll('[role^="menuitem"]')].map((i) => i.textContent?.trim());

beforeEach(() => {
  resetUi();
  ui.profile = riley;
  ui.setTheme('system');
  ui.bundlesOpen = false;
});

describe('TopBar', () => {
  it('shows everything in the bar, and no More menu, when it fits', async () => {
    const { bar } = await renderBar(() => true);
    for (const t of tools) expect(within(bar).getByRole('button', { name: t })).toBeVisible();
    expect(within(bar).getByRole('button', { name: 'Theme: Auto (system)' })).toBeInTheDocument();
    expect(within(bar).getByText('hirebench')).toBeInTheDocument();
    expect(within(bar).queryByRole('button', { name: 'More' })).toBeNull();
    expect(within(bar).getByRole('button', { name: '+ New candidate' })).toHaveTextContent('+ New candidate');
  });

  it('drops the brand first, then moves the tools into More from the right; the profile stays', async () => {
    const user = userEvent.setup();
    const { bar } = await renderBar(roomFor(2));
    expect(within(bar).queryByText('hirebench')).toBeNull();
    expect(within(bar).getByRole('button', { name: 'Bundles…' })).toBeInTheDocument();
    expect(within(bar).getByRole('button', { name: 'Data…' })).toBeInTheDocument();
    expect(within(bar).queryByRole('button', { name: 'AI…' })).toBeNull();
    expect(within(bar).getByRole('combobox', { name: 'Who is using hirebench' })).toHaveDisplayValue('Riley Chen (recruiter)');
    await user.click(more());
    expect(items()).toEqual(['AI…', 'Auto (system)', 'Light', 'Dark']);
    expect(within(menu()).getByRole('group', { name: 'Theme' })).toBeInTheDocument();
  });

  it('with no room at all, every secondary tool is in More and "+ New" keeps its full name for screen readers', async () => {
    const user = userEvent.setup();
    // Fits only once "+ New candidate" shows as "+ New" (the rest hidden but read).
    const { bar } = await renderBar((b) => roomFor(0)(b) && !!within(b).getByTitle('New candidate (n)').querySelector('.sr-only'));
    expect(within(bar).getByRole('button', { name: '+ New candidate' })).toBeInTheDocument();
    expect(within(bar).getByRole('combobox', { name: 'Who is using hirebench' })).toBeInTheDocument();
    await user.click(more());
    expect(items()).toEqual([...tools, 'Auto (system)', 'Light', 'Dark']);
  });

  it('wraps rather than cuts when even the most compact bar does not fit', async () => {
    const { bar } = await renderBar(() => false);
    expect(bar).toHaveClass('wrap');
    expect(within(bar).getByRole('combobox', { name: 'Who is using hirebench' })).toBeInTheDocument();
  });

  it('opens by keyboard: Enter and Space on the first item, ↓ and ↑ move and wrap, Home/End, Escape closes and returns focus', async () => {
    const user = userEvent.setup();
    await renderBar(roomFor(0));
    more().focus();
    await user.keyboard('{Enter}');
    expect(more()).toHaveAttribute('aria-expanded', 'true');
    expect(within(menu()).getByRole('menuitem', { name: 'Bundles…' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(within(menu()).getByRole('menuitem', { name: 'Data…' })).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(within(menu()).getByRole('menuitemradio', { name: 'Dark' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(within(menu()).getByRole('menuitem', { name: 'Bundles…' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(within(menu()).getByRole('menuitemradio', { name: 'Dark' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(more()).toHaveFocus();
    expect(more()).toHaveAttribute('aria-expanded', 'false');

    await user.keyboard(' ');
    expect(within(menu()).getByRole('menuitem', { name: 'Bundles…' })).toHaveFocus();
    await user.keyboard('{Escape}');
    await user.keyboard('{ArrowUp}');
    expect(within(menu()).getByRole('menuitemradio', { name: 'Dark' })).toHaveFocus();
  });

  it("keeps the menu's Escape from the app (which would close the candidate drawer)", async () => {
    const user = userEvent.setup();
    await renderBar(roomFor(0));
    const app = vi.fn();
    window.addEventListener('keydown', app);
    try {
      await user.click(more());
      await user.keyboard('{Escape}');
      expect(screen.queryByRole('menu')).toBeNull();
      expect(app).not.toHaveBeenCalledWith(expect.objectContaining({ key: 'Escape' }));
    } finally {
      window.removeEventListener('keydown', app);
    }
  });

  it('closes on Tab and on a click outside', async () => {
    const user = userEvent.setup();
    await renderBar(roomFor(0));
    await user.click(more());
    await user.tab();
    expect(screen.queryByRole('menu')).toBeNull();
    await user.click(more());
    await user.click(screen.getByRole('searchbox', { name: 'Search candidates' }));
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('its items do what the buttons do: open a dialog, AI…, the theme (marked as chosen)', async () => {
    const user = userEvent.setup();
    const { onai } = await renderBar(roomFor(0));
    await user.click(more());
    await user.click(within(menu()).getByRole('menuitem', { name: 'Bundles…' }));
    expect(ui.bundlesOpen).toBe(true);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(more()).toHaveFocus();

    await user.click(more());
    await user.click(within(menu()).getByRole('menuitem', { name: 'AI…' }));
    expect(onai).toHaveBeenCalledTimes(1);

    await user.click(more());
    expect(within(menu()).getByRole('menuitemradio', { name: 'Auto (system)' })).toHaveAttribute('aria-checked', 'true');
    await user.keyboard('{End}{Enter}');
    expect(ui.theme).toBe('dark');
    expect(localStorage.getItem('hirebench.theme')).toBe('dark');
    await user.click(more());
    expect(within(menu()).getByRole('menuitemradio', { name: 'Dark' })).toHaveAttribute('aria-checked', 'true');
    expect(within(menu()).getByRole('menuitemradio', { name: 'Auto (system)' })).toHaveAttribute('aria-checked', 'false');
  });

  it('the theme button in a wide bar is a menu of the three themes', async () => {
    const user = userEvent.setup();
    await renderBar(() => true);
    await user.click(screen.getByRole('button', { name: 'Theme: Auto (system)' }));
    await user.click(screen.getByRole('menuitemradio', { name: 'Light' }));
    expect(ui.theme).toBe('light');
    expect(screen.getByRole('button', { name: 'Theme: Light' })).toHaveFocus();
  });

  it('paints first with the layout that fitted this width last time, then measures and remembers', async () => {
    localStorage.setItem('hirebench.topbar', JSON.stringify({ key: `${window.innerWidth}|1|1`, chosen: 6, wrap: false, profileWidth: 0 }));
    render(TopBar, { profiles: [riley], onprofile: vi.fn(), onai: vi.fn(), fits: roomFor(2) });
    const bar = screen.getByTestId('top-bar');
    await Promise.resolve(); // what the mount queued has run, and still no frame painted
    // Before the first paint: the remembered compact layout, nothing measured yet.
    expect(within(bar).queryByRole('button', { name: 'Bundles…' })).toBeNull();
    expect(within(bar).getByRole('button', { name: 'More' })).toBeInTheDocument();
    await painted();
    // Measured: two tools fit, and that is what the next start paints first.
    expect(within(bar).getByRole('button', { name: 'Data…' })).toBeInTheDocument();
    expect(within(bar).queryByRole('button', { name: 'AI…' })).toBeNull();
    expect(JSON.parse(localStorage.getItem('hirebench.topbar')!)).toMatchObject({ chosen: 3, wrap: false });
  });

  it('ignores what it remembered for another width', async () => {
    localStorage.setItem('hirebench.topbar', JSON.stringify({ key: `${window.innerWidth + 1}|1|1`, chosen: 6, wrap: false, profileWidth: 0 }));
    render(TopBar, { profiles: [riley], onprofile: vi.fn(), onai: vi.fn(), fits: () => true });
    expect(within(screen.getByTestId('top-bar')).getByRole('button', { name: 'Bundles…' })).toBeInTheDocument();
  });
});
