import { useRef } from 'react';
import { SHORTCUTS } from '../shortcuts';
import '../styles/dialogs.css';
import { Modal } from './Modal';

/** The keyboard shortcuts, from the same list the key handler uses. */
export function HelpDialog({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  return (
    <Modal className="dialog" labelledBy="help-title" onClose={onClose} initialFocus={close}>
        <h2 id="help-title">Keyboard shortcuts</h2>
        <table className="shortcut-table">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.id}>
                <td>
                  <kbd>{s.keys}</kbd>
                </td>
                <td>{s.label}</td>
              </tr>
            ))}
            <tr>
              <td>
                <kbd>Esc</kbd>
              </td>
              <td>Close a dialog or menu</td>
            </tr>
          </tbody>
        </table>
        <p className="dialog-note">On macOS use ⌘ instead of Ctrl.</p>
        <div className="dialog-actions">
          <button ref={close} type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
    </Modal>
  );
}
