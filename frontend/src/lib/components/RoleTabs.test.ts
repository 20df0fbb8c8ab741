// Tests the shared role tab strip: tab roles and names, the selected tab, clicks and Enter, and what a screen adds after the tabs.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createRawSnippet } from 'svelte';
import RoleTabs from './RoleTabs.svelte';
import { role } from '../../test/fixtures';

const roles = [
  role({ id: 1, title: 'Backend Engineer' }),
  role({ id: 2, title: 'Designer', status: 'on_hold' }),
  role({ id: 3, title: 'Data Scientist', status: 'closed' }),
];

describe('RoleTabs', () => {
  it('is a tablist of the roles, the chosen one selected, with the status of roles not open', () => {
    render(RoleTabs, { roles, selected: 2 });
    const list = screen.getByRole('tablist', { name: 'Roles' });
    const tabs = within(list).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['Backend Engineer', 'Designer On hold', 'Data Scientist Closed']);
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['false', 'true', 'false']);
    expect(tabs[1]).toHaveClass('selected');
    expect(within(tabs[0]).queryByText('Open')).toBeNull();
  });

  it('selects none when no role is chosen', () => {
    render(RoleTabs, { roles, selected: 0 });
    for (const t of screen.getAllByRole('tab')) expect(t).toHaveAttribute('aria-selected', 'false');
  });

  it('selects a role on a click, and on Enter or Space from the keyboard', async () => {
    const user = userEvent.setup();
    render(RoleTabs, { roles, selected: 1 });
    await user.click(screen.getByRole('tab', { name: /Designer/ }));
    expect(screen.getByRole('tab', { name: /Designer/ })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Backend Engineer' })).toHaveAttribute('aria-selected', 'false');

    // The tabs are buttons: Tab reaches each in turn, Enter and Space choose it.
    screen.getByRole('tab', { name: 'Backend Engineer' }).focus();
    await user.tab();
    await user.tab();
    expect(screen.getByRole('tab', { name: /Data Scientist/ })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('tab', { name: /Data Scientist/ })).toHaveAttribute('aria-selected', 'true');
    screen.getByRole('tab', { name: 'Backend Engineer' }).focus();
    await user.keyboard(' ');
    expect(screen.getByRole('tab', { name: 'Backend Engineer' })).toHaveAttribute('aria-selected', 'true');
  });

  it('renders what the screen adds after the tabs, inside the strip', () => {
    const children = createRawSnippet(() => ({ render: () => '<button class="add">+ New role</button>' }));
    render(RoleTabs, { roles, selected: 1, children });
    const list = screen.getByRole('tablist', { name: 'Roles' });
    expect(within(list).getByRole('button', { name: '+ New role' })).toBeInTheDocument();
    expect(within(list).getAllByRole('tab')).toHaveLength(3);
  });
});
