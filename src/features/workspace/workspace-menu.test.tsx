/**
 * The Workspace control's menu and the dialogs added to it: the last failure said with "Dismiss" (and the menu
 * opening by itself for it), "Create workspace" for a person in none, what another account left waiting, and the
 * owner removing a member after a yes.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useWorkspace } from '../../state/workspace/workspace-store';
import { resetWorkspaceForTests } from '../../state/workspace/workspace-sync';
import { fakeWorkspaceServer, type FakeServer } from '../../state/workspace/fake-workspace-server';
import { resetOutboxForTests } from '../../state/workspace/outbox';
import { shippedDataset } from '../../model/pack/pack.fixtures';
import { freshStoredData } from '../../testing/stored-data';
import { WorkspaceButton } from './workspace-button';
import { WorkspaceDialogs } from './workspace-dialogs';

const dataset = shippedDataset();
const initial = useWorkspace.getState();
const ANA = { id: 'user-ana', name: 'Ana', email: 'ana@example.org' };
const WS = { id: 'ws-1', name: 'Team workspace', role: 'owner' as const, viewersApprovedOnly: false };
let server: FakeServer;

beforeEach(async () => {
  await freshStoredData();
  await resetOutboxForTests();
  useWorkspace.setState(initial, true);
  server = fakeWorkspaceServer('owner');
  vi.stubGlobal('fetch', server.fetch);
});
afterEach(async () => {
  await resetWorkspaceForTests();
  vi.unstubAllGlobals();
});

const openMenu = async () => {
  await userEvent.click(screen.getByRole('button', { name: 'Workspace' }));
};

describe('the Workspace menu', () => {
  it('says the last failure as an alert until dismissed', async () => {
    useWorkspace.setState({
      server: true,
      user: ANA,
      workspace: WS,
      lastError: 'Sign out failed: database is locked',
    });
    render(<WorkspaceButton dataset={dataset} />);
    await openMenu();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Sign out failed: database is locked');
    await userEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(useWorkspace.getState().lastError).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeVisible();
  });

  it('opens by itself to say an invite link that failed, and closes with Escape', async () => {
    useWorkspace.setState({ server: true, user: ANA, workspace: WS });
    render(<WorkspaceButton dataset={dataset} />);
    expect(screen.getByRole('button', { name: 'Workspace' })).toHaveAttribute('aria-expanded', 'false');
    useWorkspace.setState({
      lastError: 'Joining the workspace failed: this invite link has expired; ask for a new one',
      menuWanted: true,
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('this invite link has expired');
    expect(screen.getByRole('button', { name: 'Workspace' })).toHaveAttribute('aria-expanded', 'true');
    await userEvent.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Workspace' })).toHaveAttribute('aria-expanded', 'false');
    expect(useWorkspace.getState().menuWanted).toBe(false);
  });

  it('says a sign-out that failed, in the menu', async () => {
    server.me = { user: ANA, workspace: WS };
    server.failSignOut = true;
    useWorkspace.setState({ server: true, user: ANA, workspace: WS });
    render(<WorkspaceButton dataset={dataset} />);
    await openMenu();
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Sign out failed: database is locked');
    expect(useWorkspace.getState().user).toEqual(ANA);
  });

  it('offers a person in no workspace to create one, or to open an invite link', async () => {
    server.me = { user: ANA, workspace: null };
    useWorkspace.setState({ server: true, user: ANA, workspace: null });
    render(<WorkspaceButton dataset={dataset} />);
    expect(screen.getByRole('button', { name: 'Workspace' })).toHaveTextContent('No workspace');
    await openMenu();
    expect(await screen.findByText(/open an invite link/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Members' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Create workspace' }));

    const dialog = await screen.findByRole('dialog', { name: 'Create workspace' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create workspace' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Give the workspace a name');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Workspace name' }), 'Kyiv desk');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create workspace' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Create workspace' })).toBeNull());
    expect(useWorkspace.getState().workspace).toMatchObject({ name: 'Kyiv desk', role: 'owner' });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Workspace' })).toHaveTextContent('Synced'));
  });

  it('says what another account left waiting on this browser, in the menu and the Review queue', async () => {
    useWorkspace.setState({ server: true, user: ANA, workspace: WS, othersWaiting: 2 });
    render(<WorkspaceButton dataset={dataset} />);
    await openMenu();
    expect(await screen.findByText('2 changes of another account wait for it to sign in.')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Review queue' }));
    const dialog = await screen.findByRole('dialog', { name: 'Review queue' });
    expect(within(dialog).getByText(/^2 changes of another account wait for it to sign in/)).toBeVisible();
  });
});

describe('Members: removing one', () => {
  it('asks first; "Cancel" keeps them, "Yes, remove" takes them out', async () => {
    server.me = { user: ANA, workspace: WS };
    useWorkspace.setState({ server: true, user: ANA, workspace: WS });
    render(<WorkspaceDialogs which="members" dataset={dataset} onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Members' });
    expect(await within(dialog).findByText('ben@example.org')).toBeVisible();
    expect(within(dialog).queryByRole('button', { name: 'Remove Ana' })).toBeNull();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove Ben' }));
    expect(within(dialog).getByText(/Remove Ben from Team workspace\?/)).toBeVisible();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(within(dialog).queryByRole('button', { name: 'Yes, remove Ben' })).toBeNull();
    expect(server.members.map((m) => m.name)).toEqual(['Ana', 'Ben']);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove Ben' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Yes, remove Ben' }));
    await waitFor(() => expect(within(dialog).queryByText('ben@example.org')).toBeNull());
    expect(server.members.map((m) => m.name)).toEqual(['Ana']);
  });
});
