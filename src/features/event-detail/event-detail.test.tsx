/** The event's detail names who added its places, and whether they wait for review, in a team workspace. */
import { afterEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderWithChoices } from '../../testing/render';
import { makeDataset } from '../../testing/fixtures';
import { useWorkspace } from '../../state/workspace/workspace-store';
import { EventDetail } from './event-detail';

const dataset = makeDataset();
const event = dataset.events[0]!;
const place = dataset.places[0]!;
const initial = useWorkspace.getState();
afterEach(() => useWorkspace.setState(initial, true));

describe('EventDetail', () => {
  it('shows the provenance of the event and of each of its places', () => {
    useWorkspace.setState({
      workspace: { id: 'ws-1', name: 'Team workspace', role: 'reviewer', viewersApprovedOnly: false },
      provenance: new Map([
        [`event:${event.id}`, { addedBy: 'Ana', addedAt: '2025-03-01T10:00:00.000Z', status: 'pending' as const }],
        [`place:${place.id}`, { addedBy: 'Ben', addedAt: '2025-03-01T11:00:00.000Z', status: 'pending' as const }],
      ]),
    });
    renderWithChoices(<EventDetail dataset={dataset} />, { event: event.id });
    const dialog = screen.getByRole('dialog', { name: event.title });
    expect(within(dialog).getByText(/^Added by Ana on/)).toBeVisible();
    expect(within(dialog).getByText(/^Added by Ben on/)).toHaveTextContent('Awaiting review.');
  });
});
