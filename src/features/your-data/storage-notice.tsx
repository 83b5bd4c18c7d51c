import { useState } from 'react';
import { useUserData } from '../../state/user-data';
import { downloadDataFile } from './export-file';
import './your-data.css';

/**
 * Says, above the dashboard, when something the analyst added could not be kept in this browser, and what:
 * it stays in this tab only, so the notice offers to export it.
 */
export function StorageNotice() {
  const lastError = useUserData((s) => s.lastError);
  const unsavedTitles = useUserData((s) =>
    s.unsaved
      .map((id) =>
        id.startsWith('briefing:')
          ? s.briefings
              .filter((b) => `briefing:${b.id}` === id)
              .map((b) => `the briefing “${b.name}”`)
              .at(0)
          : s.packs.find((p) => p.id === id)?.pack.source.title,
      )
      .filter((t) => t !== undefined)
      .join('; '),
  );
  const dismiss = useUserData((s) => s.dismissError);
  const [exported, setExported] = useState<string | null>(null);
  if (lastError === null) return null;

  return (
    <div className="storage-notice" role="alert">
      <p>
        <strong>Your data could not be saved in this browser:</strong> {lastError.replace(/\.$/, '')}.{' '}
        {unsavedTitles && <>Not kept after this tab closes: {unsavedTitles}. </>}
        Export a data pack to keep it.
      </p>
      <div className="storage-notice__actions">
        <button type="button" className="button" onClick={() => setExported(downloadDataFile().fileName)}>
          Export now
        </button>
        <button type="button" className="button button--quiet" onClick={dismiss}>
          Dismiss
        </button>
        {exported && <span>Saved as {exported}.</span>}
      </div>
    </div>
  );
}
