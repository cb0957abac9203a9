/**
 * The Inspector's endpoints of one server: method and path, a summary, the request and response
 * shapes, and the requirements each serves. Add, reorder (buttons, or Alt+↑/↓ in a row) and
 * remove; all undoable.
 */
import { Plus } from 'lucide-react';
import { memo } from 'react';
import { useEditor, useEditorStore } from '../../bindings/editorContext';
import { ENDPOINT_METHODS, type EndpointMethod } from '../../model/records/endpoint';
import { selectEndpointsOf } from '../../store/designIndex';
import { moveKeys, RowActions } from './RowActions';
import { TextDraft } from './TextDraft';

function EndpointCard({ id, index, count }: { id: string; index: number; count: number }) {
  const store = useEditorStore();
  const e = useEditor((s) => s.doc.endpoints.byId.get(id));
  const requirements = useEditor((s) => s.doc.requirements);
  if (!e) return null;
  const s = () => store.getState();
  const what = `${e.method} ${e.path}`;
  const move = (delta: number) => s().moveEndpoint(id, delta);
  const served = new Set(e.requirements ?? []);
  return (
    <li className="design-card" onKeyDown={moveKeys(move)} data-endpoint={id}>
      <div className="card-row">
        <select
          aria-label={`Method of endpoint ${index + 1}`}
          className={`method-select method-${e.method.toLowerCase()}`}
          value={e.method}
          onChange={(ev) => s().updateEndpoint(id, { method: ev.currentTarget.value as EndpointMethod })}
        >
          {ENDPOINT_METHODS.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
        <TextDraft
          className="grow mono"
          required
          aria-label={`Path of endpoint ${index + 1}`}
          placeholder="/v1/urls/{code}"
          value={e.path}
          onCommit={(path) => s().updateEndpoint(id, { path })}
        />
        <RowActions what={`endpoint ${what}`} index={index} count={count} onMove={move} onRemove={() => s().removeEndpoint(id)} />
      </div>
      <TextDraft className="summary" aria-label={`Summary of endpoint ${index + 1}`} placeholder="What it does" value={e.summary ?? ''} onCommit={(summary) => s().updateEndpoint(id, { summary })} />
      <details className="card-more">
        <summary>Request, response{requirements.order.length > 0 ? ', requirements' : ''}</summary>
        <TextDraft multiline className="mono" aria-label={`Request of endpoint ${index + 1}`} placeholder="{ longUrl, alias? }" value={e.request ?? ''} onCommit={(request) => s().updateEndpoint(id, { request })} />
        <TextDraft multiline className="mono" aria-label={`Response of endpoint ${index + 1}`} placeholder="{ code, shortUrl }" value={e.response ?? ''} onCommit={(response) => s().updateEndpoint(id, { response })} />
        {requirements.order.length > 0 && (
          <fieldset className="check-list">
            <legend>Serves</legend>
            {requirements.order.map((rid, i) => (
              <label key={rid} className="checkbox">
                <input
                  type="checkbox"
                  checked={served.has(rid)}
                  onChange={(ev) => {
                    const next = ev.currentTarget.checked ? [...served, rid] : [...served].filter((x) => x !== rid);
                    // Kept in the requirements' own order.
                    s().updateEndpoint(id, { requirements: requirements.order.filter((r) => next.includes(r)) });
                  }}
                />
                R{i + 1}. {requirements.byId.get(rid)!.text || '(no text)'}
              </label>
            ))}
          </fieldset>
        )}
      </details>
    </li>
  );
}

function EndpointsEditorView({ node }: { node: string }) {
  const store = useEditorStore();
  const endpoints = useEditor(selectEndpointsOf(node));
  return (
    <section className="inspector-design" aria-label="Endpoints">
      <h3 className="inspector-subheading">Endpoints</h3>
      {endpoints.length === 0 && <p className="design-empty">The APIs this component serves.</p>}
      <ol className="design-list">
        {endpoints.map((e, i) => (
          <EndpointCard key={e.id} id={e.id} index={i} count={endpoints.length} />
        ))}
      </ol>
      <button
        type="button"
        className="secondary small add-button"
        onClick={() => {
          const id = store.getState().addEndpoint(node);
          if (id) requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`[data-endpoint="${CSS.escape(id)}"] input`)?.select());
        }}
      >
        <Plus size={13} aria-hidden="true" /> Add endpoint
      </button>
    </section>
  );
}

export const EndpointsEditor = memo(EndpointsEditorView);
