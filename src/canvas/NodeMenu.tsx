/**
 * A component's context menu: right-click, or the Menu key / Shift+F10 on a focused node (the
 * browser sends `contextmenu` for both). Arrow keys move between items, Escape closes it and
 * returns focus to the node. Holds "Mark as down" for the capacity what-if (on a group: everything
 * inside it, a zone or region outage), and Delete.
 */
import { useEffect, useRef } from 'react';
import { useEditor, useEditorStore } from '../bindings/editorContext';
import { downLabel } from '../model/analysis/describeCapacity';
import { roleOf } from '../model/catalog';

export interface NodeMenuAt {
  id: string;
  /** Viewport coordinates. */
  x: number;
  y: number;
  /** What had focus, to give it back on close. */
  returnFocus: HTMLElement | null;
}

export function NodeMenu({ at, onClose }: { at: NodeMenuAt; onClose: () => void }) {
  const store = useEditorStore();
  const menu = useRef<HTMLDivElement>(null);
  const isDown = useEditor((s) => s.down.has(at.id));
  const node = useEditor((s) => s.doc.nodes.byId.get(at.id));
  const role = node === undefined ? undefined : roleOf(node);
  const canGoDown = role === 'client' || role === 'server' || role === 'datastore' || role === 'group';

  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', away, true);
    return () => document.removeEventListener('pointerdown', away, true);
  }, [onClose]);

  if (!node) return null;
  const close = () => {
    onClose();
    at.returnFocus?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      items[next]?.focus();
    }
  };
  const label = node.label || node.id;
  return (
    <div ref={menu} className="node-menu" role="menu" aria-label={`${label} actions`} style={{ left: at.x, top: at.y }} onKeyDown={onKeyDown}>
      {canGoDown && (
        <button
          type="button"
          role="menuitem"
          onClick={() => {
            const s = store.getState();
            s.setDown(at.id, !isDown);
            if (!isDown) s.showCapacity(true);
            close();
          }}
        >
          {downLabel(isDown, role === 'group')}
        </button>
      )}
      <button
        type="button"
        role="menuitem"
        className="danger"
        onClick={() => {
          const s = store.getState();
          s.select([at.id]);
          s.deleteSelection();
          onClose();
        }}
      >
        Delete
      </button>
    </div>
  );
}
