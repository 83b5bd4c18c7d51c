import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DetailDialogProps {
  /** Whether the dialog is open; it opens modally and closes when this changes. */
  open: boolean;
  title: string;
  onClose: () => void;
  className?: string;
  /**
   * Where the focus goes on close when there is no opener to return to (the dialog was opened from the
   * address, or its opener has gone). Default: the page's main heading.
   */
  returnFocus?: () => HTMLElement | null | undefined;
  children: ReactNode;
}

/** The page's main heading (h1), made focusable from script if it is not already. */
export function mainHeading(): HTMLElement | null {
  const heading = document.querySelector<HTMLElement>('h1');
  if (heading && !heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  return heading;
}

/** Was the focus somewhere useful when the dialog opened? (Not the page itself, and still in it.) */
function usable(el: Element | null): el is HTMLElement {
  return el instanceof HTMLElement && el !== document.body && el.isConnected;
}

/**
 * A modal detail view on the native <dialog>: focus moves in on open and back to the opener on close;
 * Esc, the close button and a click on the backdrop close it. Opened with no opener (from the address), it
 * returns the focus to `returnFocus()` or the main heading, never to the bare page.
 */
export function DetailDialog({ open, title, onClose, className, returnFocus, children }: DetailDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<Element | null>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      openerRef.current = document.activeElement;
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      const opener = openerRef.current;
      openerRef.current = null;
      const target = usable(opener) ? opener : (returnFocus?.() ?? mainHeading());
      target?.focus();
    }
    // returnFocus is read only when the dialog closes; a new function each render must not re-run this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      className={`detail-dialog ${className ?? ''}`.trim()}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === dialogRef.current) onClose();
      }}
    >
      {open && (
        <div className="detail-dialog__body">
          <div className="detail-dialog__header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="button button--quiet" onClick={onClose} aria-label="Close">
              ✕
            </button>
          </div>
          {children}
        </div>
      )}
    </dialog>
  );
}
