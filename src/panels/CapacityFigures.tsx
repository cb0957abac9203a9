/**
 * The Inspector's capacity part: a component's figures (or a client's requests per second) with
 * the catalog's typical values greyed in, "Mark as down", and the connection's share, mode and
 * network time. Every edit is a store action; the typical values and their sources come from
 * the model (src/model/analysis/figures.ts), so the app shows what the analysis uses.
 */
import { useEditor, useEditorStore } from '../bindings/editorContext';
import { downLabel, formatLatency, formatRate, formatUtilization } from '../model/analysis/describeCapacity';
import { DEFAULT_AVAILABILITY, DEFAULT_INSTANCES, kindFigures } from '../model/analysis/figures';
import { findKind, roleOf } from '../model/catalog';
import type { NodeFigureKey } from '../store/capacitySlice';
import { FigureField } from './FigureField';

const percent = (v: number | undefined) => (v === undefined ? undefined : v * 100);
const fromPercent = (v: number | undefined) => (v === undefined ? undefined : v / 100);

export function DownButton({ id, group = false }: { id: string; group?: boolean }) {
  const store = useEditorStore();
  const isDown = useEditor((s) => s.down.has(id));
  return (
    <button
      type="button"
      className={`secondary${isDown ? ' is-down' : ''}`}
      aria-pressed={isDown}
      onClick={() => {
        const s = store.getState();
        s.setDown(id, !isDown);
        // A what-if is read in the analysis: show it.
        if (!isDown) s.showCapacity(true);
      }}
    >
      {downLabel(isDown, group)}
    </button>
  );
}

function NodeResult({ id }: { id: string }) {
  const line = useEditor((s) => {
    const node = s.capacity?.nodeById.get(id);
    if (!node) return null;
    if (node.status === 'down') return 'Marked down: the analysis runs without it.';
    return `${formatRate(node.load)}/s · ρ ${formatUtilization(node.utilization)} · ${node.status} · ${formatLatency(node.latencyMs)}`;
  });
  return line ? (
    <p className="capacity-result" role="status">
      {line}
    </p>
  ) : null;
}

export function NodeCapacityFields({ id }: { id: string }) {
  const store = useEditorStore();
  const node = useEditor((s) => s.doc.nodes.byId.get(id));
  if (!node) return null;
  const role = roleOf(node);
  if (role !== 'client' && role !== 'server' && role !== 'datastore') return null;
  const figures = node.figures ?? {};
  const set = (key: NodeFigureKey) => (value: number | undefined) => store.getState().setNodeFigure(id, key, value);
  const typical = kindFigures(node.kind);
  const kindName = findKind(node.kind)?.label ?? node.kind;
  return (
    <fieldset className="capacity-fields">
      <legend>Capacity figures</legend>
      {role === 'client' ? (
        <FigureField
          label="Requests per second"
          value={figures.rps}
          typical={undefined}
          placeholderText="a share of the peak load"
          min={0}
          onChange={set('rps')}
        />
      ) : (
        <>
          <FigureField label="Instances" value={figures.instances} typical={DEFAULT_INSTANCES} min={1} step={1} onChange={set('instances')} />
          <FigureField
            label="Capacity per instance"
            unit="req/s"
            value={figures.capacityRps}
            typical={typical.capacityRps}
            source={`${kindName}: ${typical.source}`}
            min={0}
            onChange={set('capacityRps')}
          />
          <FigureField
            label="Service time"
            unit="ms"
            value={figures.serviceTimeMs}
            typical={typical.serviceTimeMs}
            source={`${kindName}: ${typical.source}`}
            min={0}
            onChange={set('serviceTimeMs')}
          />
          <FigureField
            label="Availability per instance"
            unit="%"
            value={percent(figures.availability)}
            typical={DEFAULT_AVAILABILITY * 100}
            source="One virtual machine's typical single-instance SLA at the large clouds."
            min={0}
            max={100}
            onChange={(v) => set('availability')(fromPercent(v))}
          />
          {typical.hitRatio !== null && (
            <FigureField
              label="Hit ratio"
              unit="%"
              value={percent(figures.hitRatio)}
              typical={typical.hitRatio * 100}
              source={`${kindName}: ${typical.source}`}
              min={0}
              max={100}
              onChange={(v) => set('hitRatio')(fromPercent(v))}
            />
          )}
        </>
      )}
      <NodeResult id={id} />
      <DownButton id={id} />
    </fieldset>
  );
}

/** A group's part: marking it down takes every component inside it down (a zone or region outage). */
export function GroupCapacityFields({ id }: { id: string }) {
  const members = useEditor((s) => (s.capacity?.downGroups.has(id) ? s.capacity.down.size : null));
  return (
    <fieldset className="capacity-fields">
      <legend>Failure what-if</legend>
      <p className="empty-hint">Marking the group down takes every component inside it out of the analysis, as a zone or region outage would.</p>
      {members !== null && (
        <p className="capacity-result" role="status">
          Down with its members: {members} component{members === 1 ? ' is' : 's are'} out of the analysis in all.
        </p>
      )}
      <DownButton id={id} group />
    </fieldset>
  );
}

export function EdgeCapacityFields({ id }: { id: string }) {
  const store = useEditorStore();
  const edge = useEditor((s) => s.doc.edges.byId.get(id));
  const senderAsync = useEditor((s) => {
    const e = s.doc.edges.byId.get(id);
    const from = e && s.doc.nodes.byId.get(s.meta.flow === 'top-down' ? e.target : e.source);
    return from ? kindFigures(from.kind).sendsAsync : false;
  });
  const load = useEditor((s) => s.capacity?.edgeLoad.get(id));
  if (!edge) return null;
  const state = store.getState();
  return (
    <fieldset className="capacity-fields">
      <legend>Capacity figures</legend>
      <FigureField
        label="Share of the sender's load"
        unit="%"
        value={percent(edge.share)}
        typical={100}
        source="By default every request the sender receives makes this call."
        min={0}
        max={100}
        onChange={(v) => state.setEdgeFigure(id, 'share', fromPercent(v))}
      />
      <div className="field">
        <label htmlFor={`mode-${id}`}>Mode</label>
        <select
          id={`mode-${id}`}
          value={edge.mode ?? ''}
          onChange={(e) => state.setEdgeMode(id, (e.currentTarget.value || undefined) as 'sync' | 'async' | undefined)}
        >
          <option value="">Default ({senderAsync ? 'async' : 'sync'})</option>
          <option value="sync">sync: the sender waits</option>
          <option value="async">async: ends the request's wait</option>
        </select>
      </div>
      <FigureField
        label="Network time"
        unit="ms"
        value={edge.latencyMs}
        typical={0}
        source="The model adds no time between hops unless an edge gives one."
        min={0}
        onChange={(v) => state.setEdgeFigure(id, 'latencyMs', v)}
      />
      {load !== undefined && (
        <p className="capacity-result" role="status">
          {formatRate(load)} requests/s cross it
        </p>
      )}
    </fieldset>
  );
}
