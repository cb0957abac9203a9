/**
 * The "Design" region: the method's three steps as sections, in the order the flow takes them
 * (bottom-up: Requirements, APIs, Data; top-down: Data, APIs, Requirements). It sits under the
 * canvas and folds away to one line. The request paths that tie them to the diagram have their
 * own panel beside the Validation (PathsPanel.tsx).
 */
import { ChevronDown, ChevronUp, ClipboardList } from 'lucide-react';
import { memo, useState } from 'react';
import { useEditor } from '../bindings/editorContext';
import type { Flow } from '../model/diagram';
import { lazyView } from './lazyView';

// The drawer's sections load when it is first opened; it starts closed (BENCHMARKS.md, "Bundle").
const ApisSection = lazyView(() => import('./design/ApisSection'), 'ApisSection');
const DataSection = lazyView(() => import('./design/DataSection'), 'DataSection');
const RequirementsSection = lazyView(() => import('./design/RequirementsSection'), 'RequirementsSection');

export const DESIGN_STEPS: Record<Flow, readonly ('requirements' | 'apis' | 'data')[]> = {
  'bottom-up': ['requirements', 'apis', 'data'],
  'top-down': ['data', 'apis', 'requirements'],
};

function DesignPanelView() {
  const flow = useEditor((s) => s.meta.flow);
  const counts = useEditor(
    (s) => `${s.doc.requirements.order.length} requirements · ${s.doc.endpoints.order.length} endpoints · ${s.doc.entities.order.length} entities · ${s.doc.paths.order.length} paths`,
  );
  const [open, setOpen] = useState(false);
  const steps = DESIGN_STEPS[flow];
  return (
    <section className={`design-panel${open ? ' is-open' : ''}`} aria-label="Design">
      <header className="design-header">
        <button type="button" className="design-toggle" aria-expanded={open} aria-controls="design-body" onClick={() => setOpen(!open)}>
          <ClipboardList size={15} aria-hidden="true" />
          <span className="design-title">Design</span>
          <span className="design-order">{flow === 'bottom-up' ? 'Requirements → APIs → Data' : 'Data → APIs → Requirements'}</span>
          <span className="design-counts">{counts}</span>
          {open ? <ChevronDown size={15} aria-hidden="true" /> : <ChevronUp size={15} aria-hidden="true" />}
        </button>
      </header>
      {open && (
        <div className={`design-body ${flow}`} id="design-body">
          {steps.map((step, i) =>
            step === 'requirements' ? (
              <RequirementsSection key={step} step={i + 1} />
            ) : step === 'apis' ? (
              <ApisSection key={step} step={i + 1} />
            ) : (
              <DataSection key={step} step={i + 1} />
            ),
          )}
        </div>
      )}
    </section>
  );
}

export const DesignPanel = memo(DesignPanelView);
