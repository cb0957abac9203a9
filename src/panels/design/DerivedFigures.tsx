/**
 * The back-of-the-envelope figures derived from the scale requirements, each with its formula
 * (src/model/design/estimates.ts; the assumptions are in docs/design-estimates.md). A figure
 * whose inputs are not all given shows "—" and names what it needs.
 */
import { useMemo } from 'react';
import { useEditor } from '../../bindings/editorContext';
import { estimateScale, hasScale, SCALE_FIELD_LABELS } from '../../model/design/estimates';

export function DerivedFigures() {
  const scale = useEditor((s) => s.meta.scale);
  const estimates = useMemo(() => estimateScale(scale), [scale]);
  return (
    <div className="derived-figures" role="group" aria-label="Derived figures">
      <h4 className="design-subheading">Derived figures</h4>
      {!hasScale(scale) ? (
        <p className="design-empty">Reads and writes per second, bandwidth, storage and cache memory appear here with their formulas.</p>
      ) : (
        <dl className="figure-list">
          {estimates.map((e) => (
            <div key={e.id} className={`figure${e.value === null ? ' is-missing' : ''}`}>
              <dt>{e.label}</dt>
              <dd>
                <span className="figure-value">{e.text}</span>
                <span className="figure-formula">
                  {e.formula}
                  {e.missing.length > 0 && ` (needs ${e.missing.map((f) => SCALE_FIELD_LABELS[f].toLowerCase()).join(', ')})`}
                </span>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
