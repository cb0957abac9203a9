/**
 * Tells the other tabs of this origin when a diagram was saved, so a tab showing the same
 * diagram can follow (when it has no unsaved changes) or warn. Without BroadcastChannel this is
 * a silent no-op: the revision check in save() still keeps tabs from overwriting each other.
 */
import { nanoid } from 'nanoid';

export interface SaveAnnouncement {
  id: string;
  revision: number;
  tabId: string;
}

export interface TabSync {
  announceSave(id: string, revision: number, tabId: string): void;
  /** Returns a function that stops listening. */
  onRemoteSave(listener: (msg: SaveAnnouncement) => void): () => void;
  dispose(): void;
}

/** The parts of BroadcastChannel used here. */
export interface BroadcastChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

export type BroadcastChannelConstructor = new (name: string) => BroadcastChannelLike;

export interface TabSyncOptions {
  /** Defaults to the global BroadcastChannel; `null` means there is none. */
  BroadcastChannelImpl?: BroadcastChannelConstructor | null;
}

export const DEFAULT_TAB_SYNC_CHANNEL = 'archflow-saves';

/** A fresh id for this tab, to recognise its own announcements. */
export function createTabId(): string {
  return nanoid();
}

/** Messages come from other tabs, possibly running another version of the app: check them. */
function readAnnouncement(data: unknown): SaveAnnouncement | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { type, id, revision, tabId } = data as Record<string, unknown>;
  if (type !== 'saved' || typeof id !== 'string' || typeof tabId !== 'string') return undefined;
  if (typeof revision !== 'number' || !Number.isSafeInteger(revision) || revision < 0) return undefined;
  return { id, revision, tabId };
}

const noop: TabSync = {
  announceSave: () => undefined,
  onRemoteSave: () => () => undefined,
  dispose: () => undefined,
};

export function createTabSync(channelName = DEFAULT_TAB_SYNC_CHANNEL, opts: TabSyncOptions = {}): TabSync {
  const Impl =
    opts.BroadcastChannelImpl === undefined
      ? (globalThis as { BroadcastChannel?: BroadcastChannelConstructor }).BroadcastChannel
      : opts.BroadcastChannelImpl;
  if (!Impl) return noop;
  let channel: BroadcastChannelLike;
  try {
    channel = new Impl(channelName);
  } catch {
    return noop;
  }
  const listeners = new Set<(msg: SaveAnnouncement) => void>();
  let open = true;
  channel.addEventListener('message', (event) => {
    const msg = readAnnouncement(event.data);
    if (!msg) return;
    for (const listener of [...listeners]) listener(msg);
  });
  return {
    announceSave(id, revision, tabId) {
      if (!open) return;
      try {
        channel.postMessage({ type: 'saved', id, revision, tabId });
      } catch {
        // A closed or broken channel only costs the other tabs a notice; the save is done.
      }
    },
    onRemoteSave(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      open = false;
      listeners.clear();
      channel.close();
    },
  };
}
