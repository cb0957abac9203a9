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
