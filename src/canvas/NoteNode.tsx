/**
 * A sticky note on the canvas: free text in a colour, resizable, optionally pinned to a
 * component (then it moves and lays out with it). Double-click (or Enter) edits its text; a small
 * toolbar above a selected note sets its colour, pins it and removes it.
 */
import { NodeResizer, NodeToolbar, Position, type Node, type NodeProps } from '@xyflow/react';
import { Pin, Trash2 } from 'lucide-react';
import { memo, useEffect, useRef, useState } from 'react';
import { useEditorStore } from '../bindings/editorContext';
import { NOTE_COLORS, type NoteColor } from '../model/records/note';
import { ComponentOptions } from './ComponentOptions';

export interface NoteData extends Record<string, unknown> {
  /** The note's own id (the React Flow node's id has a prefix). */
  noteId: string;
  text: string;
  color: NoteColor;
  pin?: string;
  editing: boolean;
}
export type NoteFlowNode = Node<NoteData, 'note'>;

const COLOR_NAMES: Record<NoteColor, string> = { yellow: 'Yellow', blue: 'Blue', green: 'Green', pink: 'Pink', purple: 'Purple', grey: 'Grey' };

function NoteEditor({ id, text }: { id: string; text: string }) {
  const store = useEditorStore();
  const [value, setValue] = useState(text);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  return (
    <textarea
      ref={ref}
      className="note-editor nodrag nopan nowheel"
      aria-label="Note text"
      value={value}
      placeholder="Write a note…"
      onChange={(e) => {
        setValue(e.currentTarget.value);
        store.getState().updateNote(id, { text: e.currentTarget.value });
      }}
      onBlur={() => store.getState().editNote(null)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) e.currentTarget.blur();
      }}
    />
  );
}

function NoteTools({ id, color, pin }: { id: string; color: NoteColor; pin?: string }) {
  const store = useEditorStore();
  const s = () => store.getState();
  return (
    <div className="note-tools" role="toolbar" aria-label="Note">
      <div role="radiogroup" aria-label="Note colour" className="note-swatches">
        {NOTE_COLORS.map((c) => (
          <button
            key={c}
            type="button"
            role="radio"
            aria-checked={c === color}
            aria-label={COLOR_NAMES[c]}
            title={COLOR_NAMES[c]}
            className={`note-swatch note-${c}`}
            onClick={() => s().updateNote(id, { color: c })}
          />
        ))}
      </div>
      <label className="note-pin" title="Pin to a component: the note moves with it">
        <Pin size={13} aria-hidden="true" />
        <select aria-label="Pin note to" value={pin ?? ''} onChange={(e) => s().pinNote(id, e.currentTarget.value || null)}>
          <option value="">Not pinned</option>
          <ComponentOptions />
        </select>
      </label>
      <button type="button" className="mini-button danger" aria-label="Delete note" title="Delete note" onClick={() => s().removeNotes([id])}>
        <Trash2 size={14} aria-hidden="true" />
      </button>
    </div>
  );
}

function NoteNodeView({ data, selected, dragging }: NodeProps<NoteFlowNode>) {
  const store = useEditorStore();
  return (
    <div
      className={`note note-${data.color}${selected ? ' is-selected' : ''}${data.pin ? ' is-pinned' : ''}`}
      onDoubleClick={(e) => {
        e.stopPropagation();
        store.getState().editNote(data.noteId);
      }}
    >
      <NodeResizer isVisible={selected && !data.editing} minWidth={90} minHeight={56} lineClassName="arch-resize-line" handleClassName="arch-resize-handle" />
      <NodeToolbar isVisible={selected && !dragging} position={Position.Top} align="start" offset={8}>
        <NoteTools id={data.noteId} color={data.color} pin={data.pin} />
      </NodeToolbar>
      {data.pin && <Pin className="note-pin-mark" size={12} aria-label="Pinned" />}
      {data.editing ? (
        <NoteEditor id={data.noteId} text={data.text} />
      ) : (
        <div className="note-text">{data.text || <span className="note-placeholder">Double-click to write</span>}</div>
      )}
    </div>
  );
}

export const NoteNode = memo(NoteNodeView);
