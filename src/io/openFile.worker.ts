/**
 * Reads a picked or dropped file, or stored text, off the page's main thread (started by
 * openFileInWorker.ts): JSON.parse, the record schemas and the reference checks of a 20,000-node
 * diagram are one task of a second or more, which froze the tab while a big diagram opened,
 * reopened or was saved (issue 17).
 */
import { parseDiagramFile } from '../model/parseDiagramFile';
import { openDiagramFile, type FileLike } from './openDiagramFile';

/** A file to open, or text to read; `verdictOnly` answers a successful read with `value` null. */
export type OpenFileRequest = { file: FileLike } | { text: string; verdictOnly?: boolean };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<OpenFileRequest>) => {
  const request = event.data;
  if ('text' in request) {
    const result = parseDiagramFile(request.text);
    scope.postMessage(request.verdictOnly && result.ok ? { ...result, value: null } : result);
  } else void openDiagramFile(request.file).then((result) => scope.postMessage(result));
};
