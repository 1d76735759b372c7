import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import '../styles/dialogs.css';

export interface ModalProps {
  children: ReactNode;
  /** Escape, a click outside the box, or the caller's own Close. */
  onClose: () => void;
  /** The box's own class (dialog, confirm-dialog, publish-dialog, ...). */
  className: string;
  /** A question before an action that is hard to take back: role alertdialog. */
  alert?: boolean;
  label?: string;
  labelledBy?: string;
  describedBy?: string;
  /** What gets the focus when it opens (else the browser's choice: the first focusable element). */
  initialFocus?: RefObject<HTMLElement | null>;
}

/**
 * Every modal of the app, on the browser's own <dialog> opened with
 * showModal(): the page behind is inert (no Tab, no click, no screen reader
 * reaching it), Escape closes it, and the focus goes back where it was. The
 * <dialog> is the dimmed backdrop; the box inside holds the content, so a
 * press on the backdrop closes it as before.
 */
export function Modal({ children, onClose, className, alert, label, labelledBy, describedBy, initialFocus }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    initialFocus?.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (previous?.isConnected) previous.focus();
    };
    // Opened once per mount; the initial focus is read then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return createPortal(
    <dialog
      ref={ref}
      className="modal"
      role={alert ? 'alertdialog' : undefined}
      aria-label={label}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onCancel={(e) => {
        // Escape: the caller unmounts the dialog (and the cleanup closes it).
        e.preventDefault();
        closeRef.current();
      }}
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) closeRef.current();
      }}
    >
      <div className={className}>{children}</div>
    </dialog>,
    document.body,
  );
}
