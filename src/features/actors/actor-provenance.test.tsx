/** Who added, edited and approved an actor, and a place, when a team workspace holds them (issue 25). */
import { afterEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderWithChoices } from '../../testing/render';
import { makeDataset } from '../../testing/fixtures';
import { useWorkspace } from '../../state/workspace/workspace-store';
import { ActorCard } from './actor-card';

const dataset = makeDataset();
const actor = dataset.actors[0]!;
const initial = useWorkspace.getState();
afterEach(() => useWorkspace.setState(initial, true));

const card = () =>
  renderWithChoices(
    <ActorCard
      actor={actor}
      dataset={dataset}
      counts={{ figures: 0, events: 1, statements: 0, filtered: false }}
      focused={false}
      autoOpen
      onFocus={() => undefined}
      onClearFocus={() => undefined}
      onOpenEvent={() => undefined}
    />,
  );

describe('an actor card, opened', () => {
  it('says who added and approved the actor in the workspace', () => {
    useWorkspace.setState({
      workspace: { id: 'ws-1', name: 'Team workspace', role: 'analyst', viewersApprovedOnly: false },
      provenance: new Map([
        [
          `actor:${actor.id}`,
          {
            addedBy: 'Ana',
            addedAt: '2025-03-01T10:00:00.000Z',
            approvedBy: 'Cat',
            approvedAt: '2025-03-02T10:00:00.000Z',
            status: 'approved' as const,
          },
        ],
      ]),
    });
    card();
    const article = screen.getByRole('article', { name: actor.name });
    expect(within(article).getByText(/^Added by Ana on .*Approved by Cat on/)).toBeVisible();
  });

  it('says nothing of it without a workspace', () => {
    card();
    expect(screen.queryByText(/Added by|Awaiting review/)).toBeNull();
  });
});
