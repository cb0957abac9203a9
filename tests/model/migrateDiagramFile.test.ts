import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from '../../src/model/diagram';
import { migrateDiagramFile } from '../../src/model/migrateDiagramFile';
import { parseDiagramFile } from '../../src/model/parseDiagramFile';

type Json = Record<string, unknown>;

const draftNodes = [
  { id: 'u', kind: 'user', label: 'User' },
  { id: 'api', kind: 'api-server', label: 'API' },
];
const draftEdges = [{ id: 'e1', source: 'u', target: 'api' }];

describe('migrateDiagramFile', () => {
  it('passes a current file through untouched', () => {
    const file = { format: 'archflow', version: CURRENT_VERSION, title: 't', flow: 'top-down', nodes: [], edges: [] };
    const result = migrateDiagramFile(file);
    expect(result).toStrictEqual({ ok: true, value: file, notices: [] });
  });

  it('upgrades the unversioned draft: the current version, flow bottom-up, format and title filled in', () => {
    const draft: Json = { nodes: draftNodes, edges: draftEdges };
    const result = migrateDiagramFile(draft);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toStrictEqual({
      format: 'archflow',
      version: CURRENT_VERSION,
      title: 'Untitled diagram',
      flow: 'bottom-up',
      nodes: draftNodes,
      edges: draftEdges,
    });
    expect(result.notices).toHaveLength(1);
    expect(result.notices[0]).toMatch(/draft/);
    // The input is not changed: a refused open must leave every object as it was.
    expect(draft).toStrictEqual({ nodes: draftNodes, edges: draftEdges });
  });

  it('upgrades a version 1 file to version 2 without a notice, keeping every field', () => {
    const v1 = { format: 'archflow', version: 1, title: 'One', flow: 'top-down', layout: { direction: 'left' }, nodes: draftNodes, edges: draftEdges };
    const result = migrateDiagramFile(v1);
    expect(CURRENT_VERSION).toBe(2);
    expect(result).toStrictEqual({ ok: true, value: { ...v1, version: 2 }, notices: [] });
    expect(v1.version).toBe(1);
  });

  it('keeps a draft’s own title and flow', () => {
    const result = migrateDiagramFile({ format: 'archflow', title: 'Mine', flow: 'top-down', nodes: [], edges: [] });
    expect(result.ok && [result.value.title, result.value.flow]).toStrictEqual(['Mine', 'top-down']);
  });

  it('opens a draft file end to end', () => {
    const result = parseDiagramFile(JSON.stringify({ title: 'Old', nodes: draftNodes, edges: draftEdges }));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toStrictEqual({ title: 'Old', flow: 'bottom-up', nodes: draftNodes, edges: draftEdges });
    expect(result.notices).toHaveLength(1);
  });

  it('still checks a draft strictly after upgrading it', () => {
    const result = parseDiagramFile(JSON.stringify({ nodes: draftNodes, edges: [{ id: 'e', source: 'u', target: 'x' }] }));
    expect(result.ok ? '' : result.error.message).toBe('edges[0].target: "x" is not a node id');
  });

  it.each([[CURRENT_VERSION + 1], [99], [1e20]])('refuses version %s as newer', (version) => {
    const result = migrateDiagramFile({ format: 'archflow', version, nodes: [], edges: [] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('newer-version');
    expect(result.error.path).toBe('version');
    expect(result.error.message).toContain('made by a newer Archflow');
  });

  it.each([[0], ['1'], [1.5], [-1], [null], [false], [Infinity], [NaN], [{}]])('refuses version %s', (version) => {
    const result = migrateDiagramFile({ format: 'archflow', version, nodes: [], edges: [] });
    expect(result.ok ? '' : result.error.code).toBe('bad-version');
    expect(result.ok ? '' : result.error.message).toMatch(/^version: /);
  });

  it.each([['drawio'], [''], [1], [null], [['archflow']]])('refuses format %j', (format) => {
    const result = migrateDiagramFile({ format, version: 1, nodes: [], edges: [] });
    expect(result.ok ? '' : result.error.code).toBe('not-archflow');
    expect(result.ok ? '' : result.error.path).toBe('format');
  });

  it('refuses JSON that is neither a file nor a draft', () => {
    for (const value of [{}, { version: 1, nodes: [] }, { name: 'x', edges: [] }]) {
      const result = migrateDiagramFile(value);
      expect(result.ok ? '' : result.error.code).toBe('not-archflow');
    }
  });

  it('does not take a draft’s fields from a __proto__ key', () => {
    const draft = JSON.parse('{"__proto__":{"title":"evil","flow":"top-down"},"nodes":[],"edges":[]}') as Json;
    const result = migrateDiagramFile(draft);
    expect(result.ok && [result.value.title, result.value.flow]).toStrictEqual(['Untitled diagram', 'bottom-up']);
    expect(({} as Json).title).toBeUndefined();
  });
});
