/** Share-link payloads Archflow never writes, for refusal tests: any JSON, packed as link format 1. */
import CRC32 from 'crc-32';
import { deflateSync } from 'fflate';

/** `#d=…` holding `json` with a right checksum and the length it claims (default: the true one). */
export function craftedLinkHash(json: string, claimedLength?: number): string {
  const bytes = new TextEncoder().encode(json);
  const packed = deflateSync(bytes, { level: 9 });
  const out = Buffer.alloc(9 + packed.length);
  out.writeUInt8(1, 0);
  out.writeUInt32BE(claimedLength ?? bytes.length, 1);
  out.writeUInt32BE(CRC32.buf(bytes) >>> 0, 5);
  Buffer.from(packed).copy(out, 9);
  return `#d=${out.toString('base64url')}`;
}
