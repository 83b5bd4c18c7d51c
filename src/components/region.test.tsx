import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Region } from './region';

let broken = true;
function Fragile() {
  if (broken) throw new Error('the chart data could not be drawn');
  return <p>Drawn</p>;
}

describe('Region', () => {
  it('is a region named by its heading', () => {
    render(
      <Region id="charts" title="Charts">
        <p>content</p>
      </Region>,
    );
    expect(screen.getByRole('region', { name: 'Charts' })).toHaveTextContent('content');
  });

  it('contains a failing panel: a message and a retry, while its neighbours keep working', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const user = userEvent.setup();
    const onRetry = vi.fn(() => {
      broken = false;
    });
    render(
      <>
        <Region id="charts" title="Charts" onRetry={onRetry}>
          <Fragile />
        </Region>
        <Region id="sources" title="Sources">
          <p>Nine stories</p>
        </Region>
      </>,
    );
    const charts = screen.getByRole('region', { name: 'Charts' });
    expect(screen.getByRole('alert')).toHaveTextContent('This panel could not be shown.');
    expect(screen.getByRole('alert')).toHaveTextContent('the chart data could not be drawn');
    expect(screen.getByRole('region', { name: 'Sources' })).toHaveTextContent('Nine stories');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
    expect(charts).toHaveTextContent('Drawn');
  });
});
