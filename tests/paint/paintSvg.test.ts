import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { arbitraryDiagram } from '../model/arbitraries';
import { architectureDiagram } from '../../bench/architecture';
import { paintSvg } from '../../src/io/paintSvg';
import { extractDiagramFromSvg } from '../../src/io/svgMetadata';
import { effectiveDirection } from '../../src/model/layoutDirection';
import type { Diagram } from '../../src/model/diagram';
import { parseDiagramFile } from '../../src/model/parseDiagramFile';
import { serializeDiagramFile } from '../../src/model/serializeDiagramFile';
import { LIGHT_PALETTE } from '../../src/paint/palette';
import { buildScene } from '../../src/paint/scene';
import type { SvgMeasure } from '../../src/paint/svgContext';
import { SvgPath } from '../../src/paint/svgPath';
import type { TextMeasurer } from '../../src/paint/fonts';

/** 6 px a character, so no name wraps; colours read back as given (a canvas would normalise them). */
const SIX_PX: TextMeasurer = { width: (_font, text) => Array.from(text).length * 6, extent: () => ({ ascent: 10, descent: 3 }) };
const measure = { font: '', textBaseline: 'alphabetic', fillStyle: '#000', measureText: (text: string) => ({ width: text.length * 6, fontBoundingBoxAscent: 10, fontBoundingBoxDescent: 3 }) } as unknown as SvgMeasure;

beforeAll(() => {
  // The painter builds every path through its context's factory; Node has no Path2D for the PNG side.
  (globalThis as Record<string, unknown>).Path2D ??= SvgPath;
});

function exportSvg(diagram: Diagram, withOverlay = false): string {
  const overlay = withOverlay
    ? {
        nodes: new Map(diagram.nodes.map((n, i) => [n.id, ['ok|0.5|', 'hot|0.9|spof', 'overloaded|1.5|', 'down||', 'cutoff||'][i % 5]!])),
        edgeRate: new Map(diagram.edges.map((e) => [e.id, '1,200/s'])),
        edgeTraffic: new Map(diagram.edges.map((e, i) => [e.id, i % 6])),
        downGroups: new Set(diagram.nodes.filter((n) => n.kind === 'group').map((n) => n.id)),
      }
    : null;
  const input = { nodes: diagram.nodes, edges: diagram.edges, notes: diagram.notes ?? [], direction: effectiveDirection(diagram), measured: new Map(), overlay, pathSteps: diagram.paths?.[0]?.steps ?? null, designBadges: new Map() };
  const scene = buildScene(input, SIX_PX, LIGHT_PALETTE);
  const frame = { width: Math.ceil(scene.bounds.width + 48), height: Math.ceil(scene.bounds.height + 48), dx: 24 - scene.bounds.x, dy: 24 - scene.bounds.y, background: '#ffffff' };
  return paintSvg(scene, LIGHT_PALETTE, measure, frame, serializeDiagramFile(diagram));
}

const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const textsOf = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1]!));

describe('SVG export painted from the records', () => {
  const diagram = architectureDiagram(500);
  const svg = exportSvg(diagram);

  it('writes every component name and edge label of a 500-node diagram as <text>', () => {
    const texts = new Set(textsOf(svg));
    // A long name wraps onto lines of its own, each a <text>, read in order.
    const lines = textsOf(svg).join(' ');
    const components = diagram.nodes.filter((n) => n.kind !== 'group');
    expect(components.length).toBeGreaterThan(400);
    for (const node of components) expect(lines, node.label).toContain(node.label);
    const labelled = diagram.edges.filter((e) => e.label);
    expect(labelled.length).toBeGreaterThan(10);
    for (const edge of labelled) expect(texts, edge.label).toContain([edge.label, edge.protocol].filter(Boolean).join(' · '));
  });

  it('holds the diagram, so opening the file restores it', () => {
    const json = extractDiagramFromSvg(svg);
    expect(json.ok).toBe(true);
    if (!json.ok) return;
    const restored = parseDiagramFile(json.value);
    expect(restored.ok && restored.value).toEqual(parseDiagramFile(serializeDiagramFile(diagram)).ok && (parseDiagramFile(serializeDiagramFile(diagram)) as { value: Diagram }).value);
  });

  it('closes every clip group it opens, and escapes a label that looks like markup', () => {
    expect((svg.match(/<g /g) ?? []).length).toBe((svg.match(/<\/g>/g) ?? []).length);
    const hostile = architectureDiagram(8);
    hostile.nodes.find((n) => n.kind !== 'group')!.label = '<b>&x</b>';
    const out = exportSvg(hostile);
    expect(out).not.toContain('<b>');
    expect(textsOf(out)).toContain('<b>&x</b>');
  });
});

describe('SVG export of any valid document', () => {
  it('never throws, closes every group it opens, and restores the document', () => {
    fc.assert(
      fc.property(arbitraryDiagram({ design: true }), fc.boolean(), (diagram, overlay) => {
        const svg = exportSvg(diagram, overlay);
        expect((svg.match(/<g /g) ?? []).length).toBe((svg.match(/<\/g>/g) ?? []).length);
        // Numbers only in the drawing (labels, which may say anything, are text between tags).
        const drawing = svg.slice(0, svg.indexOf('<metadata')).replace(/>[^<]*</g, '><');
        expect(drawing).not.toMatch(/NaN|undefined|Infinity/);
        const json = extractDiagramFromSvg(svg);
        expect(json.ok && parseDiagramFile(json.value).ok).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('SvgPath', () => {
  it('writes a rounded rectangle and a circle as path data, by hand', () => {
    const box = new SvgPath();
    box.roundRect(0, 0, 100, 40, 8);
    expect(box.d).toBe('M8 0H92A8 8 0 0 1 100 8V32A8 8 0 0 1 92 40H8A8 8 0 0 1 0 32V8A8 8 0 0 1 8 0Z');
    const circle = new SvgPath();
    circle.arc(10, 10, 5, 0, 2 * Math.PI);
    expect(circle.d).toBe('M15 10 A5 5 0 0 1 5 10A5 5 0 0 1 15 10');
  });

  it('scales corner radii down together when they do not fit, as the canvas does', () => {
    const pill = new SvgPath();
    pill.roundRect(0, 0, 20, 10, 10);
    expect(pill.d).toBe('M5 0H15A5 5 0 0 1 20 5V5A5 5 0 0 1 15 10H5A5 5 0 0 1 0 5V5A5 5 0 0 1 5 0Z');
  });
});
