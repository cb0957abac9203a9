/**
 * The "Templates" and "Start practice" dialogs: the two ways to begin from something other than a
 * blank canvas. Loaded when first opened (PracticeButtons.tsx).
 */
import { Download, FileUp, Package, Trash2 } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useEditor, useEditorStore } from '../bindings/editorContext';
import { HiddenFileInput } from './HiddenFileInput';
import type { Flow } from '../model/diagram';
import { PROBLEM_LIST, TEMPLATE_LIST } from '../model/practice/problemLibrary';

function useModal() {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  return dialog;
}

export function TemplatesDialog({ onClose }: { onClose: () => void }) {
  const store = useEditorStore();
  const dialog = useModal();
  return (
    <dialog ref={dialog} className="dialog wide" aria-labelledby="templates-title" onClose={onClose} onCancel={onClose}>
      <h2 id="templates-title">Templates</h2>
      <p className="dialog-hint">Each opens as a new diagram in My diagrams, laid out and valid, sized for its typical load.</p>
      <ul className="template-list">
        {TEMPLATE_LIST.map((t) => (
          <li key={t.id}>
            <button
              type="button"
              className="template-item"
              onClick={() => {
                onClose();
                void store.getState().openTemplate(t.id);
              }}
            >
              <strong>{t.title}</strong>
              <span>{t.description}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="row end">
        <button type="button" onClick={onClose}>Cancel</button>
      </div>
    </dialog>
  );
}

/** Adding, exporting and removing the user's own problems, inside the Start practice dialog. */
function OwnProblems({ selected, onAdded }: { selected: string; onAdded: (id: string) => void }) {
  const store = useEditorStore();
  const own = useEditor((s) => s.practiceUserProblems);
  const fileInput = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const s = () => store.getState();
  async function add(file: File) {
    const result = await s().addPracticeProblems(file);
    if (!result.ok) {
      setMessage({ ok: false, text: `${file.name} was not added. ${result.message}` });
      return;
    }
    const { added } = result;
    setMessage({ ok: true, text: `Added ${added.length === 1 ? `“${added[0]!.title}”` : `${added.length} problems`} from ${file.name}.` });
    onAdded(added[0]!.id);
  }
  return (
    <div
      className="own-problems"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        }
      }}
      onDrop={(e) => {
        const file = e.dataTransfer.files[0];
        if (!file) return;
        e.preventDefault();
        void add(file);
      }}
    >
      <div className="row wrap">
        <button type="button" className="secondary" onClick={() => fileInput.current?.click()}>
          <FileUp size={14} aria-hidden="true" /> Add problem file…
        </button>
        <button type="button" className="secondary" onClick={() => void s().exportPracticeProblem(selected)}>
          <Download size={14} aria-hidden="true" /> Export this problem
        </button>
        {own.length > 1 && (
          <button type="button" className="secondary" onClick={() => void s().exportPracticePack(own.map((p) => p.id))}>
            <Package size={14} aria-hidden="true" /> Export yours as a pack
          </button>
        )}
      </div>
      <p className="dialog-hint">Or drop a problem or pack file here (docs/problem-format.md). Yours are kept in this browser.</p>
      <HiddenFileInput ref={fileInput} accept=".json,application/json" label="Problem file to add" onFile={(file) => void add(file)} />
      {message && (
        <p className={message.ok ? 'own-problems-ok' : 'warning-text'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {own.length > 0 && (
        <ul className="own-problem-list" aria-label="Your problems">
          {own.map((p) => (
            <li key={p.id}>
              <span>{p.title}</span>
              <button type="button" className="icon-button" aria-label={`Export ${p.title}`} title="Export" onClick={() => void s().exportPracticeProblem(p.id)}>
                <Download size={14} aria-hidden="true" />
              </button>
              <button type="button" className="icon-button" aria-label={`Remove ${p.title}`} title="Remove from this browser" onClick={() => s().removePracticeProblem(p.id)}>
                <Trash2 size={14} aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function StartPracticeDialog({ onClose }: { onClose: () => void }) {
  const store = useEditorStore();
  const dialog = useModal();
  const own = useEditor((s) => s.practiceUserProblems);
  const [chosen, setProblemId] = useState(PROBLEM_LIST[0]!.id);
  const [flow, setFlow] = useState<Flow>('bottom-up');
  const [minutes, setMinutes] = useState(45);
  // A removed problem of one's own falls back to the first shipped one.
  const problemId = PROBLEM_LIST.some((p) => p.id === chosen) || own.some((p) => p.id === chosen) ? chosen : PROBLEM_LIST[0]!.id;
  const valid = Number.isInteger(minutes) && minutes >= 5 && minutes <= 240;
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="practice-title" onClose={onClose} onCancel={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) return;
          onClose();
          void store.getState().startPractice({ problemId, flow, lengthMinutes: minutes });
        }}
      >
        <h2 id="practice-title">Start practice</h2>
        <p className="dialog-hint">A timed system-design interview: the steps in your flow's order, hints on request, and a review when you finish.</p>
        <label className="field">
          <span>Problem</span>
          <select value={problemId} onChange={(e) => setProblemId(e.currentTarget.value)}>
            <optgroup label="Shipped with Archflow">
              {PROBLEM_LIST.map((p) => (
                <option key={p.id} value={p.id}>{p.title}</option>
              ))}
            </optgroup>
            {own.length > 0 && (
              <optgroup label="Yours">
                {own.map((p) => (
                  <option key={p.id} value={p.id}>{p.title}</option>
                ))}
              </optgroup>
            )}
          </select>
        </label>
        <OwnProblems selected={problemId} onAdded={setProblemId} />
        <fieldset>
          <legend>Flow</legend>
          {(['bottom-up', 'top-down'] as const).map((f) => (
            <label key={f} className="choice">
              <input type="radio" name="practice-flow" value={f} checked={flow === f} onChange={() => setFlow(f)} />
              {f === 'bottom-up' ? 'Bottom-up (requirements first)' : 'Top-down (data first)'}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>Length (minutes)</span>
          <input type="number" min={5} max={240} step={5} value={Number.isNaN(minutes) ? '' : minutes} onChange={(e) => setMinutes(e.currentTarget.valueAsNumber)} aria-invalid={!valid} />
        </label>
        {!valid && <p className="warning-text">Choose a length from 5 to 240 minutes.</p>}
        <div className="row end">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary" disabled={!valid}>Start</button>
        </div>
      </form>
    </dialog>
  );
}
