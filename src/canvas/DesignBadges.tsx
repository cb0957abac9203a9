/**
 * A component's design on the canvas: compact badges ("3 endpoints", "2 entities") that open to
 * a readable list (method and path; entity and its key fields). The list is part of the node, so
 * exports show it as the canvas does.
 */
import { KeyRound } from 'lucide-react';
import { memo } from 'react';
import { useEditor, useEditorStore } from '../bindings/editorContext';
import { selectEndpointsOf, selectEntitiesOf } from '../store/designIndex';


function DesignBadgesView({ id, label }: { id: string; label: string }) {
  const store = useEditorStore();
  const endpoints = useEditor(selectEndpointsOf(id));
  const entities = useEditor(selectEntitiesOf(id));
  const open = useEditor((s) => s.designDetails.has(id));
  if (endpoints.length === 0 && entities.length === 0) return null;
  const parts = [
    endpoints.length > 0 ? `${endpoints.length} endpoint${endpoints.length === 1 ? '' : 's'}` : '',
    entities.length > 0 ? (entities.length === 1 ? '1 entity' : `${entities.length} entities`) : '',
  ].filter(Boolean);
  return (
    <div className="design-badges">
      <button
        type="button"
        className="design-badge nodrag"
        aria-expanded={open}
        aria-label={`${parts.join(', ')} of ${label}: ${open ? 'hide' : 'show'} the list`}
        onClick={(e) => {
          e.stopPropagation();
          store.getState().toggleDesignDetails(id);
        }}
        onDoubleClick={(e) => e.stopPropagation()}
      >
        {parts.join(' · ')}
        <span className="design-badge-caret" aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      {open && (
        <ul className="design-details">
          {endpoints.map((e) => (
            <li key={e.id}>
              <span className={`method method-${e.method.toLowerCase()}`}>{e.method}</span>
              <span className="endpoint-path">{e.path}</span>
            </li>
          ))}
          {entities.map((e) => {
            const keys = e.fields.filter((f) => f.primaryKey || f.partitionKey).map((f) => f.name);
            return (
              <li key={e.id}>
                <span className="entity-name">{e.name}</span>
                <span className="entity-keys">{keys.length > 0 ? (
                    <>
                      <KeyRound size={10} aria-label="key" /> {keys.join(', ')}
                    </>
                  ) : (
                    `${e.fields.length} field${e.fields.length === 1 ? '' : 's'}`
                  )}</span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

export const DesignBadges = memo(DesignBadgesView);
