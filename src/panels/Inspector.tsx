/** Edits the selection: a component's name, kind, role, technology and notes; a connection's label and protocol. */
import { memo, useId } from 'react';
import { useEditor, useEditorStore } from '../bindings/editorContext';
import { COMPONENT_ROLES, findKind, GROUP_KIND, KINDS, roleOf, type Role } from '../model/catalog';
import type { ComponentData, ConnectionData } from '../store/flowView';
import { selectEndpointsOf, selectEntitiesOf } from '../store/designIndex';
import { selectSelectionKey } from '../store/selectors';
import { EdgeCapacityFields, GroupCapacityFields, NodeCapacityFields } from './CapacityFigures';
import { lazyView } from './lazyView';

// A component's endpoint and entity editors load with the first selection, not the first paint.
const EndpointsEditor = lazyView(() => import('./design/EndpointsEditor'), 'EndpointsEditor');
const EntitiesEditor = lazyView(() => import('./design/EntitiesEditor'), 'EntitiesEditor');

export const PROTOCOLS = ['HTTP', 'HTTPS', 'gRPC', 'WebSocket', 'WebRTC', 'TCP', 'UDP', 'AMQP'];
const TECH_SUGGESTIONS = ['PostgreSQL', 'MySQL', 'Redis', 'Memcached', 'Cassandra', 'DynamoDB', 'MongoDB', 'Kafka', 'RabbitMQ', 'SQS', 'S3', 'Elasticsearch', 'Nginx', 'Envoy', 'Node.js', 'Go', 'Java', 'Python', 'Kubernetes'];

function Field({ label, children }: { label: string; children: (id: string) => React.ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

function NodeInspector({ id }: { id: string }) {
  const store = useEditorStore();
  const data = useEditor((s) => s.nodes.find((n) => n.id === id)?.data) as ComponentData | undefined;
  if (!data) return null;
  const update = (patch: Partial<ComponentData>) => store.getState().updateNodeData(id, patch);
  const spec = findKind(data.kind);
  const isGroup = data.kind === GROUP_KIND;
  const role = roleOf(data);
  return (
    <>
    <form className="inspector-form" onSubmit={(e) => e.preventDefault()} aria-label={isGroup ? 'Group properties' : 'Component properties'}>
      <Field label="Name">
        {(fid) => <input id={fid} value={data.label} placeholder={spec?.label} onChange={(e) => update({ label: e.currentTarget.value })} />}
      </Field>
      {!isGroup && (
        <Field label="Kind">
          {(fid) => (
            <select id={fid} value={data.kind} onChange={(e) => update({ kind: e.currentTarget.value })}>
              {KINDS.filter((k) => k.id !== GROUP_KIND).map((k) => (
                <option key={k.id} value={k.id}>
                  {k.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {!isGroup && (
        <Field label="Role">
          {(fid) => (
            <select
              id={fid}
              value={data.role ?? ''}
              onChange={(e) => update({ role: (e.currentTarget.value || undefined) as Role | undefined })}
            >
              <option value="">Default ({spec?.role ?? 'server'})</option>
              {COMPONENT_ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label="Technology">
        {(fid) => (
          <>
            <input id={fid} list="tech-suggestions" value={data.tech ?? ''} placeholder="e.g. PostgreSQL" onChange={(e) => update({ tech: e.currentTarget.value })} />
            <datalist id="tech-suggestions">
              {TECH_SUGGESTIONS.map((t) => (
                <option key={t} value={t} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label="Notes">
        {(fid) => <textarea id={fid} rows={4} value={data.notes ?? ''} onChange={(e) => update({ notes: e.currentTarget.value })} />}
      </Field>
      {isGroup ? <GroupCapacityFields id={id} /> : <NodeCapacityFields id={id} />}
    </form>
    <NodeDesign id={id} role={role} />
    </>
  );
}

/**
 * Endpoints on servers, entities on datastores. A component of another role shows them too when
 * a file gave it some, so they can be seen and removed (the validator names them).
 */
function NodeDesign({ id, role }: { id: string; role: Role }) {
  const endpoints = useEditor((s) => selectEndpointsOf(id)(s).length);
  const entities = useEditor((s) => selectEntitiesOf(id)(s).length);
  return (
    <>
      {(role === 'server' || endpoints > 0) && <EndpointsEditor node={id} />}
      {(role === 'datastore' || entities > 0) && <EntitiesEditor node={id} />}
    </>
  );
}

function EdgeInspector({ id }: { id: string }) {
  const store = useEditorStore();
  const edge = useEditor((s) => s.edges.find((e) => e.id === id));
  const names = useEditor((s) => {
    const e = s.edges.find((x) => x.id === id);
    const name = (nid: string | undefined) => {
      const n = s.nodes.find((x) => x.id === nid);
      return n ? n.data.label || findKind(n.data.kind)?.label || n.id : '?';
    };
    return `${name(e?.source)}\u0000${name(e?.target)}`;
  });
  if (!edge) return null;
  const data: ConnectionData = edge.data ?? {};
  const [from, to] = names.split('\u0000');
  const update = (patch: Partial<ConnectionData>) => store.getState().updateEdgeData(id, patch);
  return (
    <form className="inspector-form" onSubmit={(e) => e.preventDefault()} aria-label="Connection properties">
      <p className="inspector-caption">
        {from} {data.bidirectional ? '↔' : '→'} {to}
      </p>
      <Field label="Label">
        {(fid) => <input id={fid} value={data.label ?? ''} placeholder="e.g. read-through" onChange={(e) => update({ label: e.currentTarget.value })} />}
      </Field>
      <Field label="Protocol">
        {(fid) => (
          <>
            <input id={fid} list="protocol-suggestions" value={data.protocol ?? ''} placeholder="HTTPS, gRPC, …" onChange={(e) => update({ protocol: e.currentTarget.value })} />
            <datalist id="protocol-suggestions">
              {PROTOCOLS.map((p) => (
                <option key={p} value={p} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label="Mode">
        {(fid) => (
          <select id={fid} value={data.mode ?? 'sync'} onChange={(e) => update({ mode: e.currentTarget.value === 'async' ? 'async' : undefined })}>
            <option value="sync">Sync: the caller waits for the answer</option>
            <option value="async">Async: handed off, nobody waits (queue, event)</option>
          </select>
        )}
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={Boolean(data.bidirectional)} onChange={(e) => update({ bidirectional: e.currentTarget.checked || undefined })} />
        Bidirectional
      </label>
      <button type="button" className="secondary" onClick={() => store.getState().reverseEdge(id)}>
        Reverse direction
      </button>
      <EdgeCapacityFields id={id} />
    </form>
  );
}

function InspectorView() {
  const store = useEditorStore();
  const key = useEditor(selectSelectionKey);
  const ids = key === '' ? [] : key.split('\n');
  // Notes selected with several components count too: Duplicate and Delete act on them as well.
  const notes = useEditor((s) => s.noteSelection.size);
  let body: React.ReactNode;
  if (ids.length === 0) {
    body = <p className="empty-hint">Select a component or connection to edit it. Double-click a component to rename it.</p>;
  } else if (ids.length > 1) {
    body = (
      <div className="inspector-multi">
        <p>{ids.length + notes} items selected</p>
        <div className="row">
          <button type="button" className="secondary" onClick={() => store.getState().duplicateSelection()}>
            Duplicate
          </button>
          <button type="button" className="secondary danger" onClick={() => store.getState().deleteSelection()}>
            Delete
          </button>
        </div>
      </div>
    );
  } else if (ids[0]!.startsWith('edge:')) {
    body = <EdgeInspector id={ids[0]!.slice(5)} />;
  } else {
    body = <NodeInspector id={ids[0]!} />;
  }
  return (
    <section className="panel inspector" aria-labelledby="inspector-heading">
      <h2 id="inspector-heading" className="panel-heading">
        Inspector
      </h2>
      {body}
    </section>
  );
}

export const Inspector = memo(InspectorView);
