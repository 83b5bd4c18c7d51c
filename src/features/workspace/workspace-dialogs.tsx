/**
 * The workspace's dialogs, loaded together when one is first opened: "Sign in", "Members", "Activity" and
 * "Review queue".
 */
import type { Dataset } from '../../model/dataset/schema';
import { SignInDialog } from './sign-in-dialog';
import { MembersDialog } from './members-dialog';
import { ActivityDialog } from './activity-dialog';
import { ReviewQueueDialog } from './review-queue-dialog';

export type WorkspacePanel = 'sign-in' | 'members' | 'activity' | 'review';

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
    case 'members':
      return <MembersDialog onClose={onClose} />;
    case 'activity':
      return <ActivityDialog dataset={dataset} onClose={onClose} />;
    case 'review':
      return <ReviewQueueDialog dataset={dataset} onClose={onClose} />;
  }
}
