/**
 * A stand-in for a module worker that answers one message: `answer` decides what it does with
 * what was posted (Node has no Worker; the real ones are exercised by the e2e tests).
 */
export function fakeWorker(answer: (worker: FakeWorker, data: unknown) => void) {
  const made: FakeWorker[] = [];
  const create = () => {
    const worker = new FakeWorker(answer);
    made.push(worker);
    return worker as unknown as Worker;
  };
  return { create, made };
}

export class FakeWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  constructor(private readonly answer: (worker: FakeWorker, data: unknown) => void) {}
  postMessage(data: unknown) {
    setTimeout(() => this.answer(this, data), 0);
  }
  terminate() {
    this.terminated = true;
  }
}
