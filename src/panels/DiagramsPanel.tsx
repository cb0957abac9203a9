/** "My diagrams": every diagram kept in this browser, to open, rename, duplicate or delete. */
import { memo, useState } from 'react';
import { useEditor, useEditorStore } from '../bindings/editorContext';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function SaveStatus() {
  const save = useEditor((s) => s.saveState);
  let text: string;
  switch (save.state) {
    case 'saved':
      text = 'All changes saved in this browser';
      break;
    case 'saving':
      text = 'Saving…';
      break;
    case 'dirty':
      text = 'Unsaved changes';
      break;
    case 'error':
      text = `Not saved: ${save.message}`;
      break;
    case 'memory':
      text = 'Storage unavailable: kept in this tab only';
      break;
    default:
      text = 'Opening…';
  }
  return (
    <p className={`save-status save-${save.state}`} data-testid="save-status">
      {text}
    </p>
  );
}

function DiagramsPanelView() {
  const store = useEditorStore();
  const items = useEditor((s) => s.items);
  const currentId = useEditor((s) => s.currentId);
  const currentTitle = useEditor((s) => s.meta.title);
  const currentCount = useEditor((s) => s.nodes.length);
  const [renaming, setRenaming] = useState<string | null>(null);
  return (
    <section className="panel diagrams" aria-labelledby="diagrams-heading">
      <div className="panel-heading-row">
        <h2 id="diagrams-heading" className="panel-heading">
          My diagrams
        </h2>
        <button type="button" className="secondary small" onClick={() => void store.getState().createStored()}>
          New
        </button>
      </div>
      <SaveStatus />
      <ul className="diagram-list">
        {items.map((item) => {
          const title = item.id === currentId ? currentTitle : item.title;
          const current = item.id === currentId;
          return (
            <li key={item.id} className={`diagram-item${current ? ' is-current' : ''}${item.status === 'unreadable' ? ' is-unreadable' : ''}`}>
              {renaming === item.id ? (
                <input
                  aria-label={`New name for ${title}`}
                  defaultValue={title}
                  autoFocus
                  onBlur={(e) => {
                    void store.getState().renameStored(item.id, e.currentTarget.value.trim() || title);
                    setRenaming(null);
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') e.currentTarget.blur();
                    if (e.key === 'Escape') setRenaming(null);
                  }}
                />
              ) : (
                <button
                  type="button"
                  className="diagram-open"
                  aria-current={current ? 'true' : undefined}
                  disabled={item.status === 'unreadable'}
                  onClick={() => void store.getState().openStored(item.id)}
                >
                  <span className="diagram-title">{title || 'Untitled diagram'}</span>
                  <span className="diagram-meta">
                    {item.status === 'unreadable'
                      ? `Unreadable: ${item.problem ?? 'set aside'}`
                      : `${current ? currentCount : item.nodeCount} components · ${timeFormat.format(item.updatedAt)}`}
                  </span>
                </button>
              )}
              <div className="diagram-actions">
                {item.status === 'unreadable' ? (
                  <button type="button" className="link-button" onClick={() => void store.getState().exportUnreadable(item.id)}>
                    Download raw
                  </button>
                ) : (
                  <>
                    <button type="button" className="link-button" aria-label={`Rename ${title}`} onClick={() => setRenaming(item.id)}>
                      Rename
                    </button>
                    <button type="button" className="link-button" aria-label={`Duplicate ${title}`} onClick={() => void store.getState().duplicateStored(item.id)}>
                      Duplicate
                    </button>
                  </>
                )}
                <button type="button" className="link-button danger" aria-label={`Delete ${title}`} onClick={() => void store.getState().deleteStored(item.id)}>
                  Delete
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export const DiagramsPanel = memo(DiagramsPanelView);
