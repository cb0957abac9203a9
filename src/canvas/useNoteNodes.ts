/**
 * The notes as React Flow nodes, after the components: a pinned note is a child of its component
 * (React Flow then moves it with it, and its saved position is already relative to it). Each
 * note's object is kept while its record, selection and editing state are unchanged, so a drag
 * of a component does not re-render the notes.
 */
import { useMemo, useRef } from 'react';
import { useEditor } from '../bindings/editorContext';
import type { DiagramNote } from '../model/records/note';
import type { NoteFlowNode } from './NoteNode';

/** React Flow's id of a note: the prefix keeps notes and components apart. */
export const NOTE_NODE_PREFIX = 'note:';
export const noteNodeId = (id: string) => `${NOTE_NODE_PREFIX}${id}`;
const DEFAULT_SIZE = { width: 180, height: 120 };

interface Entry {
  record: DiagramNote;
  selected: boolean;
  editing: boolean;
  hasPin: boolean;
  node: NoteFlowNode;
}

export function useNoteNodes(): NoteFlowNode[] {
  const notes = useEditor((s) => s.doc.notes);
  const nodes = useEditor((s) => s.doc.nodes);
  const selection = useEditor((s) => s.noteSelection);
  const editing = useEditor((s) => s.editingNote);
  const cache = useRef(new Map<string, Entry>());
  // Only whether a pin exists matters here: ids, not every node move.
  const pinKey = useMemo(() => notes.order.map((id) => (nodes.byId.has(notes.byId.get(id)!.pin ?? '') ? '1' : '0')).join(''), [notes, nodes]);
  return useMemo(() => {
    void pinKey;
    const next = new Map<string, Entry>();
    const out: NoteFlowNode[] = [];
    for (const id of notes.order) {
      const record = notes.byId.get(id)!;
      const isSelected = selection.has(id);
      const isEditing = editing === id;
      const hasPin = record.pin !== undefined && nodes.byId.has(record.pin);
      const old = cache.current.get(id);
      let entry = old;
      if (!old || old.record !== record || old.selected !== isSelected || old.editing !== isEditing || old.hasPin !== hasPin) {
        const size = record.size ?? DEFAULT_SIZE;
        const node: NoteFlowNode = {
          id: noteNodeId(id),
          type: 'note',
          position: record.position,
          data: { noteId: id, text: record.text, color: record.color ?? 'yellow', editing: isEditing, ...(hasPin ? { pin: record.pin } : {}) },
          width: size.width,
          height: size.height,
          selected: isSelected,
          // Notes lie above the components they talk about.
          zIndex: 10,
          ...(hasPin ? { parentId: record.pin } : {}),
          ...(isEditing ? { draggable: false } : {}),
        };
        entry = { record, selected: isSelected, editing: isEditing, hasPin, node };
      }
      next.set(id, entry!);
      out.push(entry!.node);
    }
    cache.current = next;
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `nodes` is read through pinKey: a move must not rebuild
  }, [notes, selection, editing, pinKey]);
}
