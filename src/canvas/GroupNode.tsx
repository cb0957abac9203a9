/** A container (region, VPC, cluster): a labelled box that holds and moves its children. */
import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import type { GroupNode as GroupNodeType } from '../store/flowElements';
import { KindIcon } from './icons';
import { InlineRename } from './InlineRename';

function GroupNodeView({ id, data, selected }: NodeProps<GroupNodeType>) {
  const [editing, setEditing] = useState(false);
  return (
    <div className={`arch-group${selected ? ' is-selected' : ''}`} data-testid={`node-${id}`}>
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
      </div>
    </div>
  );
}

export const GroupNode = memo(GroupNodeView);
