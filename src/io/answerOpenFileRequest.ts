/**
 * What the open-file worker (openFile.worker.ts) answers, apart from the worker itself so tests
 * can run it: a file opened, or a text read; with `verdictOnly`, a text that reads answers with
 * `value` null, as a check before a save has no use for the diagram and receiving a big one
 * back costs the page a long task (issue 16).
 */
import type { Diagram, ParseResult } from '../model/diagram';
import { parseDiagramFile } from '../model/parseDiagramFile';
import { openDiagramFile, type FileLike } from './openDiagramFile';

export type OpenFileRequest = { file: FileLike } | { text: string; verdictOnly?: boolean };

export async function answerOpenFileRequest(request: OpenFileRequest): Promise<ParseResult<Diagram | null>> {
  if (!('text' in request)) return openDiagramFile(request.file);
  const result = parseDiagramFile(request.text);
  return request.verdictOnly && result.ok ? { ...result, value: null } : result;
}
