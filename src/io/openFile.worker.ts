/**
 * Reads a picked or dropped file off the page's main thread (started by openFileInWorker.ts):
 * JSON.parse, the record schemas and the reference checks of a 20,000-node file are one task of
 * a second or more, which froze the tab while a big diagram opened (issue 17).
 */
import { openDiagramFile, type FileLike } from './openDiagramFile';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<{ file: FileLike }>) => {
  void openDiagramFile(event.data.file).then((result) => scope.postMessage(result));
};
