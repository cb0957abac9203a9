/** Step "Requirements": functional requirements (text and priority) and the scale figures. */
import { Plus } from 'lucide-react';
import { memo, useId } from 'react';
import { useEditor, useEditorStore } from '../../bindings/editorContext';
import type { ScaleRequirements } from '../../model/records/documentMeta';
import { PRIORITIES, type Priority } from '../../model/records/requirement';
import { DerivedFigures } from './DerivedFigures';
import { moveKeys, RowActions } from './RowActions';
import { TextDraft } from './TextDraft';

/** The scale form: what each figure means, in the unit a person types it. */
const SCALE_FIELDS: readonly { key: keyof ScaleRequirements; label: string; unit?: string; example: string; step?: string }[] = [
  { key: 'dailyActiveUsers', label: 'Daily active users', example: '100,000,000' },
  { key: 'requestsPerUserPerDay', label: 'Requests per user per day', example: '10' },
  { key: 'readWriteRatio', label: 'Reads per write', unit: ': 1', example: '100' },
  { key: 'peakFactor', label: 'Peak factor', unit: '× average', example: '3', step: 'any' },
  { key: 'averageObjectBytes', label: 'Average object size', unit: 'bytes', example: '500' },
  { key: 'retentionDays', label: 'Retention', unit: 'days', example: '1825' },
  { key: 'p99LatencyMs', label: 'p99 latency target', unit: 'ms', example: '200' },
  { key: 'availabilityTarget', label: 'Availability target', unit: '%', example: '99.95', step: 'any' },
];

const PRIORITY_LABELS: Record<Priority, string> = { must: 'Must', should: 'Should', could: 'Could' };

function ScaleField({ field }: { field: (typeof SCALE_FIELDS)[number] }) {
  const store = useEditorStore();
  const value = useEditor((s) => s.meta.scale?.[field.key]);
  const id = useId();
  return (
    <div className="scale-field">
      <label htmlFor={id}>{field.label}</label>
      <span className="scale-input">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={0}
          step={field.step ?? 'any'}
          value={value ?? ''}
          placeholder={field.example}
          onChange={(e) => {
            const text = e.currentTarget.value;
            store.getState().setScale({ [field.key]: text === '' ? undefined : Number(text) });
          }}
        />
        {field.unit && <span className="scale-unit" aria-hidden="true">{field.unit}</span>}
      </span>
    </div>
  );
}

function RequirementRow({ id, index, count }: { id: string; index: number; count: number }) {
  const store = useEditorStore();
  const req = useEditor((s) => s.doc.requirements.byId.get(id));
  if (!req) return null;
  const s = () => store.getState();
  const what = `requirement ${index + 1}`;
  const move = (delta: number) => s().moveRequirement(id, delta);
  return (
    <li className={`design-row priority-${req.priority}`} data-requirement={id} onKeyDown={moveKeys(move)}>
      <span className="row-index" aria-hidden="true">{index + 1}</span>
      <TextDraft
        className="grow"
        aria-label={`Requirement ${index + 1}`}
        placeholder="Users can …"
        value={req.text}
        onCommit={(text) => s().updateRequirement(id, { text })}
      />
      <select
        aria-label={`Priority of requirement ${index + 1}`}
        className={`priority-select priority-${req.priority}`}
        value={req.priority}
        onChange={(e) => s().updateRequirement(id, { priority: e.currentTarget.value as Priority })}
      >
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {PRIORITY_LABELS[p]}
          </option>
        ))}
      </select>
      <RowActions what={what} index={index} count={count} onMove={move} onRemove={() => s().removeRequirement(id)} />
    </li>
  );
}

function RequirementsSectionView({ step }: { step: number }) {
  const store = useEditorStore();
  const order = useEditor((s) => s.doc.requirements.order);
  return (
    <section className="design-section" aria-labelledby="design-requirements">
      <h3 id="design-requirements" className="design-step">
        <span className="step-number" aria-hidden="true">{step}</span> Requirements
      </h3>
      <h4 className="design-subheading">Functional</h4>
      {order.length === 0 ? (
        <p className="design-empty">What must the product do? One requirement per line, each with a priority.</p>
      ) : (
        <ol className="design-list" aria-label="Functional requirements">
          {order.map((id, i) => (
            <RequirementRow key={id} id={id} index={i} count={order.length} />
          ))}
        </ol>
      )}
      <button
        type="button"
        className="secondary small add-button"
        onClick={() => {
          const id = store.getState().addRequirement();
          // The new row's text field takes the typing.
          requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`[data-requirement="${CSS.escape(id)}"] input`)?.focus());
        }}
      >
        <Plus size={13} aria-hidden="true" /> Add requirement
      </button>
      <h4 className="design-subheading">Scale</h4>
      <div className="scale-form" role="group" aria-label="Scale requirements">
        {SCALE_FIELDS.map((f) => (
          <ScaleField key={f.key} field={f} />
        ))}
      </div>
      <DerivedFigures />
    </section>
  );
}

export const RequirementsSection = memo(RequirementsSectionView);
