import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Region } from '../components/region';
import { settleDeferred } from '../testing/render';
import { useAfterPaint } from '../state/use-filters';

/** A heavy panel's view of `value`: what it shows, and its region busy while it catches up. */
function Heavy({ value }: { value: { label: string } }) {
  const later = useAfterPaint(value);
  return (
    <Region id="heavy" title="Heavy" busy={later.pending}>
      <p>{later.value.label}</p>
    </Region>
  );
}

describe('useAfterPaint', () => {
  it('hands a new value over only after the next paint, with the region busy meanwhile', async () => {
    const first = { label: 'shipped data' };
    const { rerender } = render(<Heavy value={first} />);
    const region = screen.getByRole('region', { name: 'Heavy' });
    expect(region).toHaveTextContent('shipped data');
    expect(region).not.toHaveAttribute('aria-busy');

    rerender(<Heavy value={{ label: 'the team’s data' }} />);
    // The render of the change itself still shows the old value, and says the region is catching up.
    expect(region).toHaveTextContent('shipped data');
    expect(region).toHaveAttribute('aria-busy', 'true');

    for (let i = 0; i < 20 && region.hasAttribute('aria-busy'); i++) await settleDeferred();
    expect(region).toHaveTextContent('the team’s data');
    expect(region).not.toHaveAttribute('aria-busy');
  });

  it('keeps a value that is a function as the value, not as an updater', async () => {
    function Show({ f }: { f: () => string }) {
      return <p>{useAfterPaint(f).value()}</p>;
    }
    const { rerender } = render(<Show f={() => 'one'} />);
    rerender(<Show f={() => 'two'} />);
    for (let i = 0; i < 20 && !screen.queryByText('two'); i++) await settleDeferred();
    expect(screen.getByText('two')).toBeInTheDocument();
  });
});
