import type { Dataset } from '../../model/dataset/schema';
import { DetailDialog } from '../../components/detail-dialog';
import { activityWords } from '../../model/workspace/fold';
import { formatDateTime } from '../../model/format/format';
import { useWorkspace } from '../../state/workspace/workspace-store';
import { itemLabel } from './item-label';

/** "Activity": the workspace's change log, newest first, with who and when. */
export function ActivityDialog({ dataset, onClose }: { dataset: Dataset; onClose: () => void }) {
  const activity = useWorkspace((s) => s.activity);
  const lines = [...activity].reverse();
  return (
    <DetailDialog open title="Activity" onClose={onClose} className="workspace-dialog">
      {lines.length === 0 ? (
        <p>Nothing yet: what anyone adds, corrects, approves or saves shows here.</p>
      ) : (
        <ol className="workspace-list">
          {lines.map((line) => (
            <li key={line.version} className="workspace-list__item">
              <span>{activityWords(line, (kind, id) => itemLabel(dataset, kind, id))}</span>
              <time className="workspace-list__meta" dateTime={line.at}>
                {formatDateTime(line.at)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </DetailDialog>
  );
}
