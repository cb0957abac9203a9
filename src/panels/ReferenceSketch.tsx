/** A small read-only picture of a problem's reference design, for the interviewer's panel. */
import { memo } from 'react';
import type { Diagram } from '../model/diagram';
import { sketchOf } from '../model/practice/referenceSketch';

function ReferenceSketchView({ diagram, title }: { diagram: Pick<Diagram, 'nodes' | 'edges'>; title: string }) {
  const { boxes, lines, bounds } = sketchOf(diagram);
  const groups = boxes.filter((b) => b.role === 'group');
  const components = boxes.filter((b) => b.role !== 'group');
  return (
    <svg
      className="reference-sketch"
      viewBox={`${bounds.x} ${bounds.y} ${bounds.width} ${bounds.height}`}
      role="img"
      aria-label={`${title}: ${components.length} components, ${lines.length} connections`}
    >
      <defs>
        <marker id="sketch-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0 0 L10 5 L0 10 z" className="sketch-arrow" />
        </marker>
      </defs>
      {groups.map((g) => (
        <rect key={g.id} className="sketch-group" x={g.x} y={g.y} width={g.width} height={g.height} rx={10} />
      ))}
      {lines.map((l) => (
        <line key={l.id} className="sketch-line" x1={l.x1} y1={l.y1} x2={l.x2} y2={l.y2} markerEnd="url(#sketch-arrow)" />
      ))}
      {components.map((b) => (
        <g key={b.id} className={`sketch-node role-${b.role}`}>
          <rect x={b.x} y={b.y} width={b.width} height={b.height} rx={8} />
          <text x={b.x + b.width / 2} y={b.y + b.height / 2} dominantBaseline="central" textAnchor="middle">
            {b.label.length > 16 ? `${b.label.slice(0, 15)}…` : b.label}
          </text>
        </g>
      ))}
    </svg>
  );
}

export const ReferenceSketch = memo(ReferenceSketchView);
