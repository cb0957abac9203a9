/** The editor's frame: top bar, palette and diagrams on the left, canvas, inspector and validation on the right. */
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect } from 'react';
import { Canvas } from '../canvas/Canvas';
import { CapacityPanel } from '../panels/CapacityPanel';
import { DesignPanel } from '../panels/DesignPanel';
import { DiagramsPanel } from '../panels/DiagramsPanel';
import { Inspector } from '../panels/Inspector';
import { LivePresence } from '../panels/LivePresence';
import { Notices } from '../panels/Notices';
import { Palette } from '../panels/Palette';
import { lazyView } from '../panels/lazyView';
import { PathsPanel } from '../panels/PathsPanel';
import { TopBar } from '../panels/TopBar';
import { ValidationPanel } from '../panels/ValidationPanel';
import type { EditorStore } from '../store/editorStore';
import { EditorProvider, useEditor } from '../bindings/editorContext';
import { useShortcuts } from './useShortcuts';

// Practice's panels load once a diagram holds a practice session (or a reference is compared):
// most first paints have neither (BENCHMARKS.md, "Bundle").
const PracticePanel = lazyView(() => import('../panels/PracticePanel'), 'PracticePanel');
const ReviewPanel = lazyView(() => import('../panels/ReviewPanel'), 'ReviewPanel');
const ReferenceDiffPanel = lazyView(() => import('../panels/ReferenceDiffPanel'), 'ReferenceDiffPanel');

function Chrome() {
  const theme = useEditor((s) => s.theme);
  const title = useEditor((s) => s.meta.title);
  const layoutBusy = useEditor((s) => s.layoutBusy);
  const practising = useEditor((s) => s.meta.practice !== undefined);
  const comparing = useEditor((s) => s.practiceComparison !== null);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  useEffect(() => {
    document.title = `${title || 'Untitled diagram'} · Archflow`;
  }, [title]);
  return (
    <div className="app" data-theme={theme}>
      <TopBar />
      <aside className="sidebar left" aria-label="Palette and diagrams">
        <Palette />
        <DiagramsPanel />
      </aside>
      <main className="canvas-area">
        <Canvas />
        <LivePresence />
        {layoutBusy && <div className="busy-chip">Laying out…</div>}
        <Notices />
      </main>
      <DesignPanel />
      <aside className="sidebar right" aria-label="Properties, capacity and validation">
        {practising && <PracticePanel />}
        {practising && <ReviewPanel />}
        {comparing && <ReferenceDiffPanel />}
        <Inspector />
        <CapacityPanel />
        <ValidationPanel />
        <PathsPanel />
      </aside>
    </div>
  );
}

export function App({ store }: { store: EditorStore }) {
  useShortcuts(store);
  return (
    <EditorProvider store={store}>
      <ReactFlowProvider>
        <Chrome />
      </ReactFlowProvider>
    </EditorProvider>
  );
}
