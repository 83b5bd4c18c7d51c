import { useState, type FormEvent } from 'react';
import { DetailDialog } from '../../components/detail-dialog';
import { createWorkspace } from '../../state/workspace/workspace-sync';

/** "Create workspace": for a person signed in who is in none; they own it and invite the others from "Members". */
export function CreateWorkspaceDialog({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError('Give the workspace a name');
      return;
    }
    setBusy(true);
    setError('');
    try {
      await createWorkspace(name.trim());
      onClose();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <DetailDialog open title="Create workspace" onClose={onClose} className="workspace-dialog">
      <form className="workspace-form" onSubmit={(event) => void onSubmit(event)}>
        <p>You will own it and can invite the others from “Members”. What you added in this browser is shared.</p>
        <label>
          Workspace name
          <input type="text" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        {error && (
          <p role="alert" className="workspace-form__error">
            {error}
          </p>
        )}
        <div className="workspace-form__actions">
          <button type="submit" className="button" disabled={busy}>
            Create workspace
          </button>
        </div>
      </form>
    </DetailDialog>
  );
}
