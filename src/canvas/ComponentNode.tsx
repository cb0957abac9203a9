/** One architecture component on the canvas: icon, label, technology, and its validation mark. */
import { Handle, type NodeProps } from '@xyflow/react';
import { memo, useState, type CSSProperties } from 'react';
import { useEditor } from '../bindings/editorContext';
import { findKind } from '../model/catalog';
import { roleOf } from '../model/catalog';
import type { ComponentNode as ComponentNodeType } from '../store/flowView';
import { selectPathSteps } from '../store/designIndex';
import { selectDirection, selectNodeOverlay, selectNodeSeverity, selectPeerSelection } from '../store/selectors';
import { CapacityBadges, parseOverlay } from './CapacityBadges';
import { DesignBadges } from './DesignBadges';
import { handleSides } from './handleSides';
import { KindIcon } from './icons';
import { POINTER_CANNOT_HOVER, QuietHandle } from './QuietHandle';
import { InlineRename } from './InlineRename';

function ComponentNodeView({ id, data, selected }: NodeProps<ComponentNodeType>) {
  const severity = useEditor(selectNodeSeverity(id));
  const direction = useEditor(selectDirection);
  const overlay = parseOverlay(useEditor(selectNodeOverlay(id)));
  const steps = useEditor(selectPathSteps(id));
  const peerColor = useEditor(selectPeerSelection(id));
  const [editing, setEditing] = useState(false);
  // The real handles (which start connections) only while the pointer is here or it is selected.
  const [pointerOver, setPointerOver] = useState(false);
  const NodeHandle = pointerOver || selected || POINTER_CANNOT_HOVER ? Handle : QuietHandle;
  const spec = findKind(data.kind);
  const role = roleOf(data);
  const sides = handleSides(direction);
  const label = data.label || spec?.label || data.kind;
  const className = [
    'arch-node',
    `role-${role}`,
    severity ? `has-${severity}` : '',
    selected ? 'is-selected' : '',
    overlay ? `cap-${overlay.status}` : '',
    overlay?.spof ? 'is-spof' : '',
    steps ? 'on-path' : '',
    peerColor ? 'is-peer-selected' : '',
  ].join(' ');
  return (
    <div
      className={className}
      onDoubleClick={(e) => {
        e.stopPropagation();
        setEditing(true);
      }}
      onPointerEnter={() => setPointerOver(true)}
      onPointerLeave={() => setPointerOver(false)}
      data-testid={`node-${id}`}
      style={peerColor ? ({ '--peer-color': peerColor } as CSSProperties) : undefined}
      title={severity ? `${label}: has a ${severity} — see the Validation panel` : undefined}
    >
      {/* While a connection is dragged (the canvas is .is-connecting), this handle grows over the
          whole node, so a drop anywhere on the node connects (see styles/06-canvas.css). */}
      <NodeHandle type="target" position={sides.target} className="arch-handle" />
      <span className="arch-node-icon">{spec && <KindIcon name={spec.icon} />}</span>
      <span className="arch-node-text">
        {editing ? (
          <InlineRename nodeId={id} initial={data.label} onDone={() => setEditing(false)} />
        ) : (
          <span className="arch-node-label">{label}</span>
        )}
        {(data.tech || label !== spec?.label) && <span className="arch-node-sub">{data.tech || spec?.label}</span>}
      </span>
      <DesignBadges id={id} label={label} />
      {steps && (
        <span className="path-step-mark" aria-label={`Step ${steps} of the request path`}>
          {steps}
        </span>
      )}
      {severity && (
        <span className={`arch-node-badge badge-${severity}`} aria-hidden="true">
          {severity === 'error' ? '!' : '?'}
        </span>
      )}
      {overlay && <CapacityBadges overlay={overlay} />}
      <NodeHandle type="source" position={sides.source} className="arch-handle" />
    </div>
  );
}

export const ComponentNode = memo(ComponentNodeView);
