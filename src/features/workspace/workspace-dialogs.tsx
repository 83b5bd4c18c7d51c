/**
 * The workspace's dialogs, loaded together when one (or the Workspace control's menu) is first opened: "Sign in",
 * "Create workspace", "Members", "Activity" and "Review queue".
 */
import type { Dataset } from '../../model/dataset/schema';
import { SignInDialog } from './sign-in-dialog';
import { MembersDialog } from './members-dialog';
import { ActivityDialog } from './activity-dialog';
import { ReviewQueueDialog } from './review-queue-dialog';
import { CreateWorkspaceDialog } from './create-workspace-dialog';
import type { WorkspacePanel } from './workspace-panel';

export { WorkspaceMenu } from './workspace-menu';

export type { WorkspacePanel } from './workspace-panel';

export function WorkspaceDialogs({
  which,
  dataset,
  onClose,
}: {
  which: WorkspacePanel;
  dataset: Dataset;
  onClose: () => void;
}) {
  switch (which) {
    case 'sign-in':
      return <SignInDialog onClose={onClose} />;
    case 'create':
      return <CreateWorkspaceDialog onClose={onClose} />;
    case 'members':
      return <MembersDialog onClose={onClose} />;
    case 'activity':
      return <ActivityDialog dataset={dataset} onClose={onClose} />;
    case 'review':
      return <ReviewQueueDialog dataset={dataset} onClose={onClose} />;
  }
}
