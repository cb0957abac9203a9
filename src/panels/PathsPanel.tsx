/**
 * Request paths: how a use case travels through the diagram. Record one by clicking components
 * on the canvas in order, or build it from the list; "Show" highlights it on the canvas.
 */
import { Eye, EyeOff, Plus, Route } from 'lucide-react';
import { memo, useId } from 'react';
import { useEditor, useEditorStore } from '../bindings/editorContext';
import { ComponentOptions } from '../canvas/ComponentOptions';
import { GROUP_KIND, roleOf } from '../model/catalog';
import { recordsInOrder } from '../model/recordsDiff';
import { moveKeys, RowActions } from './design/RowActions';
import { TextDraft } from './design/TextDraft';
import { nodeName } from '../model/nodeName';

function PathEditor({ id, index, count }: { id: string; index: number; count: number }) {
  const store = useEditorStore();
  const path = useEditor((s) => s.doc.paths.byId.get(id));
  const shown = useEditor((s) => s.activePath === id);
  // The steps' names as one string: a drag elsewhere does not re-render the path.
  const stepNames = useEditor((s) => (s.doc.paths.byId.get(id)?.steps ?? []).map((n) => nodeName(s.doc.nodes.byId.get(n))).join('\n')).split('\n');
  const requirements = useEditor((s) => s.doc.requirements);
  const endpoints = useEditor((s) => s.doc.endpoints);
  const stepsId = useId();
  if (!path) return null;
  const s = () => store.getState();
  const name = path.name || `Path ${index + 1}`;
  const move = (delta: number) => s().movePath(id, delta);
  const setSteps = (steps: readonly string[]) => s().updatePath(id, { steps });
  return (
    <li className={`path-card${shown ? ' is-shown' : ''}`} onKeyDown={moveKeys(move)}>
      <div className="path-head">
        <button
          type="button"
          className="mini-button"
          aria-pressed={shown}
          aria-label={`Show ${name} on the canvas`}
          title={shown ? 'Hide on the canvas' : 'Show on the canvas'}
          onClick={() => s().showPath(shown ? null : id)}
        >
          {shown ? <Eye size={14} aria-hidden="true" /> : <EyeOff size={14} aria-hidden="true" />}
        </button>
        <TextDraft className="grow" aria-label={`Name of path ${index + 1}`} placeholder={`Path ${index + 1}`} value={path.name} onCommit={(v) => s().updatePath(id, { name: v })} />
        <RowActions what={name} index={index} count={count} onMove={move} onRemove={() => s().removePath(id)} />
      </div>
      <div className="path-links">
        <select aria-label={`Requirement ${name} serves`} value={path.requirement ?? ''} onChange={(e) => s().updatePath(id, { requirement: e.currentTarget.value || null })}>
          <option value="">No requirement</option>
          {requirements.order.map((rid, i) => (
            <option key={rid} value={rid}>
              R{i + 1}. {requirements.byId.get(rid)!.text || '(no text)'}
            </option>
          ))}
        </select>
        <select aria-label={`Endpoint ${name} calls`} value={path.endpoint ?? ''} onChange={(e) => s().updatePath(id, { endpoint: e.currentTarget.value || null })}>
          <option value="">No endpoint</option>
          {endpoints.order.map((eid) => {
            const e = endpoints.byId.get(eid)!;
            return (
              <option key={eid} value={eid}>
                {e.method} {e.path}
              </option>
            );
          })}
        </select>
      </div>
      <ol className="path-steps" id={stepsId} aria-label={`Steps of ${name}`}>
        {path.steps.map((nid, i) => (
          <li key={`${i}-${nid}`} className="path-step">
            <span className="step-dot" aria-hidden="true">{i + 1}</span>
            <span className="step-name">{stepNames[i]}</span>
            <RowActions
              what={`step ${i + 1} of ${name}`}
              index={i}
              count={path.steps.length}
              onMove={(delta) => {
                const steps = path.steps.slice();
                const to = Math.max(0, Math.min(steps.length - 1, i + delta));
                [steps[i], steps[to]] = [steps[to]!, steps[i]!];
                setSteps(steps);
              }}
              onRemove={() => setSteps(path.steps.filter((_, k) => k !== i))}
            />
          </li>
        ))}
      </ol>
      <select
        aria-label={`Add a step to ${name}`}
        className="add-step"
        value=""
        onChange={(e) => {
          if (e.currentTarget.value) setSteps([...path.steps, e.currentTarget.value]);
        }}
      >
        <option value="">+ Add a step…</option>
        <ComponentOptions />
      </select>
    </li>
  );
}

function PathsPanelView() {
  const store = useEditorStore();
  const order = useEditor((s) => s.doc.paths.order);
  const recording = useEditor((s) => s.pathRecording !== null);
  return (
    <section className="panel paths-panel" aria-labelledby="paths-heading">
      <h2 id="paths-heading" className="panel-heading">
        Request paths
      </h2>
      {order.length === 0 && <p className="design-empty">Record how a request travels: click components on the canvas in the order a request visits them.</p>}
      <ol className="design-list" aria-label="Request paths">
        {order.map((id, i) => (
          <PathEditor key={id} id={id} index={i} count={order.length} />
        ))}
      </ol>
      <div className="row">
        <button type="button" className="secondary small add-button" aria-pressed={recording} onClick={() => store.getState().startPathRecording()} disabled={recording}>
          <Route size={13} aria-hidden="true" /> Record path
        </button>
        <button
          type="button"
          className="secondary small add-button"
          onClick={() => {
            const s = store.getState();
            // A path starts at an entry of the flow: a client bottom-up, a datastore top-down.
            const entry = s.meta.flow === 'bottom-up' ? 'client' : 'datastore';
            const nodes = recordsInOrder(s.doc.nodes).filter((n) => n.kind !== GROUP_KIND);
            const first = nodes.find((n) => roleOf(n) === entry) ?? nodes[0];
            if (first) s.addPath([first.id]);
          }}
        >
          <Plus size={13} aria-hidden="true" /> New path
        </button>
      </div>
    </section>
  );
}

export const PathsPanel = memo(PathsPanelView);
