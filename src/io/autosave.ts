/**
 * When to write the open diagram to local storage. Every change is stored within a second
 * without making edits pay for it:
 * - bursts are debounced (a drag writes once it settles) but never held longer than the max
 *   wait from the first unsaved change;
 * - the diagram is serialized only when a write starts (`getDiagram` is called then), so a
 *   keystroke costs a timer reset;
 * - a timed write starts when the page is next idle (within AUTOSAVE_IDLE_WAIT_MS), so it does
 *   not land in the middle of an animation or a drag and make a frame late;
 * - one write at a time: a change during a write schedules one more after it;
 * - a failed write keeps the changes marked unsaved and is retried on the next change, and with
 *   backoff for failures that may pass (full or busy storage). The diagram itself lives in the
 *   store and is never dropped here.
 */
import type { Diagram } from '../model/diagram';
import type { SaveFailure, SaveFailureReason, SaveOutcome } from './diagramLibraryTypes';

export type AutosaveStatus =
  | { state: 'saved'; at: number }
  | { state: 'saving' }
  | { state: 'dirty' }
  | { state: 'error'; reason: SaveFailureReason; message: string };

/** Injected in tests; defaults to the global timers, Date.now and requestIdleCallback. */
export interface AutosaveTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
  /** Runs `run` when the page is idle, or after `maxWaitMs` at the latest. Without it, at once. */
  idle?(run: () => void, maxWaitMs: number): void;
}

export interface AutosaverOptions {
  save: (diagram: Diagram) => Promise<SaveOutcome>;
  /**
   * Keeps unsaved work synchronously when the page is being left (see `leave`): whatever it
   * stores must be stored when it returns, since the page may end right after.
   */
  keepNow?: (diagram: Diagram) => void;
  onStatus: (status: AutosaveStatus) => void;
  /** Quiet time after the last change before writing. */
  delayMs?: number;
  /** Longest time from the first unsaved change to the start of its write. */
  maxWaitMs?: number;
  /** Waits before retrying a failed write when nothing changes; the last one repeats. */
  retryDelaysMs?: readonly number[];
  timers?: AutosaveTimers;
}

export interface Autosaver {
  /** Call on every change; `getDiagram` returns the current diagram when the write starts. */
  markDirty(getDiagram: () => Diagram): void;
  /** Writes pending changes now (after the write in flight, if any). Never rejects. */
  flush(): Promise<void>;
  /**
   * The page is being left (pagehide): hands the current diagram to `keepNow` at once if any
   * change is not confirmed stored, then starts the write as `flush` does. A reload ends the
   * page before an asynchronous write gets to its first `put`.
   */
  leave(): void;
  /** Changes not yet confirmed stored: pending, being written, or failed. */
  isDirty(): boolean;
  /** Stops all timers; pending changes are not written (flush first to keep them). */
  dispose(): void;
}

export const AUTOSAVE_DELAY_MS = 400;
export const AUTOSAVE_MAX_WAIT_MS = 1_000;
export const AUTOSAVE_RETRY_DELAYS_MS: readonly number[] = [2_000, 5_000, 15_000, 30_000];
/** The longest a due write waits for the page to be idle. */
export const AUTOSAVE_IDLE_WAIT_MS = 500;

/** Failures a later attempt can get past without a change from the user or the store. */
const TRANSIENT: ReadonlySet<SaveFailureReason> = new Set(['quota', 'blocked', 'error']);

const defaultTimers: AutosaveTimers = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
  now: () => Date.now(),
  ...(typeof globalThis.requestIdleCallback === 'function'
    ? { idle: (run: () => void, maxWaitMs: number) => void globalThis.requestIdleCallback(() => run(), { timeout: maxWaitMs }) }
    : {}),
};

function thrownFailure(error: unknown): SaveFailure {
  const detail = error instanceof Error ? ` (${error.message})` : '';
  return {
    ok: false,
    reason: 'error',
    message: `The diagram could not be saved${detail}. It is still open here; the last saved copy is unchanged.`,
  };
}

export function createAutosaver(opts: AutosaverOptions): Autosaver {
  const timers = opts.timers ?? defaultTimers;
  const maxWait = opts.maxWaitMs ?? AUTOSAVE_MAX_WAIT_MS;
  const delay = Math.min(opts.delayMs ?? AUTOSAVE_DELAY_MS, maxWait);
  const retryDelays = opts.retryDelaysMs ?? AUTOSAVE_RETRY_DELAYS_MS;

  let pending: (() => Diagram) | undefined;
  /** The getter of the newest change, kept while any change is unconfirmed (pending, in flight or failed). */
  let latest: (() => Diagram) | undefined;
  let firstDirtyAt: number | undefined;
  let inFlight: Promise<void> | undefined;
  let timer: unknown;
  let waitingForIdle = false;
  let failed: SaveFailure | undefined;
  let retries = 0;
  let disposed = false;
  let lastState: AutosaveStatus['state'] | undefined;

  function emit(status: AutosaveStatus): void {
    lastState = status.state;
    opts.onStatus(status);
  }

  function cancelTimer(): void {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
  }

  function startTimer(ms: number): void {
    cancelTimer();
    timer = timers.setTimeout(() => {
      timer = undefined;
      if (!timers.idle) {
        void write();
        return;
      }
      // The write is due: changes while it waits for idle time join it rather than delay it.
      waitingForIdle = true;
      timers.idle(() => {
        waitingForIdle = false;
        void write();
      }, AUTOSAVE_IDLE_WAIT_MS);
    }, Math.max(0, ms));
  }

  function scheduleDebounced(): void {
    const now = timers.now();
    const due = Math.min(now + delay, (firstDirtyAt ?? now) + maxWait);
    startTimer(due - now);
  }

  function write(): Promise<void> {
    if (inFlight) return inFlight;
    const getDiagram = pending;
    if (!getDiagram || disposed) return Promise.resolve();
    pending = undefined;
    firstDirtyAt = undefined;
    cancelTimer();
    emit({ state: 'saving' });
    inFlight = (async () => {
      let outcome: SaveOutcome;
      try {
        outcome = await opts.save(getDiagram());
      } catch (error) {
        outcome = thrownFailure(error);
      }
      inFlight = undefined;
      if (disposed) return;
      if (outcome.ok) {
        failed = undefined;
        retries = 0;
        if (!pending) latest = undefined;
        if (pending) {
          emit({ state: 'dirty' });
          scheduleDebounced();
        } else {
          emit({ state: 'saved', at: outcome.updatedAt });
        }
        return;
      }
      failed = outcome;
      const changedMeanwhile = pending !== undefined;
      // Keep the newest getter: it reads the store's current diagram, so nothing is lost.
      pending ??= getDiagram;
      emit({ state: 'error', reason: outcome.reason, message: outcome.message });
      if (changedMeanwhile) {
        firstDirtyAt = timers.now();
        scheduleDebounced();
      } else if (TRANSIENT.has(outcome.reason) && retryDelays.length > 0) {
        const wait = retryDelays[Math.min(retries, retryDelays.length - 1)] ?? maxWait;
        retries += 1;
        startTimer(wait);
      }
    })();
    return inFlight;
  }

  async function flush(): Promise<void> {
    if (disposed) return;
    cancelTimer();
    if (inFlight) await inFlight;
    cancelTimer();
    if (pending) await write();
  }

  return {
    markDirty(getDiagram) {
      if (disposed) return;
      pending = getDiagram;
      latest = getDiagram;
      firstDirtyAt ??= timers.now();
      // While a write runs the status stays 'saving', and an error stays shown until a write
      // succeeds: the user must not be told "unsaved" when the truth is "storage is full".
      if (!inFlight && !failed && lastState !== 'dirty') emit({ state: 'dirty' });
      if (!inFlight && !waitingForIdle) scheduleDebounced();
    },
    flush,
    leave() {
      if (disposed) return;
      if (latest && opts.keepNow) {
        try {
          opts.keepNow(latest());
        } catch {
          // Keeping a copy is a second line of defence: the write below still runs.
        }
      }
      void flush();
    },
    isDirty() {
      return pending !== undefined || inFlight !== undefined;
    },
    dispose() {
      disposed = true;
      cancelTimer();
    },
  };
}

interface ListenerTarget {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

export interface HideTargets {
  window: ListenerTarget;
  document: ListenerTarget & { readonly visibilityState: DocumentVisibilityState };
}

/**
 * Writes pending changes when the page is hidden or left: the last chance before a mobile
 * browser freezes or discards the tab, or a reload ends it. Returns a function that removes the listeners.
 */
export function flushOnHide(
  autosaver: Pick<Autosaver, 'flush' | 'leave'>,
  targets: HideTargets = { window, document },
): () => void {
  // Left (reload, close, navigation): the page may end at once, so keep a copy synchronously.
  // Only hidden: the page lives on, and the ordinary write has time to finish.
  const onPageHide = (): void => autosaver.leave();
  const onVisibilityChange = (): void => {
    if (targets.document.visibilityState === 'hidden') void autosaver.flush();
  };
  targets.window.addEventListener('pagehide', onPageHide);
  targets.document.addEventListener('visibilitychange', onVisibilityChange);
  return () => {
    targets.window.removeEventListener('pagehide', onPageHide);
    targets.document.removeEventListener('visibilitychange', onVisibilityChange);
  };
}
