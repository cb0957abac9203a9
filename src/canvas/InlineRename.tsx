/** The in-place label editor a double-click opens on a node. */
import { useState } from 'react';
import { useEditor } from '../bindings/editorContext';

export function InlineRename({ nodeId, initial, onDone }: { nodeId: string; initial: string; onDone: () => void }) {
  const updateNodeData = useEditor((s) => s.updateNodeData);
  const [value, setValue] = useState(initial);
  const finish = (save: boolean) => {
    if (save && value !== initial) updateNodeData(nodeId, { label: value });
    onDone();
  };
  return (
    <input
      className="arch-rename nodrag nopan"
      aria-label="Component name"
      autoFocus
      value={value}
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setValue(e.currentTarget.value)}
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(true);
        if (e.key === 'Escape') finish(false);
      }}
    />
  );
}
