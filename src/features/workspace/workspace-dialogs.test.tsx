import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useWorkspace } from '../../state/workspace/workspace-store';
import { resetWorkspaceForTests } from '../../state/workspace/workspace-sync';
import { fakeWorkspaceServer } from '../../state/workspace/fake-workspace-server';
import { shippedDataset } from '../../model/pack/pack.fixtures';
import { WorkspaceButton } from './workspace-button';
import { WorkspaceDialogs } from './workspace-dialogs';
import { freshStoredData } from '../../testing/stored-data';
import type { Role } from '../../model/workspace/protocol';

const dataset = shippedDataset();
const initial = useWorkspace.getState();
const FIGURE = dataset.figures[0]!;

function as(role: Role) {
  useWorkspace.setState({
    server: true,
    reachable: true,
    user: { id: 'user-ana', name: 'Ana', email: 'ana@example.org' },
    workspace: { id: 'ws-1', name: 'Team workspace', role, viewersApprovedOnly: false },
    phase: 'synced',
    provenance: new Map([
      [`figure:${FIGURE.id}`, { editedBy: 'Ben', editedAt: '2025-03-01T10:00:00.000Z', status: 'pending' }],
    ]),
    conflicts: [
      {
        id: 'conflict-1',
        kind: 'figure',
        itemId: FIGURE.id,
        field: 'value',
        at: '2025-03-01T10:00:00.000Z',
        values: [
          { value: 4, by: { id: 'a', name: 'Ana' }, changeId: 'c1' },
          { value: 5, by: { id: 'b', name: 'Ben' }, changeId: 'c2' },
        ],
      },
    ],
  });
}

beforeEach(async () => {
  await freshStoredData();
  useWorkspace.setState(initial, true);
  vi.stubGlobal('fetch', fakeWorkspaceServer().fetch);
});

/** The fake server with Ana signed in, in this role. */
function serverAs(role: Role) {
  const server = fakeWorkspaceServer(role);
  server.me = {
    user: { id: 'user-ana', name: 'Ana', email: 'ana@example.org' },
    workspace: { id: 'ws-1', name: 'Team workspace', role, viewersApprovedOnly: false },
  };
  vi.stubGlobal('fetch', server.fetch);
}
afterEach(async () => {
  await resetWorkspaceForTests();
  vi.unstubAllGlobals();
});

describe('the Workspace control', () => {
  it('is not there until a workspace server has answered', () => {
    const { container } = render(<WorkspaceButton dataset={dataset} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('shows the sync state in its text and offers "Sign in" when signed out', async () => {
    useWorkspace.setState({ server: true, online: false, waiting: 2 });
    render(<WorkspaceButton dataset={dataset} />);
    const button = screen.getByRole('button', { name: 'Workspace' });
    expect(button).toHaveTextContent('Offline — 2 changes waiting');
    await userEvent.click(button);
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Review queue' })).toBeDisabled();
  });

  it('says a failed sync is retried, and offers "Sign out" when signed in', async () => {
    as('analyst');
    useWorkspace.setState({ phase: 'failed' });
    render(<WorkspaceButton dataset={dataset} />);
    expect(screen.getByRole('button', { name: 'Workspace' })).toHaveTextContent('Sync failed — retrying');
    await userEvent.click(screen.getByRole('button', { name: 'Workspace' }));
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Members' })).toBeEnabled();
  });
});

describe('Sign in', () => {
  it('says a wrong password in the dialog, and closes once signed in', async () => {
    useWorkspace.setState({ server: true });
    const onClose = vi.fn();
    render(<WorkspaceDialogs which="sign-in" dataset={dataset} onClose={onClose} />);
    const dialog = screen.getByRole('dialog', { name: 'Sign in' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Email' }), 'ana@example.org');
    await userEvent.type(within(dialog).getByLabelText('Password'), 'nope');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign in' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Wrong email or password');
    expect(within(dialog).getByRole('button', { name: 'Create account' })).toBeVisible();

    await userEvent.clear(within(dialog).getByLabelText('Password'));
    await userEvent.type(within(dialog).getByLabelText('Password'), 'correct horse');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(useWorkspace.getState().user?.name).toBe('Ana');
  });

  it('says when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')));
    render(<WorkspaceDialogs which="sign-in" dataset={dataset} onClose={() => undefined} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Email' }), 'ana@example.org');
    await userEvent.type(screen.getByLabelText('Password'), 'whatever1');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The workspace server cannot be reached');
  });
});

describe('Review queue', () => {
  it('lets a reviewer approve and keep either value of a conflict, with who set each', () => {
    as('reviewer');
    render(<WorkspaceDialogs which="review" dataset={dataset} onClose={() => undefined} />);
    expect(screen.getByRole('button', { name: `Approve ${FIGURE.label}` })).toBeVisible();
    expect(screen.getByText('set by Ana')).toBeVisible();
    expect(screen.getByText('set by Ben')).toBeVisible();
    expect(screen.getByRole('button', { name: /^Keep 4/ })).toBeVisible();
    expect(screen.getByRole('button', { name: /^Keep 5/ })).toBeVisible();
  });

  it('shows an analyst what waits, without "Approve" or "Keep"', () => {
    as('analyst');
    render(<WorkspaceDialogs which="review" dataset={dataset} onClose={() => undefined} />);
    expect(screen.getAllByText(FIGURE.label)[0]).toBeVisible();
    expect(screen.queryByRole('button', { name: /^Approve/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Keep/ })).toBeNull();
  });

  it('lists the changes not applied, with why, until dismissed', async () => {
    as('viewer');
    useWorkspace.setState({
      notApplied: [
        { id: 'x1', what: 'Adding “A story”', reason: 'viewers cannot make changes', at: '2025-03-01T10:00:00.000Z' },
      ],
    });
    render(<WorkspaceDialogs which="review" dataset={dataset} onClose={() => undefined} />);
    expect(screen.getByText(/viewers cannot make changes/)).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/viewers cannot make changes/)).toBeNull();
  });
});

describe('Members', () => {
  it('lets the owner make an invite link to copy', async () => {
    as('owner');
    serverAs('owner');
    render(<WorkspaceDialogs which="members" dataset={dataset} onClose={() => undefined} />);
    expect(await screen.findByText('ana@example.org')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Invite link' }));
    expect(await screen.findByDisplayValue(`${window.location.origin}/?join=tok-123456789`)).toBeVisible();
  });

  it('shows an analyst the members without invites', async () => {
    as('analyst');
    serverAs('analyst');
    render(<WorkspaceDialogs which="members" dataset={dataset} onClose={() => undefined} />);
    expect(await screen.findByText('ana@example.org')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Invite link' })).toBeNull();
  });
});
