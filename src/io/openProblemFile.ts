/** A problem or problem-pack file the user picks or drops on the Start practice dialog. Never throws. */
import type { ParseResult } from '../model/diagram';
import { overLimit } from '../model/fileSize';
import { MAX_PACK_BYTES, parseProblemsFile } from '../model/practice/problemPack';
import type { Problem } from '../model/practice/problemRecord';
import { refusal } from '../model/plainData';
import type { FileLike } from './openDiagramFile';

export async function openProblemFile(file: FileLike): Promise<ParseResult<Problem[]>> {
  try {
    if (file.size > MAX_PACK_BYTES) return refusal('too-large', '', `This file ${overLimit(file.size, MAX_PACK_BYTES)}.`);
    if (file.size === 0) return refusal('empty', '', 'This file is empty.');
    return parseProblemsFile(await file.text());
  } catch {
    return refusal('invalid', '', 'This file could not be read. Try again, or pick another file.');
  }
}
