/**
 * File sizes, measured one way and said one way. The limit is counted in UTF-8 bytes of the
 * text, on the way in (a file, a paste, an image's diagram, an unpacked link's diagram as a file)
 * and on the way out (saves, downloads, the CLI), so whatever Archflow writes it opens again.
 * Sizes are said in decimal units, as file managers (Finder, GNOME Files) show them: 1 MB is
 * 1,000,000 bytes, and the 20 MB limit is 20,000,000 bytes.
 */

/** Bytes `text` takes as UTF-8 (a lone surrogate counts as the 3 bytes of U+FFFD it becomes). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

const UNITS = [
  { size: 1e9, name: 'GB' },
  { size: 1e6, name: 'MB' },
  { size: 1e3, name: 'kB' },
] as const;

/** "20.7 MB", "812 kB", "950 bytes": one decimal at most, rounded to the nearest. */
export function formatFileSize(bytes: number): string {
  for (const unit of UNITS) {
    if (bytes >= unit.size) {
      return `${(bytes / unit.size).toLocaleString('en-US', { maximumFractionDigits: 1 })} ${unit.name}`;
    }
  }
  return `${bytes.toLocaleString('en-US')} byte${bytes === 1 ? '' : 's'}`;
}

/**
 * The end of a refusal for `bytes` over `limit`: "is 20.7 MB; the largest Archflow opens is
 * 20 MB", or, when both would read the same, "is larger than 20 MB, the largest Archflow opens".
 */
export function overLimit(bytes: number, limit: number): string {
  const size = formatFileSize(bytes);
  const most = formatFileSize(limit);
  return size === most ? `is larger than ${most}, the largest Archflow opens` : `is ${size}; the largest Archflow opens is ${most}`;
}
