import { readExample } from '../examples';
import { tinyPng } from './pngFixtures';
import { describe, expect, it, vi } from 'vitest';
import { openDiagramFile } from '../../src/io/openDiagramFile';
import { parseDiagramText } from '../../src/io/parseDiagramText';
import { embedDiagramInPng } from '../../src/io/pngMetadata';
import { serializeShareLink } from '../../src/io/shareLink';
import { embedDiagramInSvg } from '../../src/io/svgMetadata';
import type { Diagram } from '../../src/model/diagram';
import { LIMITS } from '../../src/model/limits';
import { parseDiagramFile } from '../../src/model/parseDiagramFile';
import { serializeDiagramFile } from '../../src/model/serializeDiagramFile';
import { expectEqualUpToIdRenaming } from './idRenaming';

const EXAMPLE_TEXT = readExample('url-shortener.archflow.json');

function example(): Diagram {
  const parsed = parseDiagramFile(EXAMPLE_TEXT);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}


const SVG = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect/></svg>';

describe('openDiagramFile', () => {
  it('opens diagram JSON, whatever the file is called', async () => {
    const result = await openDiagramFile(new File([EXAMPLE_TEXT], 'notes.txt'));
    expect(result.ok && result.value).toEqual(example());
  });

  it('opens an exported PNG by its content', async () => {
    const png = embedDiagramInPng(tinyPng(), serializeDiagramFile(example()));
    const result = await openDiagramFile(new File([png as Uint8Array<ArrayBuffer>], 'export.bin'));
    expect(result.ok && result.value).toEqual(example());
  });

  it('opens an exported SVG by its content', async () => {
    const svg = embedDiagramInSvg(SVG, serializeDiagramFile(example()));
    const result = await openDiagramFile(new Blob([svg]));
    expect(result.ok && result.value).toEqual(example());
  });

  it('says what is missing from a PNG or SVG without a diagram', async () => {
    const png = await openDiagramFile(new File([tinyPng() as Uint8Array<ArrayBuffer>], 'photo.png'));
    expect(!png.ok && png.error.message).toBe('This PNG has no Archflow diagram in it.');
    const svg = await openDiagramFile(new File([SVG], 'logo.svg'));
    expect(!svg.ok && svg.error.message).toBe('This SVG has no Archflow diagram in it.');
  });

  it('checks the diagram inside an image like any file', async () => {
    const broken = JSON.stringify({ format: 'archflow', version: 99, title: '', flow: 'bottom-up', nodes: [], edges: [] });
    const result = await openDiagramFile(new Blob([embedDiagramInPng(tinyPng(), broken) as Uint8Array<ArrayBuffer>]));
    expect(!result.ok && result.error.code).toBe('newer-version');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const file = new Blob(['x']);
    Object.defineProperty(file, 'size', { value: LIMITS.maxFileBytes + 1 });
    const text = vi.spyOn(file, 'text');
    const bytes = vi.spyOn(file, 'arrayBuffer');
    const slice = vi.spyOn(file, 'slice');
    const result = await openDiagramFile(file);
    expect(!result.ok && result.error.code).toBe('too-large');
    expect(!result.ok && result.error.message).toMatch(/20 MB/);
    expect([text, bytes, slice].every((spy) => spy.mock.calls.length === 0)).toBe(true);
  });

  it('refuses empty, binary and broken files with the reason', async () => {
    const empty = await openDiagramFile(new Blob([]));
    expect(!empty.ok && empty.error.code).toBe('empty');
    const truncated = await openDiagramFile(new Blob([EXAMPLE_TEXT.slice(0, 200)]));
    expect(!truncated.ok && truncated.error.code).toBe('not-json');
    const fakePng = await openDiagramFile(new File(['hello'], 'picture.PNG'));
    expect(!fakePng.ok && fakePng.error.message).toBe('This file is named .png but is not a PNG image.');
  });

  it('turns a read failure into a message', async () => {
    const file = new Blob(['{}']);
    vi.spyOn(file, 'slice').mockImplementation(() => {
      throw new DOMException('gone', 'NotReadableError');
    });
    const result = await openDiagramFile(file);
    expect(!result.ok && result.error.message).toMatch(/could not be read/);
  });
});

describe('parseDiagramText', () => {
  it('routes JSON to the file parser, broken JSON included', () => {
    const pasted = parseDiagramText(`\n  ${EXAMPLE_TEXT}`);
    expect(pasted.kind).toBe('json');
    expect(pasted.kind !== 'not-a-diagram' && pasted.result.ok && pasted.result.value).toEqual(example());
    const broken = parseDiagramText('{"format": "archflow", "nodes": [');
    expect(broken.kind === 'json' && !broken.result.ok && broken.result.error.code).toBe('not-json');
  });

  it('routes a share link, or its hash, to the link parser', () => {
    const url = serializeShareLink(example(), 'https://archflow.example/');
    for (const text of [url, ` ${url}\n`, url.slice(url.indexOf('#'))]) {
      const pasted = parseDiagramText(text);
      expect(pasted.kind).toBe('share-link');
      if (pasted.kind !== 'share-link' || !pasted.result.ok) throw new Error('the link did not open');
      expectEqualUpToIdRenaming(pasted.result.value, example());
    }
    const cut = parseDiagramText(url.slice(0, -40));
    expect(cut.kind === 'share-link' && !cut.result.ok).toBe(true);
  });

  it('lets ordinary text through', () => {
    for (const text of ['hello', '', '42', '[1, 2]', 'https://example.com/page#section', 'see https://a.b/#d=x', 'd=1']) {
      expect(parseDiagramText(text), text).toEqual({ kind: 'not-a-diagram' });
    }
  });
});
