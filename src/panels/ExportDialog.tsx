/** Export options: scale, background and padding, then the export itself. */
import { useEffect, useRef, useState } from 'react';
import { useEditor, useEditorStore } from '../bindings/editorContext';
import type { ExportSettings } from '../store/workspaceTypes';

export function ExportDialog({ format, onClose }: { format: 'png' | 'svg'; onClose: () => void }) {
  const store = useEditorStore();
  const phase = useEditor((s) => s.exportStep);
  const done = useEditor((s) => s.exportDone);
  const analysisShown = useEditor((s) => s.capacity !== null);
  const [settings, setSettings] = useState<ExportSettings>({ scale: 2, background: 'theme', padding: 40, capacityOverlay: true });
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const run = async () => {
    const ok = await store.getState().exportImage(format, settings);
    // Closed in the next task: the one that hands the file to the browser stays short on a slow CPU.
    if (ok) setTimeout(onClose, 0);
  };
  const name = format === 'png' ? 'PNG' : 'SVG';
  // Closing the dialog (Cancel, Escape) while it exports stops the export: no file comes later.
  const close = () => {
    if (store.getState().exportStep !== null) store.getState().cancelExport();
    onClose();
  };
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="export-title" onClose={close} onCancel={close}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <h2 id="export-title">Export {name}</h2>
        <p className="dialog-hint">The whole diagram is exported, with the diagram itself inside the file: open the image in Archflow to edit it again.</p>
        {format === 'png' && (
          <fieldset>
            <legend>Scale</legend>
            {([1, 2, 3] as const).map((scale) => (
              <label key={scale} className="choice">
                <input type="radio" name="scale" checked={settings.scale === scale} onChange={() => setSettings({ ...settings, scale })} />
                {scale}×
              </label>
            ))}
          </fieldset>
        )}
        <fieldset>
          <legend>Background</legend>
          {(
            [
              ['theme', 'Theme'],
              ['white', 'White'],
              ['transparent', 'Transparent'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="choice">
              <input type="radio" name="background" checked={settings.background === value} onChange={() => setSettings({ ...settings, background: value })} />
              {label}
            </label>
          ))}
        </fieldset>
        <label className="field inline">
          Padding (px)
          <input
            type="number"
            min={0}
            max={400}
            step={8}
            value={settings.padding}
            onChange={(e) => setSettings({ ...settings, padding: Math.max(0, Math.min(400, Number(e.currentTarget.value) || 0)) })}
          />
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={analysisShown && settings.capacityOverlay !== false}
            disabled={!analysisShown}
            aria-describedby="export-overlay-hint"
            onChange={(e) => setSettings({ ...settings, capacityOverlay: e.currentTarget.checked })}
          />
          Include capacity overlay
        </label>
        <p id="export-overlay-hint" className="dialog-hint">
          {analysisShown
            ? 'Utilisation colours, badges and requests per second on the connections, as on the canvas.'
            : 'Show the analysis in the Capacity panel to include it.'}
        </p>
        {phase && (
          <div className="dialog-progress">
            {/* The share drawn is the bar's value (read on demand); only the step is announced. */}
            <progress aria-label="Export progress" max={1} value={done ?? undefined} />
            <span role="status" aria-live="polite">
              {phase}…
            </span>
            {done !== null && <span className="dialog-progress-share" aria-hidden="true">{Math.round(done * 100)}%</span>}
          </div>
        )}
        <div className="row end">
          <button type="button" className="secondary" onClick={close}>
            {phase ? 'Cancel export' : 'Cancel'}
          </button>
          <button type="submit" className="primary" disabled={phase !== null}>
            Download {name}
          </button>
        </div>
      </form>
    </dialog>
  );
}
