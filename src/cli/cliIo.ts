/**
 * What the CLI needs from the outside world, as an interface so the commands run in tests
 * without a process, and a description of file failures in the plain words a terminal shows.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Resolves with the file's text; rejects (see `CliFileError`) rather than read an oversized file. */
  readFile(path: string): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
}

/** A refusal the reader decided on itself, worded for the person at the terminal. */
export class CliFileError extends Error {
  override name = 'CliFileError';
}

const ERRNO_WORDS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  ENAMETOOLONG: 'the file name is too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
};

/** One line saying why a file could not be read or written. */
export function describeFileError(error: unknown): string {
  if (error instanceof CliFileError) return error.message;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const known = ERRNO_WORDS[code];
  if (known !== undefined) return known;
  const message = error instanceof Error ? error.message : String(error);
  return message === '' ? 'unknown error' : message;
}
