/** Shows the share link just made: its length, and a warning when chat tools may cut it. */
import { useEffect, useRef } from 'react';
import { useEditor } from '../bindings/editorContext';

export function ShareDialog({ onClose }: { onClose: () => void }) {
  const share = useEditor((s) => s.lastShare);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="share-title" onClose={onClose} onCancel={onClose}>
      <h2 id="share-title">Share link</h2>
      {share ? (
        <>
          <p className="dialog-hint">Anyone who opens this link gets their own copy of the diagram. Nothing is uploaded: the diagram is inside the link.</p>
          <input className="share-url" aria-label="Share link URL" readOnly value={share.url} onFocus={(e) => e.currentTarget.select()} />
          <p data-testid="share-length">{share.url.length.toLocaleString('en')} characters</p>
          {share.warning && <p className="warning-text">{share.warning}</p>}
        </>
      ) : (
        <p>Making the link…</p>
      )}
      <div className="row end">
        <button type="button" className="primary" onClick={onClose}>
          Done
        </button>
      </div>
    </dialog>
  );
}
