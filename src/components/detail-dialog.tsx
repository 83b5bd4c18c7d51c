import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DetailDialogProps {
  /** Whether the dialog is open; it opens modally and closes when this changes. */
  open: boolean;
  title: string;
  onClose: () => void;
  className?: string;
  children: ReactNode;
}

/**
 * A modal detail view on the native <dialog>: focus moves in on open and back to the opener on close;
 * Esc, the close button and a click on the backdrop close it.
 */
export function DetailDialog({ open, title, onClose, className, children }: DetailDialogProps) {
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
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    }
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
