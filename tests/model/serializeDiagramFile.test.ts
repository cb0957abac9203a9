import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagram } from '../../src/model/diagram';
import { parseDiagramFile } from '../../src/model/parseDiagramFile';
import { serializeDiagramFile, toDiagramFile } from '../../src/model/serializeDiagramFile';
import { arbitraryDiagram } from './arbitraries';

const full: Diagram = {
  // Keys deliberately out of order: the file's order must not depend on the object's.
  nodes: [
    {
      notes: 'n',
      tech: 'Go',
      size: { height: 60, width: 160 },
      position: { y: 2, x: 1 },
      parent: 'g',
      role: 'support',
      label: 'API',
      kind: 'api-server',
      id: 'api',
    },
    { label: 'VPC', id: 'g', kind: 'group' },
  ],
  edges: [
    {
      route: [{ y: 4, x: 3 }],
      bidirectional: true,
      protocol: 'gRPC',
      label: 'calls',
      target: 'g',
      source: 'api',
      id: 'e1',
    },
  ],
  layout: { direction: 'left' },
  flow: 'top-down',
  title: 'Ordered',
};

describe('serializeDiagramFile', () => {
  it('writes version 2 with a stable key order, two-space indent and a trailing newline', () => {
    expect(serializeDiagramFile(full)).toBe(`{
  "format": "archflow",
  "version": 2,
  "title": "Ordered",
  "flow": "top-down",
  "layout": {
    "direction": "left"
  },
  "nodes": [
    {
      "id": "api",
      "kind": "api-server",
      "label": "API",
      "role": "support",
      "parent": "g",
      "position": {
        "x": 1,
        "y": 2
      },
      "size": {
        "width": 160,
        "height": 60
      },
      "tech": "Go",
      "notes": "n"
    },
    {
      "id": "g",
      "kind": "group",
      "label": "VPC"
    }
  ],
  "edges": [
    {
      "id": "e1",
      "source": "api",
      "target": "g",
      "label": "calls",
      "protocol": "gRPC",
      "bidirectional": true,
      "route": [
        {
          "x": 3,
          "y": 4
        }
      ]
    }
  ]
}
`);
  });

  it('leaves out optional fields that are undefined or empty', () => {
    const sparse = {
      title: 't',
      flow: 'bottom-up',
      layout: {},
      nodes: [{ id: 'a', kind: 'user', label: '', tech: '', notes: '', role: undefined, position: undefined }],
      edges: [{ id: 'e', source: 'a', target: 'a', label: '', protocol: '', bidirectional: false, route: [] }],
    } as Diagram;
    expect(toDiagramFile(sparse)).toStrictEqual({
      format: 'archflow',
      version: 2,
      title: 't',
      flow: 'bottom-up',
      nodes: [{ id: 'a', kind: 'user', label: '' }],
      edges: [{ id: 'e', source: 'a', target: 'a' }],
    });
  });

  it('never copies fields the format does not know', () => {
    const extra = {
      ...full,
      selected: true,
      nodes: [{ ...full.nodes[1]!, measured: { width: 1 }, data: { x: 1 } }],
      edges: [],
    } as unknown as Diagram;
    expect(Object.keys(toDiagramFile(extra))).toStrictEqual(['format', 'version', 'title', 'flow', 'layout', 'nodes', 'edges']);
    expect(toDiagramFile(extra).nodes[0]).toStrictEqual({ id: 'g', kind: 'group', label: 'VPC' });
  });

  it('reads back what it writes', () => {
    const result = parseDiagramFile(serializeDiagramFile(full));
    expect(result.ok && result.value).toStrictEqual(full);
  });

  it('round trips any valid diagram unchanged (property)', () => {
    fc.assert(
      fc.property(arbitraryDiagram({ design: true }), (diagram) => {
        const text = serializeDiagramFile(diagram);
        const result = parseDiagramFile(text);
        if (!result.ok) throw new Error(result.error.message);
        expect(result.value).toStrictEqual(diagram);
        expect(result.notices).toStrictEqual([]);
        // Saving again gives the same bytes, so files diff cleanly.
        expect(serializeDiagramFile(result.value)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('round trips large diagrams with every node placed', () => {
    fc.assert(
      fc.property(arbitraryDiagram({ minNodes: 30, maxNodes: 60, maxEdges: 80, positions: 'all' }), (diagram) => {
        const result = parseDiagramFile(serializeDiagramFile(diagram));
        expect(result.ok && result.value).toStrictEqual(diagram);
      }),
      { numRuns: 50 },
    );
  });
});
