/**
 * Other people's presence (Yjs awareness states) is untrusted input like their records: each
 * field is checked and bounded, and a state that is not an Archflow editor's is left out.
 */
import type { Point } from '../model/diagram';
import { LIMITS } from '../model/limits';
import { PEER_COLORS } from '../model/sync/peerColors';
import { isPlainObject, own } from '../model/plainData';
import { cleanText } from '../model/text';
import type { Peer } from '../store/editorState';
import type { Viewport } from '../store/liveTypes';


const MAX_NAME = 40;
const MAX_SELECTION = 1000;

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= LIMITS.maxCoordinate;
}

function point(value: unknown): Point | null {
  if (!isPlainObject(value)) return null;
  const x = own(value, 'x');
  const y = own(value, 'y');
  return finite(x) && finite(y) ? { x, y } : null;
}

function viewport(value: unknown): Viewport | null {
  const at = point(value);
  const zoom = isPlainObject(value) ? own(value, 'zoom') : undefined;
  return at && typeof zoom === 'number' && zoom > 0 && zoom <= 100 ? { ...at, zoom } : null;
}

export function parsePeer(state: unknown): Peer | null {
  if (!isPlainObject(state)) return null;
  const user = own(state, 'user');
  if (!isPlainObject(user)) return null;
  const rawName = own(user, 'name');
  const name = typeof rawName === 'string' ? cleanText(rawName, MAX_NAME).trim() : '';
  const rawColor = own(user, 'color');
  const color = typeof rawColor === 'string' && (PEER_COLORS as readonly string[]).includes(rawColor) ? rawColor : PEER_COLORS[0];
  const rawSelection = own(state, 'selection');
  const selection = Array.isArray(rawSelection)
    ? rawSelection.slice(0, MAX_SELECTION).filter((id): id is string => typeof id === 'string' && id.length <= LIMITS.maxIdLength)
    : [];
  return {
    name: name || 'Someone',
    color,
    cursor: point(own(state, 'cursor')),
    selection,
    viewport: viewport(own(state, 'viewport')),
    viewOnly: own(user, 'viewOnly') === true,
  };
}
