/** The title, the toolbar and the flow direction: everything that acts on the whole diagram. */
import {
  ArrowDownUp,
  Download,
  FileCode,
  FileText,
  FilePlus,
  FolderOpen,
  Grid3x3,
  Image,
  LayoutDashboard,
  Moon,
  Redo2,
  Share2,
  Sun,
  Undo2,
  Users,
  Workflow,
} from 'lucide-react';
import { memo, useRef, useState, type ReactNode } from 'react';
import { useEditor, useEditorStore } from '../bindings/editorContext';
import type { Flow, LayoutDirection } from '../model/diagram';
import { selectCanRedo, selectCanUndo } from '../store/selectors';
import { HiddenFileInput } from './HiddenFileInput';
import { lazyView } from './lazyView';
import { PracticeButtons } from './PracticeButtons';

// Dialogs load when first opened: none is part of the first paint (BENCHMARKS.md, "Bundle").
const ExportDialog = lazyView(() => import('./ExportDialog'), 'ExportDialog');
const LiveDialog = lazyView(() => import('./LiveDialog'), 'LiveDialog');
const ShareDialog = lazyView(() => import('./ShareDialog'), 'ShareDialog');

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

function ToolButton({
  label,
  shortcut,
  onClick,
  disabled,
  children,
  pressed,
  text,
}: {
  label: string;
  shortcut?: string;
  onClick: () => void;
  disabled?: boolean;
  children: ReactNode;
  pressed?: boolean;
  text?: boolean;
}) {
  return (
    <button
      type="button"
      className={`tool-button${text ? ' with-text' : ''}`}
      aria-label={label}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut}
      title={shortcut ? `${label} (${shortcut.replace('Control+', MOD)})` : label}
      onClick={onClick}
      disabled={disabled}
    >
      {children}
    </button>
  );
}

function TopBarView() {
  const store = useEditorStore();
  const title = useEditor((s) => s.meta.title);
  const flow = useEditor((s) => s.meta.flow);
  const direction = useEditor((s) => s.meta.layout?.direction);
  const canUndo = useEditor(selectCanUndo);
  const canRedo = useEditor(selectCanRedo);
  const theme = useEditor((s) => s.theme);
  const layoutBusy = useEditor((s) => s.layoutBusy);
  const snapToGrid = useEditor((s) => s.snapToGrid);
  const [exporting, setExporting] = useState<'png' | 'svg' | null>(null);
  const [sharing, setSharing] = useState(false);
  const [sharingLive, setSharingLive] = useState(false);
  const inRoom = useEditor((st) => st.live.room !== null);
  const fileInput = useRef<HTMLInputElement>(null);
  const s = () => store.getState();
  return (
    <header className="topbar">
      <h1 className="brand">
        <Workflow size={20} aria-hidden="true" />
        <span>Archflow</span>
      </h1>
      <input
        className="title-input"
        aria-label="Diagram title"
        value={title}
        placeholder="Untitled diagram"
        onChange={(e) => s().setTitle(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === 'Escape') e.currentTarget.blur();
        }}
      />
      <div role="toolbar" aria-label="Diagram" className="toolbar">
        <ToolButton label="New diagram" onClick={() => void s().createStored()}>
          <FilePlus size={18} aria-hidden="true" />
        </ToolButton>
        <ToolButton label="Open" shortcut="Control+O" onClick={() => fileInput.current?.click()}>
          <FolderOpen size={18} aria-hidden="true" />
        </ToolButton>
        <ToolButton label="Save" shortcut="Control+S" onClick={() => s().saveFile()}>
          <Download size={18} aria-hidden="true" />
        </ToolButton>
        <span className="toolbar-sep" />
        <ToolButton label="Undo" shortcut="Control+Z" onClick={() => s().undo()} disabled={!canUndo}>
          <Undo2 size={18} aria-hidden="true" />
        </ToolButton>
        <ToolButton label="Redo" shortcut="Control+Shift+Z" onClick={() => s().redo()} disabled={!canRedo}>
          <Redo2 size={18} aria-hidden="true" />
        </ToolButton>
        <span className="toolbar-sep" />
        <ToolButton label="Auto layout" shortcut="Shift+L" onClick={() => void s().autoLayout()} disabled={layoutBusy} text>
          <LayoutDashboard size={18} aria-hidden="true" />
          <span aria-hidden="true">Auto layout</span>
        </ToolButton>
        <label className="select-label">
          <span className="visually-hidden">Layout direction</span>
          <select
            aria-label="Layout direction"
            value={direction ?? ''}
            onChange={(e) => s().setLayoutDirection((e.currentTarget.value || undefined) as LayoutDirection | undefined)}
          >
            <option value="">Follow flow</option>
            <option value="up">Edges up</option>
            <option value="down">Edges down</option>
            <option value="right">Edges right</option>
            <option value="left">Edges left</option>
          </select>
        </label>
        <ToolButton label="Snap to grid" pressed={snapToGrid} onClick={() => s().setSnapToGrid(!snapToGrid)}>
          <Grid3x3 size={18} aria-hidden="true" />
        </ToolButton>
        <span className="toolbar-sep" />
        <ToolButton label="Export PNG" onClick={() => setExporting('png')}>
          <Image size={18} aria-hidden="true" />
        </ToolButton>
        <ToolButton label="Export SVG" onClick={() => setExporting('svg')}>
          <span className="tool-text" aria-hidden="true">SVG</span>
        </ToolButton>
        <ToolButton
          label="Share link"
          onClick={() => {
            void s().shareLink();
            setSharing(true);
          }}
        >
          <Share2 size={18} aria-hidden="true" />
        </ToolButton>
        <ToolButton label="Copy as Mermaid" onClick={() => void s().copyMermaid()}>
          <FileCode size={18} aria-hidden="true" />
        </ToolButton>
        <ToolButton label="Export design doc" onClick={() => void s().exportDesignDoc()}>
          <FileText size={18} aria-hidden="true" />
        </ToolButton>
        <span className="toolbar-sep" />
        <ToolButton label="Share live" onClick={() => setSharingLive(true)}>
          <Users size={18} aria-hidden="true" />
          {inRoom && <span className="live-on" aria-hidden="true" />}
        </ToolButton>
        <PracticeButtons />
      </div>
      <div role="radiogroup" aria-label="Flow direction" className="flow-switch">
        <ArrowDownUp size={16} aria-hidden="true" />
        {(
          [
            ['bottom-up', 'Bottom-up'],
            ['top-down', 'Top-down'],
          ] as [Flow, string][]
        ).map(([value, label]) => (
          <label key={value} className={`flow-option${flow === value ? ' is-active' : ''}`}>
            <input type="radio" name="flow" value={value} checked={flow === value} onChange={() => s().setFlow(value)} />
            {label}
          </label>
        ))}
      </div>
      <ToolButton label="Dark theme" pressed={theme === 'dark'} onClick={() => s().toggleTheme()}>
        {theme === 'dark' ? <Sun size={18} aria-hidden="true" /> : <Moon size={18} aria-hidden="true" />}
      </ToolButton>
      <HiddenFileInput ref={fileInput} accept=".json,.archflow.json,application/json,image/png,image/svg+xml,.svg,.png" label="Diagram file to open" onFile={(file) => void s().openFile(file)} />
      {exporting && <ExportDialog format={exporting} onClose={() => setExporting(null)} />}
      {sharing && <ShareDialog onClose={() => setSharing(false)} />}
      {sharingLive && <LiveDialog onClose={() => setSharingLive(false)} />}
    </header>
  );
}

export const TopBar = memo(TopBarView);
