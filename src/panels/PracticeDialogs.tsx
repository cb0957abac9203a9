/** "Templates" and "Start practice": the two ways to begin from something other than a blank canvas. */
import { GraduationCap, LayoutTemplate } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useEditorStore } from '../bindings/editorContext';
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

function TemplatesDialog({ onClose }: { onClose: () => void }) {
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

function StartPracticeDialog({ onClose }: { onClose: () => void }) {
  const store = useEditorStore();
  const dialog = useModal();
  const [problemId, setProblemId] = useState(PROBLEM_LIST[0]!.id);
  const [flow, setFlow] = useState<Flow>('bottom-up');
  const [minutes, setMinutes] = useState(45);
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
            {PROBLEM_LIST.map((p) => (
              <option key={p.id} value={p.id}>{p.title}</option>
            ))}
          </select>
        </label>
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

/** The top bar's two buttons and their dialogs. */
export function PracticeButtons() {
  const [open, setOpen] = useState<'templates' | 'practice' | null>(null);
  return (
    <>
      {/* Icons like the rest of the top bar: with text labels it overflowed at 1280 px and the
          buttons lay over Share live. */}
      <button type="button" className="tool-button" aria-label="Templates" title="Templates" onClick={() => setOpen('templates')}>
        <LayoutTemplate size={18} aria-hidden="true" />
      </button>
      <button type="button" className="tool-button" aria-label="Start practice" title="Start practice" onClick={() => setOpen('practice')}>
        <GraduationCap size={18} aria-hidden="true" />
      </button>
      {open === 'templates' && <TemplatesDialog onClose={() => setOpen(null)} />}
      {open === 'practice' && <StartPracticeDialog onClose={() => setOpen(null)} />}
    </>
  );
}
