/**
 * A connection: follows the route from the last auto layout while both ends stay put, else a
 * right-angled path between the handles. Shows its label and protocol as text.
 */
import { BaseEdge, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useEditor } from '../bindings/editorContext';
import type { Point } from '../model/diagram';
import type { ArchEdge } from '../store/flowView';
import { selectEdgeOnPath } from '../store/designIndex';
import { selectEdgeRate, selectEdgeSeverity, selectEdgeTraffic } from '../store/selectors';
import { TrafficDots } from './TrafficDots';

/** An SVG path through `points` with softly rounded corners, and the middle of its length. */
function routePath(points: readonly Point[]): { path: string; mid: Point } {
  const radius = 8;
  let path = `M ${points[0]!.x} ${points[0]!.y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const prev = points[i - 1]!;
    const at = points[i]!;
    const next = points[i + 1]!;
    const inLen = Math.hypot(at.x - prev.x, at.y - prev.y);
    const outLen = Math.hypot(next.x - at.x, next.y - at.y);
    const r = Math.min(radius, inLen / 2, outLen / 2);
    const before = { x: at.x - ((at.x - prev.x) / (inLen || 1)) * r, y: at.y - ((at.y - prev.y) / (inLen || 1)) * r };
    const after = { x: at.x + ((next.x - at.x) / (outLen || 1)) * r, y: at.y + ((next.y - at.y) / (outLen || 1)) * r };
    path += ` L ${before.x} ${before.y} Q ${at.x} ${at.y} ${after.x} ${after.y}`;
  }
  const last = points[points.length - 1]!;
  path += ` L ${last.x} ${last.y}`;
  // The label sits halfway along the route.
  let total = 0;
  for (let i = 1; i < points.length; i++) total += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
  let walked = 0;
  let mid = points[0]!;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (walked + len >= total / 2) {
      const t = len === 0 ? 0 : (total / 2 - walked) / len;
      mid = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
      break;
    }
    walked += len;
  }
  return { path, mid };
}

function ConnectionEdgeView(props: EdgeProps<ArchEdge>) {
  const { id, data, selected, markerEnd, markerStart } = props;
  const severity = useEditor(selectEdgeSeverity(id));
  const rate = useEditor(selectEdgeRate(id));
  const traffic = useEditor(selectEdgeTraffic(id));
  const against = useEditor((s) => s.meta.flow === 'top-down');
  const onPath = useEditor(selectEdgeOnPath(id));
  let path: string;
  let labelX: number;
  let labelY: number;
  if (data?.route && data.route.length >= 2) {
    const r = routePath(data.route);
    path = r.path;
    labelX = r.mid.x;
    labelY = r.mid.y;
  } else {
    [path, labelX, labelY] = getSmoothStepPath({
      sourceX: props.sourceX,
      sourceY: props.sourceY,
      sourcePosition: props.sourcePosition,
      targetX: props.targetX,
      targetY: props.targetY,
      targetPosition: props.targetPosition,
      borderRadius: 8,
    });
  }
  const text = [data?.label, data?.protocol].filter(Boolean).join(' · ');
  const className = [
    'arch-edge',
    severity ? `has-${severity}` : '',
    selected ? 'is-selected' : '',
    data?.mode === 'async' ? 'is-async' : '',
    onPath ? `on-path on-path-${onPath}` : '',
  ].join(' ');
  // The label is SVG text inside the edge, not an HTML overlay: one element per edge fewer, no
  // portal lookup on every store update, and exports draw it like the line.
  return (
    <>
      {traffic > 0 && <TrafficDots path={path} level={traffic} against={against} />}
      <BaseEdge
      id={id}
      path={path}
      className={className}
      markerEnd={markerEnd}
      markerStart={markerStart}
      interactionWidth={16}
      label={text || undefined}
      labelX={labelX}
      labelY={labelY}
      labelShowBg
      labelBgPadding={LABEL_PADDING}
      labelBgBorderRadius={5}
      />
      {rate && <RatePill text={rate} x={labelX} y={text ? labelY + 20 : labelY} />}
    </>
  );
}

/**
 * Requests per second on the edge, below its label. Sized from the text's length (tabular
 * digits, one size) rather than measured: React Flow's labels measure themselves with getBBox
 * whenever their text changes, which forced a layout per edge on every multiplier step.
 */
function RatePill({ text, x, y }: { text: string; x: number; y: number }) {
  const width = text.length * 6.6 + 12;
  return (
    <g className="rate-pill" transform={`translate(${x} ${y})`}>
      <rect x={-width / 2} y={-9} width={width} height={18} rx={9} />
      <text textAnchor="middle" dominantBaseline="central">
        {text}
      </text>
    </g>
  );
}

const LABEL_PADDING: [number, number] = [6, 3];

export const ConnectionEdge = memo(ConnectionEdgeView);
