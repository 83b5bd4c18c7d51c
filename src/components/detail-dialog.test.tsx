import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DetailDialog } from './detail-dialog';

function Page({ startOpen = false, withReturn = false }: { startOpen?: boolean; withReturn?: boolean }) {
  const [open, setOpen] = useState(startOpen);
  return (
    <>
      <h1>The briefing</h1>
      <article data-figure-id="rate">
        <button type="button" onClick={() => setOpen(true)}>
          Open the rate
        </button>
      </article>
      <button type="button" id="elsewhere">
        Elsewhere
      </button>
      <DetailDialog
        open={open}
        title="Interest rate"
        onClose={() => setOpen(false)}
        returnFocus={
          withReturn ? () => document.querySelector<HTMLElement>('[data-figure-id="rate"] button') : undefined
        }
      >
        <p>21 percent</p>
      </DetailDialog>
    </>
  );
}

describe('DetailDialog focus', () => {
  it('returns the focus to the button that opened it', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Open the rate' }));
    expect(screen.getByRole('dialog', { name: 'Interest rate' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.getByRole('button', { name: 'Open the rate' })).toHaveFocus();
  });

  it('opened from the address (no opener), returns the focus to the main heading, not the page', async () => {
    const user = userEvent.setup();
    render(<Page startOpen />);
    expect(
      document.activeElement === document.body || screen.getByRole('dialog').contains(document.activeElement),
    ).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.getByRole('heading', { level: 1, name: 'The briefing' })).toHaveFocus();
    expect(document.activeElement).not.toBe(document.body);
  });

  it('opened from the address, returns the focus where the page asks (the item’s card)', async () => {
    const user = userEvent.setup();
    render(<Page startOpen withReturn />);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.getByRole('button', { name: 'Open the rate' })).toHaveFocus();
  });

  it('closes on Esc (the dialog’s cancel) and returns the focus', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Open the rate' }));
    const dialog = screen.getByRole('dialog', { name: 'Interest rate' });
    act(() => {
      dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    });
    expect(screen.queryByText('21 percent')).toBeNull();
    expect(screen.getByRole('button', { name: 'Open the rate' })).toHaveFocus();
  });
});
