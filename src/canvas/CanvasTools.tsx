/**
 * Tools on the canvas itself, as whiteboards place them: the Note tool (N) and "Record path".
 * While a path is recorded, a bar lists the components clicked so far, with Done and Cancel
 * (Escape cancels).
 */
import { Panel, useReactFlow } from '@xyflow/react';
import { Check, StickyNote, Route, Undo2, X } from 'lucide-react';
import { memo } from 'react';
import { useEditor, useEditorStore } from '../bindings/editorContext';
import { nodeName } from '../model/nodeName';

function RecordingBar({ steps }: { steps: readonly string[] }) {
  const store = useEditorStore();
  const nodes = useEditor((s) => s.doc.nodes);
  const s = () => store.getState();
  return (
    <div className="recording-bar" role="region" aria-label="Recording a request path">
      <span className="recording-dot" aria-hidden="true" />
      <span className="recording-steps" aria-live="polite">
        {steps.length === 0
          ? 'Click the components a request visits, in order.'
          : steps.map((id, i) => (
              <span key={`${i}-${id}`} className="recording-step">
                {i > 0 && <span aria-hidden="true"> → </span>}
                {nodeName(nodes.byId.get(id))}
              </span>
            ))}
      </span>
      <button type="button" className="mini-button" aria-label="Take back the last step" title="Take back the last step" disabled={steps.length === 0} onClick={() => s().undoPathStep()}>
        <Undo2 size={14} aria-hidden="true" />
      </button>
      <button type="button" className="primary small" disabled={steps.length === 0} onClick={() => s().finishPathRecording()}>
        <Check size={14} aria-hidden="true" /> Done
      </button>
      <button type="button" className="secondary small" aria-keyshortcuts="Escape" onClick={() => s().cancelPathRecording()}>
        <X size={14} aria-hidden="true" /> Cancel
      </button>
    </div>
  );
}

function CanvasToolsView() {
  const store = useEditorStore();
  const noteTool = useEditor((s) => s.noteTool);
  const recording = useEditor((s) => s.pathRecording);
  const rf = useReactFlow();
  const s = () => store.getState();
  const viewCentre = () => {
    const box = document.querySelector('.react-flow')?.getBoundingClientRect();
    return rf.screenToFlowPosition(box ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : { x: 0, y: 0 });
  };
  return (
    <>
      <Panel position="top-left" className="canvas-tools">
        <div role="toolbar" aria-label="Canvas tools" className="canvas-toolbar">
          <button
            type="button"
            className="tool-button with-text"
            aria-pressed={noteTool}
            aria-keyshortcuts="N"
            title="Note (N): click on the canvas to place it"
            onClick={(e) => {
              // From the keyboard (no pointer to place it with): the note goes in the middle of the view.
              if (e.detail === 0 && !noteTool) s().addNote(viewCentre());
              else s().setNoteTool(!noteTool);
            }}
          >
            <StickyNote size={16} aria-hidden="true" /> Note
          </button>
          <button
            type="button"
            className="tool-button with-text"
            aria-pressed={recording !== null}
            title="Record a request path: click components in order"
            onClick={() => (recording ? s().cancelPathRecording() : s().startPathRecording())}
          >
            <Route size={16} aria-hidden="true" /> Record path
          </button>
        </div>
        {noteTool && <p className="tool-hint">Click where the note goes · Esc to stop</p>}
      </Panel>
      {recording && (
        <Panel position="bottom-center">
          <RecordingBar steps={recording.steps} />
        </Panel>
      )}
    </>
  );
}

export const CanvasTools = memo(CanvasToolsView);
