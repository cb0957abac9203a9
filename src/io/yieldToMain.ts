/**
 * Ends the current task so the page can answer input and paint between slices of long work (the
 * export). `scheduler.yield` where the browser has it (the rest of the work keeps its place in
 * line), else a message to the page itself: unlike `setTimeout(0)`, neither is held back 4 ms
 * after a few nested calls, which over hundreds of slices would add seconds. Rejects with an
 * `AbortError` once `signal` is aborted.
 */
export async function yieldToMain(signal?: AbortSignal): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) await scheduler.yield();
  else
    await new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  signal?.throwIfAborted();
}
