/**
 * Messages to the user. Errors and refusals use role="alert" so assistive technology announces
 * them at once; other notices are polite.
 */
import { memo, useEffect } from 'react';
import { useEditor, useEditorStore } from '../bindings/editorContext';

const INFO_MS = 6000;

function NoticesView() {
  const store = useEditorStore();
  const notices = useEditor((s) => s.notices);
  const deleted = useEditor((s) => s.deleted);
  const interrupted = useEditor((s) => s.interrupted);
  useEffect(() => {
    const timers = notices
      .filter((n) => n.tone === 'info')
      .map((n) => setTimeout(() => store.getState().dismissNotice(n.id), INFO_MS));
    return () => timers.forEach(clearTimeout);
  }, [notices, store]);
  return (
    <div className="notices">
      <div aria-live="polite" className="notices-polite">
        {notices
          .filter((n) => n.tone === 'info')
          .map((n) => (
            <div key={n.id} className="notice notice-info">
              <span>{n.message}</span>
              <button type="button" className="icon-button" aria-label="Dismiss message" onClick={() => store.getState().dismissNotice(n.id)}>
                ×
              </button>
            </div>
          ))}
        {deleted && (
          <div className="notice notice-info">
            <span>Deleted “{deleted.title}”.</span>
            <button type="button" className="link-button" onClick={() => void store.getState().undoDelete()}>
              Undo delete
            </button>
          </div>
        )}
      </div>
      {interrupted && (
        <div role="alert" className="notice notice-warning">
          <span>
            “{interrupted.title}” ({interrupted.nodeCount.toLocaleString('en')} components) did not finish opening last time, so it was
            not opened again. It is in My diagrams.
          </span>
          <button type="button" className="link-button" onClick={() => void store.getState().resolveInterrupted(true)}>
            Open it
          </button>
          <button type="button" className="icon-button" aria-label="Dismiss message" onClick={() => void store.getState().resolveInterrupted(false)}>
            ×
          </button>
        </div>
      )}
      {notices
        .filter((n) => n.tone !== 'info')
        .map((n) => (
          <div key={n.id} role="alert" className={`notice notice-${n.tone}`}>
            <span>{n.message}</span>
            <button type="button" className="icon-button" aria-label="Dismiss message" onClick={() => store.getState().dismissNotice(n.id)}>
              ×
            </button>
          </div>
        ))}
    </div>
  );
}

export const Notices = memo(NoticesView);
