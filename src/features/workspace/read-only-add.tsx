import { useId } from 'react';

/**
 * "Add article" for someone whose workspace role does not add (a viewer, a reviewer): disabled, with the reason
 * said beside it to assistive technology and as a tooltip.
 */
export function ReadOnlyAdd({ reason }: { reason: string }) {
  const id = useId();
  return (
    <>
      <button
        type="button"
        className="button button--quiet read-only-note"
        disabled
        aria-describedby={id}
        title={reason}
      >
        <span aria-hidden="true">+</span> Add <span className="wide-only">article</span>
      </button>
      <span id={id} className="visually-hidden">
        {reason}
      </span>
    </>
  );
}
