/**
 * Reads a picked or dropped file, or stored text, off the page's main thread (started by
 * openFileInWorker.ts): JSON.parse, the record schemas and the reference checks of a 20,000-node
 * diagram are one task of a second or more, which froze the tab while a big diagram opened,
 * reopened or was saved (issue 17).
 */
import { answerOpenFileRequest, type OpenFileRequest } from './answerOpenFileRequest';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<OpenFileRequest>) => {
  void answerOpenFileRequest(event.data).then((result) => scope.postMessage(result));
};
