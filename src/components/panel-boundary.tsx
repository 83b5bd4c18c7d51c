import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';

function PanelError({ error, resetErrorBoundary }: FallbackProps) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="panel-error" role="alert">
      <p>
        <strong>This panel could not be shown.</strong> The rest of the dashboard still works.
      </p>
      <p className="panel-error__detail">{message}</p>
      <button type="button" className="button" onClick={resetErrorBoundary}>
        Retry
      </button>
    </div>
  );
}

/** Catches a panel's failure: the panel shows a message and a retry, the rest of the page carries on. */
export function PanelBoundary({ onRetry, children }: { onRetry?: (() => void) | undefined; children: ReactNode }) {
  return (
    <ErrorBoundary FallbackComponent={PanelError} {...(onRetry ? { onReset: onRetry } : {})}>
      {children}
    </ErrorBoundary>
  );
}
