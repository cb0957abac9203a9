import { describe, expect, it, vi } from 'vitest';
import { createTabSync } from '../../src/io/tabSync';
import type { BroadcastChannelLike, SaveAnnouncement } from '../../src/io/tabSync';

/** Channels of one fake origin: a message reaches every other open channel of the same name. */
function fakeOrigin() {
  const open = new Set<FakeChannel>();
  class FakeChannel implements BroadcastChannelLike {
    private listeners: ((event: MessageEvent) => void)[] = [];
    constructor(readonly name: string) {
      open.add(this);
    }
    postMessage(message: unknown): void {
      if (!open.has(this)) throw new DOMException('closed', 'InvalidStateError');
      // Structured clone, as the real channel does: the receiver never shares the sender's object.
      const data = structuredClone(message);
      for (const other of open) {
        if (other !== this && other.name === this.name) {
          for (const listener of other.listeners) listener(new MessageEvent('message', { data }));
        }
      }
    }
    addEventListener(_type: 'message', listener: (event: MessageEvent) => void): void {
      this.listeners.push(listener);
    }
    close(): void {
      open.delete(this);
    }
  }
  return { FakeChannel, open };
}

describe('tab sync', () => {
  it('tells the other tab about a save', () => {
    const { FakeChannel } = fakeOrigin();
    const tabA = createTabSync('saves', { BroadcastChannelImpl: FakeChannel });
    const tabB = createTabSync('saves', { BroadcastChannelImpl: FakeChannel });
    const heardByB: SaveAnnouncement[] = [];
    const heardByA: SaveAnnouncement[] = [];
    tabB.onRemoteSave((msg) => heardByB.push(msg));
    tabA.onRemoteSave((msg) => heardByA.push(msg));

    tabA.announceSave('d1', 4, 'tab-a');
    expect(heardByB).toEqual([{ id: 'd1', revision: 4, tabId: 'tab-a' }]);
    expect(heardByA).toEqual([]);
  });

  it('ignores messages it does not understand', () => {
    const { FakeChannel } = fakeOrigin();
    const tab = createTabSync('saves', { BroadcastChannelImpl: FakeChannel });
    const heard = vi.fn();
    tab.onRemoteSave(heard);
    const stranger = new FakeChannel('saves');
    for (const junk of [null, 'saved', { type: 'saved', id: 7, revision: 1, tabId: 'x' }, { type: 'saved', id: 'd', revision: -1, tabId: 'x' }, { id: 'd', revision: 1, tabId: 'x' }]) {
      stranger.postMessage(junk);
    }
    expect(heard).not.toHaveBeenCalled();
  });

  it('stops delivering after unsubscribe and after dispose', () => {
    const { FakeChannel, open } = fakeOrigin();
    const tabA = createTabSync('saves', { BroadcastChannelImpl: FakeChannel });
    const tabB = createTabSync('saves', { BroadcastChannelImpl: FakeChannel });
    const heard = vi.fn();
    const stop = tabB.onRemoteSave(heard);
    stop();
    tabA.announceSave('d1', 1, 'a');
    expect(heard).not.toHaveBeenCalled();

    tabB.onRemoteSave(heard);
    tabB.dispose();
    expect(open.size).toBe(1);
    tabA.announceSave('d1', 2, 'a');
    tabA.dispose();
    expect(() => tabA.announceSave('d1', 3, 'a')).not.toThrow();
    expect(heard).not.toHaveBeenCalled();
  });

  it('is a harmless no-op without BroadcastChannel', () => {
    const tab = createTabSync('saves', { BroadcastChannelImpl: null });
    const stop = tab.onRemoteSave(() => undefined);
    expect(() => {
      tab.announceSave('d1', 1, 'a');
      stop();
      tab.dispose();
    }).not.toThrow();
    const Broken = class {
      constructor() {
        throw new DOMException('denied', 'SecurityError');
      }
    } as unknown as new (name: string) => BroadcastChannelLike;
    expect(() => createTabSync('saves', { BroadcastChannelImpl: Broken }).announceSave('d1', 1, 'a')).not.toThrow();
  });

  it('works over the platform BroadcastChannel', async () => {
    const tabA = createTabSync('archflow-test-saves');
    const tabB = createTabSync('archflow-test-saves');
    const heard = new Promise<SaveAnnouncement>((resolve) => tabB.onRemoteSave(resolve));
    tabA.announceSave('d1', 9, 'tab-a');
    expect(await heard).toEqual({ id: 'd1', revision: 9, tabId: 'tab-a' });
    tabA.dispose();
    tabB.dispose();
  });
});
