import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SkipLinks } from './skip-links';
import { Region } from '../../components/region';

function Page() {
  return (
    <>
      <header>
        <SkipLinks />
        <h1>The briefing</h1>
      </header>
      <main>
        <Region id="filters" title="Filters">
          <input type="search" aria-label="Search figures" />
        </Region>
        <Region id="key-figures" title="Key figures">
          <button type="button">A figure</button>
        </Region>
        <Region id="sources" title="Sources">
          <p>Stories</p>
        </Region>
      </main>
    </>
  );
}

afterEach(() => localStorage.clear());

describe('SkipLinks', () => {
  it('are the first Tab stops, and move the focus to content and to each region', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.tab();
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('heading', { name: 'Filters' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('searchbox', { name: 'Search figures' })).toHaveFocus();

    const nav = screen.getByRole('navigation', { name: 'Skip links' });
    await user.click(within(nav).getByRole('link', { name: 'Skip to Sources' }));
    expect(screen.getByRole('heading', { name: 'Sources' })).toHaveFocus();
    expect(window.location.hash).toBe('');
  });

  it('jumps to a region with its digit, to the search with "/", and not while typing', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.keyboard('7');
    expect(screen.getByRole('heading', { name: 'Sources' })).toHaveFocus();
    await user.keyboard('2');
    expect(screen.getByRole('heading', { name: 'Key figures' })).toHaveFocus();
    await user.keyboard('/');
    const search = screen.getByRole('searchbox', { name: 'Search figures' });
    expect(search).toHaveFocus();
    await user.keyboard('17');
    expect(search).toHaveFocus();
    expect(search).toHaveValue('17');
  });

  it('documents the keys in a help opened with "?", where the single-key shortcuts can be switched off', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.keyboard('?');
    const help = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(help).getByRole('row', { name: '7 Go to Sources' })).toBeInTheDocument();
    expect(within(help).getByRole('row', { name: '/ Search figures' })).toBeInTheDocument();
    await user.click(within(help).getByRole('checkbox', { name: 'Single-key shortcuts (1–7 and /)' }));
    expect(localStorage.getItem('geobrief-shortcuts')).toBe('off');
    await user.click(within(help).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.keyboard('7');
    expect(screen.getByRole('heading', { name: 'Sources' })).not.toHaveFocus();
    // "?" still opens the help, so the shortcuts can be switched back on.
    await user.keyboard('?');
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
  });
});
