/**
 * Step "APIs": every endpoint, grouped by the server that serves it. Editing happens in the
 * Inspector; a server's name here selects it and brings it into view.
 */
import { memo } from 'react';
import { useEditor, useEditorStore } from '../../bindings/editorContext';
import { RecordsByNode } from './RecordsByNode';

function ApisSectionView({ step }: { step: number }) {
  const store = useEditorStore();
  const endpoints = useEditor((s) => s.doc.endpoints);
  const requirements = useEditor((s) => s.doc.requirements);
  return (
    <section className="design-section" aria-labelledby="design-apis">
      <h3 id="design-apis" className="design-step">
        <span className="step-number" aria-hidden="true">{step}</span> APIs
      </h3>
      {endpoints.order.length === 0 && (
        <p className="design-empty">Endpoints belong to servers (the back end, never the client). Add them here or in the Inspector.</p>
      )}
      <RecordsByNode
        table={endpoints}
        role="server"
        plural="endpoints"
        singular="endpoint"
        noneHint="Add an API server or a service to the diagram first."
        add={(node) => store.getState().addEndpoint(node)}
        line={(e) => {
          const served = (e.requirements ?? []).map((r) => requirements.order.indexOf(r) + 1).filter((n) => n > 0);
          return (
            <>
              <span className={`method method-${e.method.toLowerCase()}`}>{e.method}</span>
              <span className="endpoint-path">{e.path}</span>
              {served.length > 0 && <span className="req-tags">{served.map((n) => `R${n}`).join(' ')}</span>}
              {e.summary && <span className="endpoint-summary">{e.summary}</span>}
            </>
          );
        }}
      />
    </section>
  );
}

export const ApisSection = memo(ApisSectionView);
