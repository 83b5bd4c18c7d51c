import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { KeyFigures } from './key-figures';
import { makeDataset, makeFigure, makeSource } from '../../testing/fixtures';

const dataset = makeDataset({
  sources: [makeSource({ id: 'test-story', title: 'Russia able to fight on', published: '2025-02-12' })],
  figures: [
    makeFigure({ id: 'tanks', label: 'Tanks lost', lead: 1 }),
    makeFigure({
      id: 'casualties-western',
      label: 'Casualties a day (Western officials)',
      measure: 'casualties-per-day',
      unit: 'casualties-per-day',
      value: 1000,
      qualifier: 'about',
      stated: '1,000',
      quote: 'roughly 1,000 casualties a day',
      claimant: 'Western officials',
      lead: 2,
    }),
    makeFigure({
      id: 'casualties-analysts',
      label: 'Casualties a day (analysts)',
      measure: 'casualties-per-day',
      unit: 'casualties-per-day',
      value: undefined,
      low: 100,
      high: 999,
      qualifier: 'at-least',
      stated: 'hundreds',
      quote: 'at least in the hundreds daily',
      claimant: 'Military analysts',
    }),
    makeFigure({ id: 'not-lead', label: 'A figure that does not lead' }),
  ],
});

describe('KeyFigures', () => {
  it('shows only the lead figures, in rank order, with qualifier and claimant', () => {
    render(<KeyFigures dataset={dataset} />);
    const cards = screen.getAllByRole('article');
    expect(cards.map((c) => within(c).getByRole('heading').textContent)).toEqual([
      'Tanks lost',
      'Casualties a day (Western officials)',
    ]);
    expect(within(cards[1]!).getByText('Western officials')).toBeVisible();
    expect(within(cards[1]!).getAllByText('about')[0]).toBeVisible();
  });

  it('compares a lead figure with other estimates of the same measure', () => {
    render(<KeyFigures dataset={dataset} />);
    const card = screen.getByRole('article', { name: 'Casualties a day (Western officials)' });
    expect(card).toHaveTextContent('Other estimate: at least 100–999 casualties a day (Military analysts)');
  });

  it('opens the quote and its story with one click, and closes it again', async () => {
    const user = userEvent.setup();
    render(<KeyFigures dataset={dataset} />);
    const card = screen.getByRole('article', { name: 'Tanks lost' });
    const toggle = within(card).getByRole('button', { name: /quote and source/i });
    expect(within(card).getByText(/Moscow lost 1,400 tanks in 2024/)).not.toBeVisible();

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(within(card).getByText(/Moscow lost 1,400 tanks in 2024/)).toBeVisible();
    expect(within(card).getByText('Russia able to fight on')).toBeVisible();

    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  it('renders markup in data as text, never as HTML', () => {
    const hostile = makeDataset({
      figures: [makeFigure({ label: '<img src=x onerror=alert(1)>Tanks', lead: 1 })],
    });
    const { container } = render(<KeyFigures dataset={hostile} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('heading', { name: '<img src=x onerror=alert(1)>Tanks' })).toBeInTheDocument();
  });
});
