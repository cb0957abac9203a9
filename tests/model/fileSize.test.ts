/** One measure and one wording for file sizes, and what Archflow writes it opens again. */
import { describe, expect, it } from 'vitest';
import type { Diagram } from '../../src/model/diagram';
import { formatFileSize, overLimit, utf8ByteLength } from '../../src/model/fileSize';
import { LIMITS } from '../../src/model/limits';
import { parseDiagramFile } from '../../src/model/parseDiagramFile';
import { serializeDiagramFile, toDiagramFile } from '../../src/model/serializeDiagramFile';

/** `count` services whose labels are `labelLength` characters, and no edges. */
function manyNodes(count: number, labelLength: number): Diagram {
  const label = 'x'.repeat(labelLength);
  return {
    title: 'Near the limit',
    flow: 'bottom-up',
    nodes: Array.from({ length: count }, (_, i) => ({ id: `n${i}`, kind: 'service', label })),
    edges: [],
  };
}

describe('file sizes', () => {
  it('are said in decimal units, as file managers show them', () => {
    expect(formatFileSize(LIMITS.maxFileBytes)).toBe('20 MB');
    expect(formatFileSize(20_720_000)).toBe('20.7 MB');
    expect(formatFileSize(8_192)).toBe('8.2 kB');
    expect(formatFileSize(2 * 1024 ** 3)).toBe('2.1 GB');
    expect(formatFileSize(1)).toBe('1 byte');
    expect(formatFileSize(999)).toBe('999 bytes');
  });

  it('never call a size over the limit by the limit\u2019s own number', () => {
    expect(overLimit(20_720_000, LIMITS.maxFileBytes)).toBe('is 20.7 MB; the largest Archflow opens is 20 MB');
    expect(overLimit(LIMITS.maxFileBytes + 1, LIMITS.maxFileBytes)).toBe('is larger than 20 MB, the largest Archflow opens');
  });

  it('are counted in UTF-8 bytes', () => {
    expect(utf8ByteLength('aé€🚀')).toBe(1 + 2 + 3 + 4);
    expect(utf8ByteLength('\ud800')).toBe(3);
  });
});

describe('what Archflow writes, it opens again', () => {
  it('writes compact JSON when the pretty file would pass the limit', () => {
    // About 19.6 MB written compactly, past 20 MB with indentation.
    const diagram = manyNodes(20_000, 935);
    expect(utf8ByteLength(JSON.stringify(toDiagramFile(diagram), null, 2))).toBeGreaterThan(LIMITS.maxFileBytes);
    const text = serializeDiagramFile(diagram);
    expect(utf8ByteLength(text)).toBeLessThanOrEqual(LIMITS.maxFileBytes);
    const reopened = parseDiagramFile(text);
    expect(reopened.ok && reopened.value.nodes.length).toBe(20_000);
  });

  it('keeps writing small diagrams pretty-printed', () => {
    expect(serializeDiagramFile(manyNodes(2, 3))).toContain('\n  "nodes": [\n');
  });
});
