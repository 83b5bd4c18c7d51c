/** Which of the workspace's dialogs is open. */
export type WorkspacePanel = 'sign-in' | 'create' | 'members' | 'activity' | 'review';
