/**
 * Step "Data": every entity, grouped by the datastore that holds it, with its keys. Editing
 * happens in the Inspector; a datastore's name here selects it.
 */
import { KeyRound } from 'lucide-react';
import { memo } from 'react';
import { useEditor, useEditorStore } from '../../bindings/editorContext';
import { RecordsByNode } from './RecordsByNode';

function DataSectionView({ step }: { step: number }) {
  const store = useEditorStore();
  const entities = useEditor((s) => s.doc.entities);
  return (
    <section className="design-section" aria-labelledby="design-data">
      <h3 id="design-data" className="design-step">
        <span className="step-number" aria-hidden="true">{step}</span> Data
      </h3>
      {entities.order.length === 0 && <p className="design-empty">Entities live in datastores: name them, give them fields and keys.</p>}
      <RecordsByNode
        table={entities}
        role="datastore"
        plural="entities"
        singular="entity"
        noneHint="Add a database, cache or object store to the diagram first."
        add={(node) => store.getState().addEntity(node)}
        line={(e) => (
          <>
            <span className="entity-name">{e.name}</span>
            <span className="entity-fields">
              {e.fields.map((f, i) => (
                <span key={i} className={`field-chip${f.primaryKey ? ' is-pk' : ''}${f.partitionKey ? ' is-partition' : ''}`}>
                  {(f.primaryKey || f.partitionKey) && <KeyRound size={10} aria-label={f.partitionKey ? 'partition key' : 'primary key'} />}
                  {f.name}
                  {f.type && <span className="field-type">{f.type}</span>}
                </span>
              ))}
            </span>
          </>
        )}
      />
    </section>
  );
}

export const DataSection = memo(DataSectionView);
