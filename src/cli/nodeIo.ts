/**
 * The real file system behind `CliIo`. The size limit is checked on the open file before any
 * byte is read, and the read itself stops one byte past the limit, so neither a 2 GB file nor an
 * endless device (a FIFO, /dev/zero) is ever pulled into memory.
 */
import { open, writeFile } from 'node:fs/promises';
import { formatFileSize, overLimit } from '../model/fileSize';
import { LIMITS } from '../model/limits';
import { CliFileError } from './cliIo';
import type { CliIo } from './cliIo';

const CHUNK = 64 * 1024;

function tooLarge(maxBytes: number, bytes?: number): CliFileError {
  return new CliFileError(
    bytes === undefined
      ? `the file is larger than ${formatFileSize(maxBytes)}, the largest Archflow opens`
      : `the file ${overLimit(bytes, maxBytes)}`,
  );
}

export async function readLimitedFile(path: string, maxBytes: number = LIMITS.maxFileBytes): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (stat.size > maxBytes) throw tooLarge(maxBytes, stat.size);
    const chunks: Buffer[] = [];
    let total = 0;
    // Sized from stat so a regular file usually takes one read; devices report 0 and stream.
    const chunkSize = Math.max(CHUNK, Math.min(stat.size + 1, maxBytes + 1));
    for (;;) {
      const chunk = Buffer.alloc(chunkSize);
      const { bytesRead } = await handle.read(chunk, 0, chunkSize, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(maxBytes);
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks, total));
    } catch {
      throw new CliFileError('the file is not UTF-8 text');
    }
  } finally {
    await handle.close();
  }
}

export function nodeIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: (path) => readLimitedFile(path),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
  };
}
