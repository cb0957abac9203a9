/**
 * Beside a reference design opened from a review: what the candidate's design lacks and has
 * beyond it (component purposes, endpoints, entities), so the two can be compared while looking
 * at the reference, and a way back to the candidate's diagram.
 */
import { ArrowLeft, X } from 'lucide-react';
import { useEditor, useEditorStore } from '../bindings/editorContext';

function Items({ title, items, empty }: { title: string; items: readonly string[]; empty: string }) {
  return (
    <div className="diff-group">
      <h4>{title}</h4>
      {items.length === 0 ? <p className="practice-meta">{empty}</p> : (
        <ul>
          {items.map((text, i) => <li key={i}>{text}</li>)}
        </ul>
      )}
    </div>
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
          Compared with your design: {d.shared.purposes} component purposes, {d.shared.endpoints} endpoints and {d.shared.entities} entities in common.
        </p>
        <div className="row wrap">
          {candidateId !== null && (
            <button type="button" onClick={() => void store.getState().openStored(candidateId)}>
              <ArrowLeft size={14} aria-hidden="true" /> Back to your design
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Close the comparison" title="Close" onClick={() => store.getState().closeReferenceComparison()}>
            <X size={14} aria-hidden="true" />
          </button>
        </div>
      </div>
      <Items title="Missing from yours" items={[
        ...d.missingPurposes.map((p) => `${p.phrase} (the reference’s ${p.components.join(', ')})`),
        ...d.missingEndpoints.map((e) => `Endpoint ${e}`),
        ...d.missingEntities.map((e) => `Entity ${e}`),
      ]} empty="Nothing: your design has every purpose, endpoint and entity of the reference." />
      <Items title="Yours has, the reference does not" items={[
        ...d.extraPurposes.map((p) => `${p.phrase} (yours: ${p.components.join(', ')})`),
        ...d.extraEndpoints.map((e) => `Endpoint ${e}`),
        ...d.extraEntities.map((e) => `Entity ${e}`),
      ]} empty="Nothing extra." />
    </section>
  );
}
