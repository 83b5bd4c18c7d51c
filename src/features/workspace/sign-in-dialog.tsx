import { useState, type FormEvent } from 'react';
import { DetailDialog } from '../../components/detail-dialog';
import { createAccount, signIn } from '../../state/workspace/workspace-sync';
import { useWorkspace } from '../../state/workspace/workspace-store';

/**
 * "Sign in": email and password, and "Create account" (with a name) for a first visit; the first account on a
 * server makes its workspace and owns it. What went wrong (a wrong password, too many attempts, the server
 * down) is said in the dialog.
 */
export function SignInDialog({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const joining = useWorkspace((s) => s.joinToken !== null);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await action();
      onClose();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => signIn(email.trim(), password));
  };
  const onCreate = () => {
    if (!email.trim() || password.length < 8) {
      setError('To create an account, give an email and a password of at least 8 characters');
      return;
    }
    void run(() => createAccount(name.trim() || email.trim().split('@')[0]!, email.trim(), password));
  };

  return (
    <DetailDialog open title="Sign in" onClose={onClose} className="workspace-dialog">
      {joining && <p>Sign in, or create an account, to join the workspace you were invited to.</p>}
      <form className="workspace-form" onSubmit={onSubmit}>
        <label>
          Email
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <label>
          Name
          <input
            type="text"
            autoComplete="name"
            placeholder="to create an account"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="workspace-form__error">
            {error}
          </p>
        )}
        <div className="workspace-form__actions">
          <button type="submit" className="button" disabled={busy}>
            Sign in
          </button>
          <button type="button" className="button button--quiet" disabled={busy} onClick={onCreate}>
            Create account
          </button>
        </div>
      </form>
    </DetailDialog>
  );
}
