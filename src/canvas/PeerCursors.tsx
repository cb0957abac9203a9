/**
 * Other editors' pointers in a live room, drawn in canvas coordinates (inside React Flow's
 * viewport) at a constant size whatever the zoom, each with its owner's name and colour.
 */
import { ViewportPortal, useStore as useFlowStore } from '@xyflow/react';
import { memo } from 'react';
import { useEditor } from '../bindings/editorContext';
import { labelTextOn } from '../model/sync/peerColors';

function PeerCursorsView() {
  const peers = useEditor((s) => s.presence.peers);
  const zoom = useFlowStore((s) => s.transform[2]);
  if (peers.size === 0) return null;
  return (
    <ViewportPortal>
      {[...peers].map(([id, peer]) =>
        peer.cursor ? (
          <div
            key={id}
            className="peer-cursor"
            data-testid="peer-cursor"
            style={{ transform: `translate(${peer.cursor.x}px, ${peer.cursor.y}px) scale(${1 / zoom})`, color: peer.color }}
            aria-hidden="true"
          >
            <svg width="18" height="20" viewBox="0 0 18 20">
              <path d="M1 1 L1 16 L5.5 12 L8.5 19 L11 18 L8 11 L14 11 Z" fill="currentColor" stroke="white" strokeWidth="1.5" strokeLinejoin="round" />
            </svg>
            <span className="peer-cursor-name" style={{ background: peer.color, color: labelTextOn(peer.color) }}>
              {peer.name}
            </span>
          </div>
        ) : null,
      )}
    </ViewportPortal>
  );
}

export const PeerCursors = memo(PeerCursorsView);
