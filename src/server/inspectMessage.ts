/**
 * Reads one WebSocket frame from a client the way Hocuspocus 3 will, before Hocuspocus sees it,
 * and says whether it may pass. Untrusted bytes: every length is checked against the frame
 * (lib0's decoder throws past the end), the whole frame must be consumed, and a Yjs update is
 * decoded in full so that a malformed one closes that socket here instead of reaching a room.
 * Never throws.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { ROOM_ROOTS } from '../model/sync/roomLayout';
import { ROOM_KEY_PATTERN, type RoomAccess } from '../model/sync/roomAccess';

/** Hocuspocus 3's message types (its `MessageType`), as a client sends them. */
export const MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  syncReply: 4,
  stateless: 5,
  broadcastStateless: 6,
  close: 7,
} as const;

/** y-protocols' sync message kinds. */
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export const CLOSE = {
  badMessage: { code: 4400, reason: 'bad-message' },
  viewOnly: { code: 4403, reason: 'view-only' },
  roomTooLarge: { code: 4413, reason: 'room-too-large' },
  invalidDocument: { code: 4422, reason: 'invalid-document' },
  rateLimited: { code: 4429, reason: 'rate-limited' },
} as const;
export type CloseReason = (typeof CLOSE)[keyof typeof CLOSE];

export type Inspection =
  | { ok: true; room: string; type: number; /** bytes of a document update it carries */ updateBytes: number }
  | { ok: false; close: CloseReason; /** what was wrong, for the log: never content */ why: string };

const ALLOWED_ROOTS = new Set(ROOM_ROOTS);

/** Only JSON values (ContentAny) and deletions may enter a room: no nested Y types, text, binaries or subdocuments. */
function problemInUpdate(update: Uint8Array): string | null {
  const { structs, ds } = Y.decodeUpdate(update);
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (typeof struct.parent === 'string' && !ALLOWED_ROOTS.has(struct.parent)) return 'an unknown root type';
    if (!(struct.content instanceof Y.ContentAny) && !(struct.content instanceof Y.ContentDeleted)) {
      return `content of kind ${struct.content.constructor.name}`;
    }
  }
  return structs.length === 0 && ds.clients.size === 0 ? 'empty' : null;
}

function readBytes(decoder: decoding.Decoder): Uint8Array {
  // A copy: Yjs keeps views of what it decodes, and the frame's buffer may be pooled.
  return decoding.readVarUint8Array(decoder).slice();
}

function isAwarenessUpdate(bytes: Uint8Array): boolean {
  const decoder = decoding.createDecoder(bytes);
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder); // client id
    decoding.readVarUint(decoder); // clock
    JSON.parse(decoding.readVarString(decoder)); // state: y-protocols parses it; a bad one must not reach it
  }
  return !decoding.hasContent(decoder);
}

export interface InspectOptions {
  /** This socket's access to a room, once authenticated there. */
  accessTo: (room: string) => RoomAccess | undefined;
  maxAwarenessBytes: number;
}

export function inspectMessage(frame: Uint8Array, options: InspectOptions): Inspection {
  const bad = (why: string, close: CloseReason = CLOSE.badMessage): Inspection => ({ ok: false, close, why });
  try {
    const decoder = decoding.createDecoder(frame);
    const room = decoding.readVarString(decoder);
    if (!ROOM_KEY_PATTERN.test(room)) return bad('a malformed room name');
    const type = decoding.readVarUint(decoder);
    let updateBytes = 0;
    switch (type) {
      case MESSAGE.sync:
      case MESSAGE.syncReply: {
        const kind = decoding.readVarUint(decoder);
        const payload = readBytes(decoder);
        if (kind === SYNC_STEP_1) {
          Y.decodeStateVector(payload);
          break;
        }
        if (kind !== SYNC_STEP_2 && kind !== SYNC_UPDATE) return bad(`sync message kind ${kind}`);
        const problem = problemInUpdate(payload);
        if (problem === 'empty') break;
        const access = options.accessTo(room);
        // A view connection's step 2 (its copy's difference) is ignored by Hocuspocus; an
        // update is an edit attempt.
        if (access === 'view' && kind === SYNC_UPDATE) return bad('an update from a view-only connection', CLOSE.viewOnly);
        if (problem !== null) return bad(`an update with ${problem}`, CLOSE.invalidDocument);
        updateBytes = payload.length;
        break;
      }
      case MESSAGE.awareness: {
        const payload = readBytes(decoder);
        if (payload.length > options.maxAwarenessBytes) return bad('an awareness update over the limit', CLOSE.rateLimited);
        if (!isAwarenessUpdate(payload)) return bad('a malformed awareness update');
        break;
      }
      case MESSAGE.auth: {
        if (decoding.readVarUint(decoder) !== 0) return bad('an unknown authentication kind');
        decoding.readVarString(decoder);
        break;
      }
      case MESSAGE.stateless:
      case MESSAGE.broadcastStateless:
        decoding.readVarString(decoder);
        break;
      case MESSAGE.queryAwareness:
      case MESSAGE.close:
        break;
      default:
        return bad(`message type ${type}`);
    }
    if (decoding.hasContent(decoder)) return bad('trailing bytes');
    return { ok: true, room, type, updateBytes };
  } catch {
    return bad('a frame that does not decode');
  }
}
