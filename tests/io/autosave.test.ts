import { describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_IDLE_WAIT_MS, createAutosaver, flushOnHide } from '../../src/io/autosave';
import type { AutosaveStatus, AutosaveTimers, AutosaverOptions, HideTargets } from '../../src/io/autosave';
import type { SaveOutcome } from '../../src/io/diagramLibraryTypes';
import type { Diagram } from '../../src/model/diagram';
import { emptyDiagram } from '../../src/model/diagram';

/** Lets promise callbacks (the save's continuation) run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A clock that only moves when told, running due timers in order. */
class FakeClock implements AutosaveTimers {
  time = 0;
  private tasks: { at: number; id: number; run: () => void }[] = [];
  private nextId = 1;
  now = (): number => this.time;
  setTimeout = (run: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.tasks.push({ at: this.time + ms, id, run });
    return id;
  };
  clearTimeout = (id: unknown): void => {
    this.tasks = this.tasks.filter((t) => t.id !== id);
  };
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await settle();
      const due = this.tasks.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.tasks = this.tasks.filter((t) => t !== due);
      this.time = due.at;
      due.run();
    }
    this.time = end;
    await settle();
  }
}

const OK = (updatedAt = 1): SaveOutcome => ({ ok: true, revision: 1, updatedAt });
const QUOTA: SaveOutcome = { ok: false, reason: 'quota', message: 'Storage is full.' };

function setup(outcomes: (SaveOutcome | Promise<SaveOutcome> | Error)[] = [], opts: Partial<AutosaverOptions> = {}) {
  const clock = new FakeClock();
  const statuses: AutosaveStatus[] = [];
  const writes: { title: string; at: number }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const save = vi.fn(async (diagram: Diagram): Promise<SaveOutcome> => {
    writes.push({ title: diagram.title, at: clock.time });
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const next = outcomes.shift() ?? OK(clock.time);
      if (next instanceof Error) throw next;
      return await next;
    } finally {
      inFlight -= 1;
    }
  });
  const autosaver = createAutosaver({ save, onStatus: (s) => statuses.push(s), timers: clock, ...opts });
  let edits = 0;
  const reads = { count: 0 };
  /** One user change: the diagram's title records which edit it is. */
  const edit = () => {
    edits += 1;
    const title = `edit ${edits}`;
    autosaver.markDirty(() => {
      reads.count += 1;
      return emptyDiagram(title);
    });
  };
  return {
    clock,
    statuses,
    writes,
    save,
    autosaver,
    edit,
    reads,
    maxInFlight: () => maxInFlight,
    states: () => statuses.map((s) => s.state),
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('autosave', () => {
  it('writes a burst of changes once, after it settles, reading the diagram only then', async () => {
    const t = setup();
    for (let i = 0; i < 30; i += 1) {
      t.edit();
      await t.clock.advance(16);
    }
    expect(t.save).not.toHaveBeenCalled();
    expect(t.reads.count).toBe(0);

    await t.clock.advance(1_000);
    expect(t.writes.map((w) => w.title)).toEqual(['edit 30']);
    expect(t.reads.count).toBe(1);
    expect(t.states()).toEqual(['dirty', 'saving', 'saved']);
    expect(t.autosaver.isDirty()).toBe(false);
  });

  it('never holds a change longer than a second, even while changes keep coming', async () => {
    const t = setup();
    const changes: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      changes.push(t.clock.time);
      t.edit();
      await t.clock.advance(100);
    }
    await t.clock.advance(1_000);
    expect(t.writes.length).toBeGreaterThan(2);
    for (const at of changes) {
      const written = t.writes.find((w) => w.at >= at);
      expect(written && written.at - at).toBeLessThanOrEqual(1_000);
    }
    expect(t.writes.at(-1)?.title).toBe('edit 30');
  });

  it('never runs two writes at once, and writes changes made during a write after it', async () => {
    const slow = deferred<SaveOutcome>();
    const t = setup([slow.promise]);
    t.edit();
    await t.clock.advance(400);
    expect(t.save).toHaveBeenCalledTimes(1);

    t.edit();
    t.edit();
    await t.clock.advance(5_000);
    expect(t.save).toHaveBeenCalledTimes(1);
    expect(t.autosaver.isDirty()).toBe(true);

    slow.resolve(OK());
    await t.clock.advance(1_000);
    expect(t.writes.map((w) => w.title)).toEqual(['edit 1', 'edit 3']);
    expect(t.maxInFlight()).toBe(1);
    expect(t.statuses.at(-1)).toMatchObject({ state: 'saved' });
  });

  it('reports a failed write, keeps the changes unsaved and retries on the next change', async () => {
    const t = setup([QUOTA]);
    t.edit();
    await t.clock.advance(400);
    expect(t.statuses.at(-1)).toEqual({ state: 'error', reason: 'quota', message: 'Storage is full.' });
    expect(t.autosaver.isDirty()).toBe(true);

    t.edit();
    // The error stays shown until a write succeeds.
    expect(t.statuses.at(-1)).toMatchObject({ state: 'error' });
    await t.clock.advance(400);
    expect(t.writes.map((w) => w.title)).toEqual(['edit 1', 'edit 2']);
    expect(t.statuses.at(-1)).toMatchObject({ state: 'saved' });
    expect(t.autosaver.isDirty()).toBe(false);
  });

  it('retries a failed write with backoff when nothing changes', async () => {
    const t = setup([QUOTA, QUOTA], { retryDelaysMs: [2_000, 5_000] });
    t.edit();
    await t.clock.advance(400);
    await t.clock.advance(1_999);
    expect(t.save).toHaveBeenCalledTimes(1);
    await t.clock.advance(1);
    expect(t.save).toHaveBeenCalledTimes(2);
    await t.clock.advance(4_999);
    expect(t.save).toHaveBeenCalledTimes(2);
    await t.clock.advance(1);
    expect(t.writes.map((w) => w.title)).toEqual(['edit 1', 'edit 1', 'edit 1']);
    expect(t.statuses.at(-1)).toMatchObject({ state: 'saved' });
  });

  it('does not retry a conflict on its own, only on the next change', async () => {
    const t = setup([{ ok: false, reason: 'conflict', message: 'Another tab saved.' }]);
    t.edit();
    await t.clock.advance(60_000);
    expect(t.save).toHaveBeenCalledTimes(1);
    expect(t.statuses.at(-1)).toMatchObject({ state: 'error', reason: 'conflict' });
    t.edit();
    await t.clock.advance(400);
    expect(t.save).toHaveBeenCalledTimes(2);
  });

  it('survives a save that throws and tries again with the newest diagram', async () => {
    const t = setup([new Error('disk on fire')]);
    t.edit();
    await t.clock.advance(400);
    expect(t.statuses.at(-1)).toMatchObject({ state: 'error', reason: 'error' });
    t.edit();
    await t.clock.advance(400);
    expect(t.writes.map((w) => w.title)).toEqual(['edit 1', 'edit 2']);
    expect(t.statuses.at(-1)).toMatchObject({ state: 'saved' });
  });

  it('flush writes at once, after any write in flight', async () => {
    const t = setup();
    t.edit();
    await t.autosaver.flush();
    expect(t.writes).toEqual([{ title: 'edit 1', at: 0 }]);
    expect(t.states()).toEqual(['dirty', 'saving', 'saved']);

    const slow = deferred<SaveOutcome>();
    const u = setup([slow.promise]);
    u.edit();
    await u.clock.advance(400);
    u.edit();
    const flushed = u.autosaver.flush();
    await settle();
    expect(u.save).toHaveBeenCalledTimes(1);
    slow.resolve(OK());
    await flushed;
    expect(u.writes.map((w) => w.title)).toEqual(['edit 1', 'edit 2']);
    expect(u.maxInFlight()).toBe(1);
  });

  it('writes nothing after dispose', async () => {
    const t = setup();
    t.edit();
    t.autosaver.dispose();
    t.edit();
    await t.clock.advance(5_000);
    await t.autosaver.flush();
    expect(t.save).not.toHaveBeenCalled();
  });
});

describe('autosave in idle time', () => {
  /** The fake clock, plus idle callbacks the test runs when it says the page is idle. */
  function idleSetup() {
    const idle: { run: () => void; maxWaitMs: number }[] = [];
    const t = setup();
    (t.clock as FakeClock & Pick<AutosaveTimers, 'idle'>).idle = (run, maxWaitMs) => void idle.push({ run, maxWaitMs });
    return { ...t, idle, pageIdle: () => idle.splice(0).forEach((i) => i.run()) };
  }

  it('starts a due write only when the page is idle, bounded by a wait', async () => {
    const t = idleSetup();
    t.edit();
    await t.clock.advance(1_000);
    expect(t.save).not.toHaveBeenCalled();
    expect(t.idle).toHaveLength(1);
    expect(t.idle[0]!.maxWaitMs).toBe(AUTOSAVE_IDLE_WAIT_MS);
    t.pageIdle();
    await t.clock.advance(0);
    expect(t.writes.map((w) => w.title)).toEqual(['edit 1']);
    expect(t.states()).toEqual(['dirty', 'saving', 'saved']);
  });

  it('changes made while a due write waits for idle time join it instead of putting it off', async () => {
    const t = idleSetup();
    t.edit();
    await t.clock.advance(1_000);
    for (let i = 0; i < 5; i += 1) {
      t.edit();
      await t.clock.advance(100);
    }
    // Still the one wait: the changes did not restart the debounce.
    expect(t.idle).toHaveLength(1);
    t.pageIdle();
    await t.clock.advance(0);
    expect(t.writes.map((w) => w.title)).toEqual(['edit 6']);
    expect(t.autosaver.isDirty()).toBe(false);
  });

  it('flush does not wait for idle time, and the idle callback then has nothing left to write', async () => {
    const t = idleSetup();
    t.edit();
    await t.clock.advance(1_000);
    await t.autosaver.flush();
    expect(t.writes.map((w) => w.title)).toEqual(['edit 1']);
    t.pageIdle();
    await t.clock.advance(0);
    expect(t.save).toHaveBeenCalledTimes(1);
  });
});

describe('flushOnHide', () => {
  function targets() {
    const win = new EventTarget();
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
    return { win, doc, targets: { window: win, document: doc } satisfies HideTargets };
  }

  it('flushes when the page is hidden, keeps a copy at once when it is left, and stops when unsubscribed', () => {
    const { win, doc, targets: t } = targets();
    const flush = vi.fn(async () => undefined);
    const leave = vi.fn();
    const stop = flushOnHide({ flush, leave }, t);

    doc.dispatchEvent(new Event('visibilitychange'));
    expect(flush).not.toHaveBeenCalled();
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(flush).toHaveBeenCalledTimes(1);
    expect(leave).not.toHaveBeenCalled();
    win.dispatchEvent(new Event('pagehide'));
    expect(leave).toHaveBeenCalledTimes(1);

    stop();
    win.dispatchEvent(new Event('pagehide'));
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(flush).toHaveBeenCalledTimes(1);
    expect(leave).toHaveBeenCalledTimes(1);
  });
});

describe('leaving the page', () => {
  it('hands the newest unconfirmed diagram to keepNow synchronously, then writes it', async () => {
    const kept: string[] = [];
    const t = setup([], { keepNow: (d) => kept.push(d.title) });
    t.edit();
    t.edit();
    t.autosaver.leave();
    // Synchronously: nothing may stand between the page's last event and the copy.
    expect(kept).toEqual(['edit 2']);
    await t.clock.advance(0);
    expect(t.writes.map((w) => w.title)).toEqual(['edit 2']);
  });

  it('keeps the change being written too (the write may never finish), and nothing once it is stored', async () => {
    const kept: string[] = [];
    const slow = deferred<SaveOutcome>();
    const t = setup([slow.promise], { keepNow: (d) => kept.push(d.title) });
    t.edit();
    await t.clock.advance(1_000);
    expect(t.writes.map((w) => w.title)).toEqual(['edit 1']);
    t.autosaver.leave();
    expect(kept).toEqual(['edit 1']);
    slow.resolve(OK());
    await t.clock.advance(0);
    t.autosaver.leave();
    expect(kept).toEqual(['edit 1']);
  });

  it('keeps a change whose write failed', async () => {
    const kept: string[] = [];
    const t = setup([QUOTA], { keepNow: (d) => kept.push(d.title) });
    t.edit();
    await t.clock.advance(1_000);
    expect(t.states()).toContain('error');
    t.autosaver.leave();
    expect(kept).toEqual(['edit 1']);
  });
});
