/**
 * In a live room, the top bar says how the connection is, who is here (each person's colour and
 * name, with Follow to take their view), and whether this link is view only.
 */
import { Eye } from 'lucide-react';
import { memo } from 'react';
import { useEditor, useEditorStore } from '../bindings/editorContext';
import { labelTextOn } from '../model/sync/peerColors';
import type { LiveStatus } from '../store/liveTypes';

const STATUS_TEXT: Record<LiveStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline — changes kept on this device',
};

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

function LivePresenceView() {
  const store = useEditorStore();
  const status = useEditor((s) => s.live.status);
  const inRoom = useEditor((s) => s.live.room !== null);
  const readOnly = useEditor((s) => s.live.readOnly);
  const peers = useEditor((s) => s.presence.peers);
  const following = useEditor((s) => s.live.following);
  if (!inRoom) return null;
  return (
    <div className="live-presence">
      <span className={`live-status is-${status ?? 'connecting'}`} role="status" data-testid="live-status">
        <span className="live-dot" aria-hidden="true" />
        {STATUS_TEXT[status ?? 'connecting']}
      </span>
      {readOnly && (
        <span className="live-badge" title="You joined with a view-only link">
          <Eye size={14} aria-hidden="true" /> View only
        </span>
      )}
      <ul className="live-peers" aria-label="Who is here">
        {[...peers].map(([id, peer]) => (
          <li key={id} className="live-peer">
            <button
              type="button"
              className={`live-avatar${following === id ? ' is-following' : ''}`}
              style={{ background: peer.color, color: labelTextOn(peer.color) }}
              aria-pressed={following === id}
              title={`${peer.name}${peer.viewOnly ? ' (view only)' : ''} — ${following === id ? 'click to stop following' : 'click to follow their view'}`}
              onClick={() => store.getState().follow(following === id ? null : id)}
            >
              {/* The name comes from the hidden text, not aria-label: a label that leaves out the
                  visible initials fails "label in name" (axe, WCAG 2.5.3). */}
              <span aria-hidden="true">{initials(peer.name)}</span>
              <span className="visually-hidden">{`${following === id ? 'Stop following' : 'Follow'} ${peer.name}${peer.viewOnly ? ' (view only)' : ''}`}</span>
            </button>
          </li>
        ))}
      </ul>
      {following !== null && peers.has(following) && <span className="live-following">Following {peers.get(following)!.name}</span>}
    </div>
  );
}

export const LivePresence = memo(LivePresenceView);
