/**
 * A connection: follows the route from the last auto layout while both ends stay put, else a
 * right-angled path between the handles. Shows its label and protocol as text.
 */
import { BaseEdge, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useEditor } from '../bindings/editorContext';
import { routePath } from '../paint/edgePath';
import type { ArchEdge } from '../store/flowView';
import { selectEdgeOnPath } from '../store/designIndex';
import { selectEdgeRate, selectEdgeSeverity, selectEdgeTraffic } from '../store/selectors';
import { TrafficDots } from './TrafficDots';

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
