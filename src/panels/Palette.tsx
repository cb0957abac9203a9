/** The component palette: click to add at the centre of the view, or drag onto the canvas. */
import { useReactFlow } from '@xyflow/react';
import { memo } from 'react';
import { useEditor, useEditorStore } from '../bindings/editorContext';
import { KindIcon } from '../canvas/icons';
import { KIND_DRAG_TYPE } from '../canvas/Canvas';
import { kindsByRole, ROLE_LABELS, type Role } from '../model/catalog';

const SECTIONS: Role[] = ['client', 'server', 'datastore', 'support', 'group'];

function PaletteView() {
  const store = useEditorStore();
  const rf = useReactFlow();
  // A view-only live link changes nothing: nothing to add.
  const readOnly = useEditor((s) => s.live.readOnly);
  const add = (kind: string) => {
    const pane = document.querySelector('.react-flow');
    const rect = pane?.getBoundingClientRect();
    const center = rect
      ? rf.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 })
      : { x: 0, y: 0 };
    store.getState().addComponent(kind, { center });
  };
  return (
    <nav className="palette" aria-label="Components">
      {SECTIONS.map((role) => (
        <section key={role} className={`palette-section role-${role}`} aria-labelledby={`palette-${role}`}>
          <h2 id={`palette-${role}`} className="palette-heading">
            {ROLE_LABELS[role]}
          </h2>
          <div className="palette-items">
            {kindsByRole(role).map((kind) => (
              <button
                key={kind.id}
                type="button"
                className="palette-item"
                aria-label={kind.label}
                title={`${kind.label}: ${kind.description}. Click to add, or drag onto the canvas.`}
                draggable={!readOnly}
                disabled={readOnly}
                onDragStart={(e) => {
                  e.dataTransfer.setData(KIND_DRAG_TYPE, kind.id);
                  e.dataTransfer.effectAllowed = 'move';
                }}
                onClick={() => add(kind.id)}
              >
                <span className="palette-icon">
                  <KindIcon name={kind.icon} size={16} />
                </span>
                <span className="palette-label">{kind.label}</span>
              </button>
            ))}
          </div>
        </section>
      ))}
    </nav>
  );
}

export const Palette = memo(PaletteView);
