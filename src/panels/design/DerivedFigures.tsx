/**
 * The back-of-the-envelope figures derived from the scale requirements, each with its formula
 * (src/model/design/estimates.ts). A figure missing an input says which, instead of guessing.
 */
import { memo } from 'react';
import { useEditor } from '../../bindings/editorContext';
import { estimateScale, hasScale, SCALE_FIELD_LABELS } from '../../model/design/estimates';

function DerivedFiguresView() {
  const scale = useEditor((s) => s.meta.scale);
  const estimates = estimateScale(scale);
  return (
    <div className="derived-figures" role="group" aria-labelledby="derived-heading">
      <h4 id="derived-heading" className="design-subheading">
        Derived figures
      </h4>
      {!hasScale(scale) ? (
        <p className="design-empty">Type the scale figures above: reads and writes per second, bandwidth, storage and cache memory follow, each with its formula.</p>
      ) : (
        <dl className="figure-list">
          {estimates.map((e) => (
            <div key={e.id} className={`figure${e.value === null ? ' is-missing' : ''}`}>
              <dt>{e.label}</dt>
              <dd>
                <span className="figure-value">{e.text}</span>
                <span className="figure-formula">
                  = {e.formula}
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

export const DerivedFigures = memo(DerivedFiguresView);
