/**
 * A container (region, VPC, cluster): a labelled box that holds and moves its children. Marked
 * down for the capacity what-if (a zone or region outage), it is greyed with a "Down" badge and
 * its members with it.
 */
import { NodeResizer, useStore, type NodeProps, type ReactFlowState } from '@xyflow/react';
import { memo, useState } from 'react';
import { useEditor } from '../bindings/editorContext';
import { selectGroupDown } from '../store/selectors';
import type { GroupNode as GroupNodeType } from '../store/flowView';
import { KindIcon } from './icons';
import { InlineRename } from './InlineRename';

/** Dash and gap of the outline, in its stroke widths (see .arch-group-frame). */
const DASH_PERIOD = 3 + 2;

/**
 * Zoomed out so far that a dash and its gap together are narrower than a screen pixel: the
 * outline can no longer be seen as dashed, and a plain line of the same average colour looks the
 * same while costing far less to draw on every pan or zoom step.
 */
function dashesUnresolvable(s: ReactFlowState): boolean {
  const pixelRatio = window.devicePixelRatio || 1;
  const strokeWidth = pixelRatio >= 2 ? 1.5 : 1;
  return DASH_PERIOD * strokeWidth * s.transform[2] * pixelRatio < 1;
}

function GroupNodeView({ id, data, selected }: NodeProps<GroupNodeType>) {
  const [editing, setEditing] = useState(false);
  const far = useStore(dashesUnresolvable);
  const down = useEditor(selectGroupDown(id));
  return (
    <div className={`arch-group${selected ? ' is-selected' : ''}${far ? ' is-far' : ''}${down ? ' cap-down' : ''}`} data-testid={`node-${id}`}>
      {/* The dashed outline: an SVG stroke is dashed once around the box, where a dashed CSS border
          is drawn side by side through clip paths, the costliest thing on a big zoomed-out canvas. */}
      <svg className="arch-group-frame" aria-hidden="true" focusable="false">
        <rect />
      </svg>
      <NodeResizer isVisible={Boolean(selected)} minWidth={160} minHeight={100} lineClassName="arch-resize-line" handleClassName="arch-resize-handle" />
      <div
        className="arch-group-title"
        onDoubleClick={(e) => {
          e.stopPropagation();
          setEditing(true);
        }}
      >
        <KindIcon name="group" size={15} />
        {editing ? (
          <InlineRename nodeId={id} initial={data.label} onDone={() => setEditing(false)} />
        ) : (
          <span className="arch-node-label">{data.label || 'Group'}</span>
        )}
        {data.tech && <span className="arch-group-tech">{data.tech}</span>}
        {down && <span className="cap-badge cap-badge-down" data-testid="capacity-badge">Down</span>}
      </div>
    </div>
  );
}

export const GroupNode = memo(GroupNodeView);
