/**
 * The benchmark's comparison page: React Flow 12 as a developer would first set it up, with the
 * same React Flow settings that change rendering cost in the app (visible-only rendering above 400
 * nodes, zoom limits, fit padding), a simple memoised custom node, default edges, and React
 * Flow's "download image" example for PNG export. Opens a diagram file through a hidden file input
 * labelled like the app's, so both pages are driven the same way.
 */
import '@xyflow/react/dist/style.css';
import './bare.css';
import {
  Background,
  Controls,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  ReactFlowProvider,
  getNodesBounds,
  useEdgesState,
  useNodesState,
  useReactFlow,
  type Edge,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import { toPng } from 'html-to-image';
import { memo, type ChangeEvent } from 'react';
import { createRoot } from 'react-dom/client';

interface FileNode {
  id: string;
  kind: string;
  label: string;
  parent?: string;
  position?: { x: number; y: number };
  size?: { width: number; height: number };
  tech?: string;
}
interface FileEdge {
  id: string;
  source: string;
  target: string;
  label?: string;
  protocol?: string;
}

type BareData = { label: string; sub?: string };
type BareNodeType = Node<BareData, 'bare'>;

const BareNode = memo(function BareNode({ data }: NodeProps<BareNodeType>) {
  return (
    <>
      <Handle type="target" position={Position.Bottom} />
      <div>{data.label}</div>
      {data.sub && <div className="bare-sub">{data.sub}</div>}
      <Handle type="source" position={Position.Top} />
    </>
  );
});

const nodeTypes = { bare: BareNode };
const FIT = { padding: 0.15, maxZoom: 1.25 };
const PADDING = 40;

function toNodes(list: FileNode[]): Node[] {
  const nodes: Node[] = list.map((n) => {
    const node: Node =
      n.kind === 'group'
        ? { id: n.id, type: 'group', position: n.position ?? { x: 0, y: 0 }, data: { label: n.label }, width: n.size?.width ?? 360, height: n.size?.height ?? 240, zIndex: -1 }
        : { id: n.id, type: 'bare', position: n.position ?? { x: 0, y: 0 }, data: { label: n.label, ...(n.tech ? { sub: n.tech } : {}) } };
    if (n.parent) node.parentId = n.parent;
    return node;
  });
  // React Flow needs parents before children; the benchmark files list groups first already.
  return nodes;
}

function toEdges(list: FileEdge[]): Edge[] {
  return list.map((e) => {
    const text = [e.label, e.protocol].filter(Boolean).join(' · ');
    return { id: e.id, source: e.source, target: e.target, markerEnd: { type: MarkerType.ArrowClosed }, ...(text ? { label: text } : {}) };
  });
}

function Flow() {
  const [nodes, setNodes, onNodesChange] = useNodesState<Node>([]);
  const [edges, setEdges, onEdgesChange] = useEdgesState<Edge>([]);
  const rf = useReactFlow();

  const open = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    if (!file) return;
    const doc = JSON.parse(await file.text()) as { nodes: FileNode[]; edges: FileEdge[] };
    setNodes(toNodes(doc.nodes));
    setEdges(toEdges(doc.edges));
    void rf.fitView(FIT);
  };

  // React Flow's "download image" example, sized to the whole diagram at 1:1 like the app's export.
  const downloadImage = async () => {
    const bounds = getNodesBounds(rf.getNodes());
    const width = Math.ceil(bounds.width + 2 * PADDING);
    const height = Math.ceil(bounds.height + 2 * PADDING);
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const dataUrl = await toPng(viewport, {
      backgroundColor: '#ffffff',
      width,
      height,
      pixelRatio: 2,
      style: { width: `${width}px`, height: `${height}px`, transform: `translate(${PADDING - bounds.x}px, ${PADDING - bounds.y}px) scale(1)` },
    });
    const a = document.createElement('a');
    a.setAttribute('download', 'bare.png');
    a.setAttribute('href', dataUrl);
    a.click();
  };

  return (
    <>
      <input className="bare-file" type="file" aria-label="Diagram file to open" onChange={(e) => void open(e)} />
      <div className="bare-toolbar">
        <button type="button" onClick={() => void downloadImage()}>
          Download image
        </button>
      </div>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onlyRenderVisibleElements={nodes.length > 400}
        minZoom={0.02}
        maxZoom={3}
        fitView
        fitViewOptions={FIT}
      >
        <Background />
        <Controls />
      </ReactFlow>
    </>
  );
}

// The benchmark sizes the canvas like the app's (?x=&y=&w=&h=), so both draw the same area.
const params = new URLSearchParams(location.search);
const px = (name: string, fallback: number) => `${Number(params.get(name) ?? fallback)}px`;
const frame = document.getElementById('root')!;
frame.className = 'bare-frame';
Object.assign(frame.style, { left: px('x', 0), top: px('y', 0), width: px('w', 1200), height: px('h', 800) });
createRoot(frame).render(
  <ReactFlowProvider>
    <Flow />
  </ReactFlowProvider>,
);
(window as unknown as { __bareReady?: boolean }).__bareReady = true;
