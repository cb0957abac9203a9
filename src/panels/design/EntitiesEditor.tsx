/**
 * The Inspector's entities of one datastore: name, fields (name, type, primary key, partition
 * key, indexed) and the endpoints that read or write it. Add, reorder (buttons, or Alt+↑/↓ in
 * a row) and remove; all undoable.
 */
import { Plus } from 'lucide-react';
import { memo } from 'react';
import { useEditor, useEditorStore } from '../../bindings/editorContext';
import type { EntityField } from '../../model/records/entity';
import { selectEntitiesOf } from '../../store/designIndex';
import { nodeName } from '../../model/nodeName';
import { moveKeys, RowActions } from './RowActions';
import { TextDraft } from './TextDraft';

const FLAGS: readonly { key: 'primaryKey' | 'partitionKey' | 'indexed'; short: string; name: string }[] = [
  { key: 'primaryKey', short: 'PK', name: 'Primary key' },
  { key: 'partitionKey', short: 'Partition', name: 'Partition key' },
  { key: 'indexed', short: 'Index', name: 'Indexed' },
];

function FieldRow({ entity, field, index, count }: { entity: string; field: EntityField; index: number; count: number }) {
  const store = useEditorStore();
  const s = () => store.getState();
  const move = (delta: number) => s().moveEntityField(entity, index, delta);
  return (
    <li className="field-row" onKeyDown={moveKeys(move)}>
      <div className="field-line">
        <TextDraft className="mono grow" required aria-label={`Name of field ${index + 1}`} placeholder="name" value={field.name} onCommit={(name) => s().updateEntityField(entity, index, { name })} />
        <TextDraft className="mono grow type" aria-label={`Type of ${field.name}`} placeholder="type" value={field.type} onCommit={(type) => s().updateEntityField(entity, index, { type })} />
      </div>
      <div className="field-line">
        {FLAGS.map((f) => (
          <label key={f.key} className="flag" title={f.name}>
            <input type="checkbox" aria-label={`${f.name}: ${field.name}`} checked={field[f.key] === true} onChange={(e) => s().updateEntityField(entity, index, { [f.key]: e.currentTarget.checked })} />
            <span aria-hidden="true">{f.short}</span>
          </label>
        ))}
        <RowActions what={`field ${field.name}`} index={index} count={count} onMove={move} onRemove={() => s().removeEntityField(entity, index)} />
      </div>
    </li>
  );
}

function EntityCard({ id, index, count }: { id: string; index: number; count: number }) {
  const store = useEditorStore();
  const e = useEditor((s) => s.doc.entities.byId.get(id));
  const endpoints = useEditor((s) => s.doc.endpoints);
  const nodes = useEditor((s) => s.doc.nodes);
  if (!e) return null;
  const s = () => store.getState();
  const move = (delta: number) => s().moveEntity(id, delta);
  const used = new Set(e.endpoints ?? []);
  return (
    <li className="design-card" data-entity={id}>
      <div className="card-row" onKeyDown={moveKeys(move)}>
        <TextDraft className="grow strong" required aria-label={`Name of entity ${index + 1}`} value={e.name} onCommit={(name) => s().updateEntity(id, { name })} />
        <RowActions what={`entity ${e.name}`} index={index} count={count} onMove={move} onRemove={() => s().removeEntity(id)} />
      </div>
      <ol className="field-rows" aria-label={`Fields of ${e.name}`}>
        {e.fields.map((f, i) => (
          <FieldRow key={i} entity={id} field={f} index={i} count={e.fields.length} />
        ))}
      </ol>
      <button type="button" className="link-button" onClick={() => s().addEntityField(id)}>
        + Add field
      </button>
      {endpoints.order.length > 0 && (
        <details className="card-more">
          <summary>Used by {used.size === 0 ? 'no endpoint' : used.size === 1 ? '1 endpoint' : `${used.size} endpoints`}</summary>
          <fieldset className="check-list">
            <legend className="visually-hidden">Endpoints that read or write {e.name}</legend>
            {endpoints.order.map((eid) => {
              const ep = endpoints.byId.get(eid)!;
              return (
                <label key={eid} className="checkbox">
                  <input
                    type="checkbox"
                    checked={used.has(eid)}
                    onChange={(ev) => {
                      const next = ev.currentTarget.checked ? [...used, eid] : [...used].filter((x) => x !== eid);
                      s().updateEntity(id, { endpoints: endpoints.order.filter((x) => next.includes(x)) });
                    }}
                  />
                  <span className="mono">
                    {ep.method} {ep.path}
                  </span>
                  <span className="muted"> · {nodeName(nodes.byId.get(ep.node))}</span>
                </label>
              );
            })}
          </fieldset>
        </details>
      )}
    </li>
  );
}

function EntitiesEditorView({ node }: { node: string }) {
  const store = useEditorStore();
  const entities = useEditor(selectEntitiesOf(node));
  return (
    <section className="inspector-design" aria-label="Entities">
      <h3 className="inspector-subheading">Entities</h3>
      {entities.length === 0 && <p className="design-empty">The data this store holds: tables, collections or key spaces.</p>}
      <ol className="design-list">
        {entities.map((e, i) => (
          <EntityCard key={e.id} id={e.id} index={i} count={entities.length} />
        ))}
      </ol>
      <button
        type="button"
        className="secondary small add-button"
        onClick={() => {
          const id = store.getState().addEntity(node);
          if (id) requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`[data-entity="${CSS.escape(id)}"] input`)?.select());
        }}
      >
        <Plus size={13} aria-hidden="true" /> Add entity
      </button>
    </section>
  );
}

export const EntitiesEditor = memo(EntitiesEditorView);
