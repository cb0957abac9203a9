/**
 * Inflating untrusted compressed data without trusting its size: a share link or a PNG chunk of
 * a few kilobytes can inflate to gigabytes (a decompression bomb). The input is fed to fflate's
 * streaming inflater in small slices and the output counted after each one, so the work and the
 * memory stop a little past the limit instead of at the end of the stream.
 */
import { Inflate, Unzlib } from 'fflate';

export type InflateOutcome =
  | { ok: true; bytes: Uint8Array }
  /** `too-large`: more than the limit came out; `truncated`: the stream ends early; `corrupt`: not a valid stream. */
  | { ok: false; reason: 'too-large' | 'truncated' | 'corrupt' };

/**
 * Deflate expands at most about 1,032 times, so one slice of this size yields at most about
 * 1 MB before the count is checked again.
 */
const SLICE_BYTES = 1024;

/** fflate's error code for "unexpected EOF": the stream stopped before its last block. */
const FFLATE_UNEXPECTED_EOF = 0;

export function inflateLimited(
  data: Uint8Array,
  maxBytes: number,
  format: 'deflate' | 'zlib',
): InflateOutcome {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  const onData = (chunk: Uint8Array, final: boolean) => {
    total += chunk.length;
    // Past the limit the output is dropped: only the count matters from here on.
    if (total <= maxBytes) chunks.push(chunk);
    if (final) finished = true;
  };
  const stream = format === 'zlib' ? new Unzlib(onData) : new Inflate(onData);
  try {
    if (data.length === 0) return { ok: false, reason: 'truncated' };
    for (let at = 0; at < data.length; at += SLICE_BYTES) {
      const end = Math.min(at + SLICE_BYTES, data.length);
      stream.push(data.subarray(at, end), end === data.length);
      if (total > maxBytes) return { ok: false, reason: 'too-large' };
    }
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    return { ok: false, reason: code === FFLATE_UNEXPECTED_EOF ? 'truncated' : 'corrupt' };
  }
  if (!finished) return { ok: false, reason: 'truncated' };
  return { ok: true, bytes: concat(chunks, total) };
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
