/**
 * Beside a reference design opened from a review: what the candidate's design lacks and has
 * beyond it (component purposes, endpoints, entities), so the two can be compared while looking
 * at the reference, and a way back to the candidate's diagram.
 */
import { ArrowLeft, X } from 'lucide-react';
import { useEditor, useEditorStore } from '../bindings/editorContext';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One side of the comparison: components by purpose, endpoints, entities, each listed under its own heading. */
function Side({ title, purposes, endpoints, entities, empty }: { title: string; purposes: readonly string[]; endpoints: readonly string[]; entities: readonly string[]; empty: string }) {
  const groups: [string, readonly string[]][] = [['Components', purposes], ['Endpoints', endpoints], ['Entities', entities]];
  const any = groups.some(([, items]) => items.length > 0);
  return (
    <section className="diff-group" aria-label={title}>
      <h3>{title}</h3>
      {!any && <p className="practice-meta">{empty}</p>}
      {groups.filter(([, items]) => items.length > 0).map(([name, items]) => (
        <div key={name}>
          <h4>{name}</h4>
          <ul>
            {items.map((text, i) => <li key={i}>{text}</li>)}
          </ul>
        </div>
      ))}
    </section>
  );
}

export function ReferenceDiffPanel() {
  const store = useEditorStore();
  const comparison = useEditor((s) => s.practiceComparison);
  const currentId = useEditor((s) => s.currentId);
  if (!comparison || comparison.referenceId !== currentId) return null;
  const d = comparison.differences;
  const { candidateId } = comparison;
  return (
    <section className="review panel reference-diff" aria-label="Differences from your design">
      <div className="review-head">
        <h2 className="panel-heading">Reference · {comparison.problemTitle}</h2>
        <p className="practice-meta">
          Compared with your design: {plural(d.shared.purposes, 'component purpose')}, {plural(d.shared.endpoints, 'endpoint')} and {plural(d.shared.entities, 'entity', 'entities')} in common.
        </p>
        <div className="row wrap">
          {candidateId !== null && (
            <button type="button" className="secondary" onClick={() => void store.getState().openStored(candidateId)}>
              <ArrowLeft size={14} aria-hidden="true" /> Back to your design
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Close the comparison" title="Close" onClick={() => store.getState().closeReferenceComparison()}>
            <X size={14} aria-hidden="true" />
          </button>
        </div>
      </div>
      <Side
        title="Missing from yours"
        purposes={d.missingPurposes.map((p) => `${p.phrase} (here: ${p.components.join(', ')})`)}
        endpoints={d.missingEndpoints}
        entities={d.missingEntities}
        empty="Nothing: yours has every purpose, endpoint and entity of the reference."
      />
      <Side
        title="Yours has, the reference does not"
        purposes={d.extraPurposes.map((p) => `${p.phrase} (yours: ${p.components.join(', ')})`)}
        endpoints={d.extraEndpoints}
        entities={d.extraEntities}
        empty="Nothing extra."
      />
    </section>
  );
}
