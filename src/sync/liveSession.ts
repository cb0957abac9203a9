/**
 * The browser side of a live room: a Yjs document bound to the store (docBinding.ts), kept in
 * this browser by y-indexeddb (edits made offline survive a reload and merge on reconnect), and
 * synced through the Hocuspocus server at `/sync` (docs/sync-protocol.md). Presence (pointer,
 * selection, viewport, name and colour) travels as Yjs awareness. Created in src/app and handed
 * to the store as its LiveService.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import type { StoreApi } from 'zustand/vanilla';
import type { Point } from '../model/diagram';
import { createEditKey, roomOfEditKey } from '../model/sync/roomAccess';
import { sentence } from '../store/sentence';
import type { EditorState, Peer } from '../store/editorState';
import type { LiveOutcome, LiveRole, LiveService, LiveStatus, Viewport } from '../store/liveTypes';
import { bindDoc, type DocBinding } from './docBinding';
import { parseLiveLink, serializeLiveLink, type LiveLink } from './liveLink';
import { PEER_COLORS } from '../model/sync/peerColors';
import { mirrorDrillMarks } from './mirrorDrillMarks';
import { parsePeer } from './parsePeer';
import { forgetRoom, rememberedRoom, rememberRoom } from './roomMemory';
import { createRemoteReadState, readRemoteChanges, readWholeDocument } from './readRemoteChanges';
import { writeWholeDocument } from './writeLocalDiff';

export interface LiveSessionOptions {
  /** The sync server's WebSocket address. */
  url: string;
  location(): { href: string; hash: string };
  clearHash(): void;
  /** Remembers which room a diagram of this tab is in, so that a reload joins it again. */
  memory: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** Who this person is to the others. */
  user: { name: string; color: string };
  /** Where this device keeps its practice role and private notes per room (localStorage). */
  roleMemory?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

/** After this long without the server the status says the changes are kept on this device. */
const OFFLINE_AFTER_MS = 6000;
/** Pointer and viewport are sent at most this often. */
const PRESENCE_MS = 50;

interface Room {
  link: LiveLink;
  ydoc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  persistence: IndexeddbPersistence;
  binding: DocBinding | null;
  stop: (() => void)[];
}

export function createLiveSession(options: LiveSessionOptions): LiveService & { resume(store: StoreApi<EditorState>): Promise<void> } {
  let room: Room | null = null;
  /** "No server" is said once per page, quietly. */
  let saidUnreachable = false;

  function linksOf(link: LiveLink) {
    const { href } = options.location();
    const edit = link.access === 'edit';
    return {
      id: link.room,
      editLink: edit ? serializeLiveLink(href, 'edit', link.key) : null,
      viewLink: serializeLiveLink(href, 'view', link.viewKey),
      roleLinks: edit ? { interviewer: serializeLiveLink(href, 'edit', link.key, 'interviewer'), candidate: serializeLiveLink(href, 'edit', link.key, 'candidate') } : null,
    };
  }

  const roleKey = (roomName: string) => `archflow-live-role:${roomName}`;
  /** This device's role and private notes in a room, as kept by keepRole. */
  function keptRole(roomName: string): { role: LiveRole | null; notes: string } {
    try {
      const kept = JSON.parse(options.roleMemory?.getItem(roleKey(roomName)) ?? 'null') as unknown;
      if (kept && typeof kept === 'object') {
        const { role, notes } = kept as { role?: unknown; notes?: unknown };
        return { role: role === 'interviewer' || role === 'candidate' ? role : null, notes: typeof notes === 'string' ? notes.slice(0, 100_000) : '' };
      }
    } catch {
      // Unreadable storage or a damaged entry: no role kept.
    }
    return { role: null, notes: '' };
  }

  function connect(store: StoreApi<EditorState>, link: LiveLink, ydoc: Y.Doc): Room {
    const s = () => store.getState();
    const persistence = new IndexeddbPersistence(`archflow-live-${link.room}`, ydoc);
    const socket = new HocuspocusProviderWebsocket({ url: options.url, delay: 300, minDelay: 300, maxDelay: 2000, factor: 1.5 } as ConstructorParameters<typeof HocuspocusProviderWebsocket>[0]);
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: link.room, token: link.key, document: ydoc });
    provider.attach();
    const current: Room = { link, ydoc, provider, socket, persistence, binding: null, stop: [] };
    let everConnected = false;
    let offlineTimer: ReturnType<typeof setTimeout> | null = null;
    const setStatus = (status: LiveStatus) => {
      if (s().live.status !== status) s().setLive({ status });
    };
    const goOfflineLater = () => {
      if (offlineTimer) return;
      offlineTimer = setTimeout(() => {
        offlineTimer = null;
        setStatus('offline');
        if (!everConnected && !saidUnreachable) {
          saidUnreachable = true;
          s().notify('info', 'The live server cannot be reached. Archflow works as usual; changes are kept on this device and sent when it can be reached.');
        }
      }, OFFLINE_AFTER_MS);
    };
    provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected') {
        everConnected = true;
        if (offlineTimer) clearTimeout(offlineTimer);
        offlineTimer = null;
        setStatus('connected');
      } else {
        if (s().live.status !== 'offline') setStatus(everConnected ? 'reconnecting' : 'connecting');
        goOfflineLater();
      }
    });
    provider.on('authenticationFailed', () => {
      s().notify('error', 'This live link does not open its room (the link may be incomplete). The diagram stays here as it is.');
      leave(store);
    });
    goOfflineLater();
    const onOffline = () => setStatus('offline');
    const onOnline = () => setStatus(everConnected ? 'reconnecting' : 'connecting');
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    current.stop.push(() => {
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      if (offlineTimer) clearTimeout(offlineTimer);
    });
    watchPresence(store, current, link.access === 'view');
    const kept = keptRole(link.room);
    const role = link.access === 'view' ? null : (link.role ?? kept.role);
    s().setLive({ room: linksOf(link), status: 'connecting', readOnly: link.access === 'view', following: null, role, privateNotes: role === 'interviewer' ? kept.notes : '' });
    return current;
  }

  function watchPresence(store: StoreApi<EditorState>, current: Room, viewOnly: boolean) {
    const awareness = current.provider.awareness;
    if (!awareness) return;
    awareness.setLocalStateField('user', { ...options.user, viewOnly });
    const publishSelection = (st: EditorState) => awareness.setLocalStateField('selection', [...st.selection.nodes, ...st.selection.edges]);
    publishSelection(store.getState());
    current.stop.push(
      store.subscribe((st, prev) => {
        if (st.selection !== prev.selection) publishSelection(st);
      }),
    );
    const onChange = () => {
      const peers = new Map<string, Peer>();
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID) continue;
        const peer = parsePeer(state);
        if (peer) peers.set(String(clientId), peer);
      }
      store.getState().setPeers(peers);
    };
    awareness.on('change', onChange);
    current.stop.push(() => {
      awareness.off('change', onChange);
      store.getState().setPeers(new Map());
    });
  }

  /** Binds the store to the room's document once it holds the document (and leaves on opening another). */
  function bind(store: StoreApi<EditorState>, current: Room, state = createRemoteReadState()) {
    const reported = new Set<string>();
    current.binding = bindDoc(store, current.ydoc, {
      state,
      report: (message) => {
        // One notice for the first record ignored: a flood of them would bury everything else.
        if (reported.size === 0) store.getState().notify('warning', `A change from another editor was ignored: ${sentence(message)}`);
        reported.add(message);
      },
    });
    current.stop.push(() => current.binding?.unbind());
    current.stop.push(
      store.getState().subscribeToDiffs((_diff, info) => {
        if (info.origin === 'load' && room === current) leave(store);
      }),
    );
    current.stop.push(mirrorDrillMarks(store));
  }

  function remember(store: StoreApi<EditorState>, link: LiveLink) {
    const id = store.getState().currentId;
    if (id !== null) rememberRoom(options.memory, id, `${link.access}.${link.key}`);
  }

  /** Waits for the first full sync with the server, or for this browser's copy of the room. */
  function whenDocumentArrives(current: Room): Promise<void> {
    return new Promise((resolve) => {
      const done = () => resolve();
      if (current.provider.isSynced) return done();
      current.provider.on('synced', done);
      void current.persistence.whenSynced.then(() => {
        if (current.ydoc.getMap('meta').size > 0) done();
      });
    });
  }

  async function join(store: StoreApi<EditorState>, link: LiveLink, local: 'new' | 'current') {
    const ydoc = new Y.Doc();
    const current = connect(store, link, ydoc);
    room = current;
    await whenDocumentArrives(current);
    if (room !== current) return;
    const state = createRemoteReadState();
    const report = (message: string) => store.getState().notify('warning', `A part of the live room was ignored: ${sentence(message)}`);
    if (local === 'new') {
      const id = await store.getState().openAsNewDiagram(readWholeDocument(ydoc, state, report), 'live room');
      if (id === null || room !== current) {
        leave(store);
        return;
      }
      // The opening view made the diagram "opened", not shared: the room is still this one.
      store.getState().setLive({ room: linksOf(link), readOnly: link.access === 'view' });
    }
    // Whatever arrived meanwhile (or the room as it is now, over this tab's copy).
    const s = store.getState();
    const catchUp = readRemoteChanges(ydoc, s.doc, state, report);
    s.applyDiff(catchUp, { origin: 'remote' });
    remember(store, link);
    // A role from the link outlives the link (the address is cleared): kept for a reload.
    const { role, privateNotes } = store.getState().live;
    if (role !== null) keepRole(role, privateNotes);
    bind(store, current, state);
  }

  function leave(store: StoreApi<EditorState>) {
    const current = room;
    if (!current) return;
    room = null;
    for (const stop of current.stop.splice(0)) stop();
    current.provider.destroy();
    current.socket.destroy();
    // The room's copy in this browser goes; the diagram stays in My diagrams.
    void current.persistence.clearData();
    const id = store.getState().currentId;
    if (id !== null) forgetRoom(options.memory, id);
    store.getState().setLive({ room: null, status: null, readOnly: false, following: null, role: null, privateNotes: '' });
  }

  function keepRole(role: LiveRole | null, notes: string) {
    if (!room || !options.roleMemory) return;
    try {
      options.roleMemory.setItem(roleKey(room.link.room), JSON.stringify({ role, notes }));
    } catch {
      // Storage refused: the role and notes last for this page.
    }
  }

  let lastPointer = 0;
  let pointerTimer: ReturnType<typeof setTimeout> | null = null;
  let lastViewport = 0;
  let viewportTimer: ReturnType<typeof setTimeout> | null = null;
  const throttled = (field: string, value: unknown, last: number, timer: ReturnType<typeof setTimeout> | null, save: (at: number, t: ReturnType<typeof setTimeout> | null) => void) => {
    const awareness = room?.provider.awareness;
    if (!awareness) return;
    const now = Date.now();
    if (timer) clearTimeout(timer);
    if (now - last >= PRESENCE_MS) {
      awareness.setLocalStateField(field, value);
      save(now, null);
    } else {
      save(last, setTimeout(() => awareness.setLocalStateField(field, value), PRESENCE_MS));
    }
  };

  return {
    async share(store): Promise<LiveOutcome> {
      if (room) return { ok: true };
      if (store.getState().live.readOnly) return { ok: false, message: 'A view-only diagram cannot be shared.' };
      const editKey = createEditKey();
      const { viewKey, room: name } = roomOfEditKey(editKey);
      // Sharing a practice session: the one who shares is the candidate until they say otherwise.
      const role: LiveRole | null = store.getState().meta.practice ? 'candidate' : null;
      const link: LiveLink = { access: 'edit', key: editKey, room: name, viewKey, role };
      const ydoc = new Y.Doc();
      writeWholeDocument(ydoc, store.getState().doc);
      room = connect(store, link, ydoc);
      remember(store, link);
      bind(store, room);
      return { ok: true };
    },

    leave,

    keepRole,

    pointer(at: Point | null) {
      throttled('cursor', at, lastPointer, pointerTimer, (t, timer) => {
        lastPointer = t;
        pointerTimer = timer;
      });
    },

    viewport(view: Viewport) {
      throttled('viewport', view, lastViewport, viewportTimer, (t, timer) => {
        lastViewport = t;
        viewportTimer = timer;
      });
    },

    /** Joins the room a link names (a new entry in My diagrams), or the one this tab's diagram was in before a reload. */
    async resume(store) {
      const fromLink = parseLiveLink(options.location().hash);
      if (fromLink) {
        options.clearHash();
        await join(store, fromLink, 'new');
        return;
      }
      const id = store.getState().currentId;
      const remembered = id === null ? null : rememberedRoom(options.memory, id);
      const link = remembered ? parseLiveLink(`#live=${remembered}`) : null;
      if (link) await join(store, link, 'current');
    },
  };
}

/** A name and colour for this person, kept in this browser. */
export function liveUser(memory: Pick<Storage, 'getItem' | 'setItem'>): { name: string; color: string } {
  try {
    const stored = memory.getItem('archflow-live-user');
    const peer = stored ? parsePeer({ user: JSON.parse(stored) as unknown }) : null;
    if (peer) return { name: peer.name, color: peer.color };
  } catch {
    // Unreadable or unavailable storage: a new name for this page.
  }
  const ADJECTIVES = ['Amber', 'Brisk', 'Calm', 'Deft', 'Eager', 'Keen', 'Lucid', 'Nimble', 'Quiet', 'Swift'];
  const ANIMALS = ['Heron', 'Otter', 'Lynx', 'Falcon', 'Badger', 'Marten', 'Wren', 'Ibex', 'Puffin', 'Stoat'];
  const pick = <T,>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
  const user = { name: `${pick(ADJECTIVES)} ${pick(ANIMALS)}`, color: pick(PEER_COLORS) };
  try {
    memory.setItem('archflow-live-user', JSON.stringify(user));
  } catch {
    // Storage refused: the name lasts for this page.
  }
  return user;
}
