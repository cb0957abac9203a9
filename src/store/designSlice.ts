/**
 * The design's actions (issue 12): requirements, scale figures, endpoints on servers, entities on
 * datastores, request paths and sticky notes. Each document edit is one `changeRecords` call, so
 * one undo step, one save and one sync update; a burst of typing in one field is one step (the
 * key names the record and the field). Removing a requirement or an endpoint drops the references
 * to it in the same step (`changeRecords` applies src/model/cascadeRemoval.ts). Path recording, the path on show, the
 * Note tool and note selection are session state: never saved, never undone.
 *
 * Longer than our usual ~400 lines on purpose: the actions of the design tables share the same
 * id, reorder and put helpers and one rule for typing keys and limits, and read as one list in the
 * drawer's order; split by table, each file would repeat those helpers.
 */
import type { StateCreator } from 'zustand/vanilla';
import { absolutePosition } from '../model/absolutePosition';
import type { Point } from '../model/diagram';
import { createId } from '../model/ids';
import { LIMITS } from '../model/limits';
import { moveInOrder, moveItem } from '../model/moveInOrder';
import type { ScaleRequirements } from '../model/records/documentMeta';
import type { DiagramEndpoint } from '../model/records/endpoint';
import type { DiagramEntity, EntityField } from '../model/records/entity';
import type { DiagramNote } from '../model/records/note';
import type { DiagramPath } from '../model/records/requestPath';
import type { DiagramRequirement } from '../model/records/requirement';
import { clampPoint, clampSize } from '../model/recordLimits';
import { diffOf, type RecordTable } from '../model/recordsDiff';
import { cleanText } from '../model/text';
import type { DesignSlice } from './designTypes';
import type { EditorState } from './editorState';
import type { EditorServices } from './services';

/** A new note's size: a sticky note's proportions, room for three short lines. */
export const NOTE_SIZE = { width: 180, height: 120 } as const;

const label = (text: string) => cleanText(text, LIMITS.maxLabelLength);
const multiline = (text: string) => cleanText(text, LIMITS.maxLabelLength, { multiline: true });

/** `record` with `patch` applied; an undefined, empty or false value removes an optional field. */
function patched<R extends object>(record: R, patch: Record<string, unknown>): R {
  const out = { ...record } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === null || value === '' || value === false || (Array.isArray(value) && value.length === 0)) delete out[key];
    else out[key] = value;
  }
  return out as R;
}

/** Keeps a required text field: an empty value leaves the record as it was (the file needs one). */
function required(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

const ids = (list: readonly string[] | undefined, table: RecordTable<{ id: string }>) => {
  const kept = [...new Set(list ?? [])].filter((id) => table.byId.has(id));
  return kept.slice(0, LIMITS.maxListItems);
};

/** A scale figure as a file may hold it, or undefined to clear it. */
function figure(value: number | undefined): number | undefined {
  if (value === undefined || !Number.isFinite(value) || value < 0) return undefined;
  return Math.min(value, LIMITS.maxFigure);
}

/** The design's session state as a newly opened diagram has it (nothing shown, recorded or selected). */
export const DESIGN_SESSION = {
  activePath: null,
  pathRecording: null,
  noteTool: false,
  noteSelection: new Set<string>() as ReadonlySet<string>,
  editingNote: null,
  designDetails: new Set<string>() as ReadonlySet<string>,
} satisfies Partial<DesignSlice>;

export const createDesignSlice =
  (services: EditorServices): StateCreator<EditorState, [], [], DesignSlice> =>
  (set, get) => {
    const newId = (prefix: string, table: RecordTable<{ id: string }>) =>
      createId(prefix, (candidate) => table.byId.has(candidate), services.idSuffix);

    /** Moves `id` among the records of `table` that `sibling` accepts. */
    function reorder<K extends 'requirements' | 'endpoints' | 'entities' | 'paths'>(table: K, id: string, delta: number, sibling?: (id: string) => boolean) {
      const s = get();
      const order = s.doc[table].order;
      const next = moveInOrder(order, id, delta, sibling);
      if (next !== order) s.changeRecords({ [table]: { order: next } });
    }

    function putEndpoint(id: string, make: (e: DiagramEndpoint) => DiagramEndpoint, key?: string) {
      const s = get();
      const before = s.doc.endpoints.byId.get(id);
      if (!before) return;
      const after = make(before);
      if (after !== before) s.changeRecords({ endpoints: { put: [after] } }, key ? { key } : undefined);
    }

    function putEntity(id: string, make: (e: DiagramEntity) => DiagramEntity, key?: string) {
      const s = get();
      const before = s.doc.entities.byId.get(id);
      if (!before) return;
      const after = make(before);
      if (after !== before) s.changeRecords({ entities: { put: [after] } }, key ? { key } : undefined);
    }

    function putFields(id: string, make: (fields: readonly EntityField[]) => readonly EntityField[], key?: string) {
      putEntity(id, (e) => {
        const fields = make(e.fields);
        return fields === e.fields ? e : { ...e, fields: [...fields] };
      }, key);
    }

    return {
      ...DESIGN_SESSION,

      // Requirements and scale

      addRequirement(text = '', priority = 'must') {
        const s = get();
        if (s.doc.requirements.order.length >= LIMITS.maxRequirements) {
          s.notify('warning', `A diagram holds at most ${LIMITS.maxRequirements} requirements.`);
          return '';
        }
        const id = newId('req', s.doc.requirements);
        s.changeRecords({ requirements: { put: [{ id, text: label(text), priority }] } });
        return id;
      },

      updateRequirement(id, patch) {
        const s = get();
        const before = s.doc.requirements.byId.get(id);
        if (!before) return;
        const after: DiagramRequirement = { ...before };
        if (patch.text !== undefined) after.text = label(patch.text);
        if (patch.priority !== undefined) after.priority = patch.priority;
        if (after.text === before.text && after.priority === before.priority) return;
        s.changeRecords({ requirements: { put: [after] } }, { key: `requirement:${id}:${Object.keys(patch).join(',')}` });
      },

      moveRequirement(id, delta) {
        reorder('requirements', id, delta);
      },

      removeRequirement(id) {
        const s = get();
        if (s.doc.requirements.byId.has(id)) s.changeRecords({ requirements: { remove: [id] } });
      },

      setScale(patch) {
        const s = get();
        const scale: Record<string, number> = { ...s.meta.scale };
        for (const [key, value] of Object.entries(patch)) {
          const clean = figure(value);
          if (clean === undefined) delete scale[key];
          else scale[key] = clean;
        }
        const meta = { ...s.meta };
        if (Object.keys(scale).length === 0) delete meta.scale;
        else meta.scale = scale as ScaleRequirements;
        if (JSON.stringify(meta.scale) === JSON.stringify(s.meta.scale)) return;
        s.changeRecords({ meta }, { key: `scale:${Object.keys(patch).join(',')}` });
      },

      // Endpoints

      addEndpoint(node) {
        const s = get();
        if (!s.doc.nodes.byId.has(node) || s.doc.endpoints.order.length >= LIMITS.maxDesignRecords) return null;
        const id = newId('ep', s.doc.endpoints);
        s.changeRecords({ endpoints: { put: [{ id, node, method: 'GET', path: '/' }] } });
        return id;
      },

      updateEndpoint(id, patch) {
        const s = get();
        const clean: Record<string, unknown> = {};
        if (patch.method !== undefined) clean.method = patch.method;
        if (patch.path !== undefined) {
          const path = required(label(patch.path));
          if (path !== undefined) clean.path = path;
        }
        if (patch.summary !== undefined) clean.summary = label(patch.summary);
        if (patch.request !== undefined) clean.request = multiline(patch.request);
        if (patch.response !== undefined) clean.response = multiline(patch.response);
        if (patch.requirements !== undefined) clean.requirements = ids(patch.requirements, s.doc.requirements);
        if (Object.keys(clean).length === 0) return;
        putEndpoint(id, (e) => patched(e, clean), `endpoint:${id}:${Object.keys(clean).join(',')}`);
      },

      moveEndpoint(id, delta) {
        const { endpoints } = get().doc;
        const node = endpoints.byId.get(id)?.node;
        reorder('endpoints', id, delta, (other) => endpoints.byId.get(other)?.node === node);
      },

      removeEndpoint(id) {
        const s = get();
        if (s.doc.endpoints.byId.has(id)) s.changeRecords({ endpoints: { remove: [id] } });
      },

      // Entities

      addEntity(node) {
        const s = get();
        if (!s.doc.nodes.byId.has(node) || s.doc.entities.order.length >= LIMITS.maxDesignRecords) return null;
        const id = newId('entity', s.doc.entities);
        const taken = new Set([...s.doc.entities.byId.values()].filter((e) => e.node === node).map((e) => e.name));
        let name = 'Entity';
        for (let n = 2; taken.has(name); n++) name = `Entity ${n}`;
        s.changeRecords({ entities: { put: [{ id, node, name, fields: [{ name: 'id', type: 'uuid', primaryKey: true }] }] } });
        return id;
      },

      updateEntity(id, patch) {
        const s = get();
        const clean: Record<string, unknown> = {};
        if (patch.name !== undefined) {
          const name = required(label(patch.name));
          if (name !== undefined) clean.name = name;
        }
        if (patch.endpoints !== undefined) clean.endpoints = ids(patch.endpoints, s.doc.endpoints);
        if (Object.keys(clean).length === 0) return;
        putEntity(id, (e) => patched(e, clean), `entity:${id}:${Object.keys(clean).join(',')}`);
      },

      moveEntity(id, delta) {
        const { entities } = get().doc;
        const node = entities.byId.get(id)?.node;
        reorder('entities', id, delta, (other) => entities.byId.get(other)?.node === node);
      },

      removeEntity(id) {
        const s = get();
        if (s.doc.entities.byId.has(id)) s.changeRecords({ entities: { remove: [id] } });
      },

      addEntityField(id) {
        putFields(id, (fields) => {
          if (fields.length >= LIMITS.maxListItems) return fields;
          const taken = new Set(fields.map((f) => f.name));
          let name = 'field';
          for (let n = 2; taken.has(name); n++) name = `field${n}`;
          return [...fields, { name, type: 'string' }];
        });
      },

      updateEntityField(id, index, patch) {
        const clean: Record<string, unknown> = {};
        if (patch.name !== undefined) {
          const name = required(label(patch.name));
          if (name !== undefined) clean.name = name;
        }
        if (patch.type !== undefined) clean.type = label(patch.type);
        for (const flag of ['primaryKey', 'partitionKey', 'indexed'] as const) {
          if (patch[flag] !== undefined) clean[flag] = patch[flag] ? true : undefined;
        }
        if (Object.keys(clean).length === 0) return;
        putFields(
          id,
          (fields) => {
            const field = fields[index];
            if (!field) return fields;
            // The type is kept even when empty: it is a required field of the file.
            const next = patched(field, { ...clean, ...(clean.type === '' ? { type: undefined } : {}) });
            if (clean.type === '') next.type = '';
            return fields.map((f, i) => (i === index ? next : f));
          },
          `entity:${id}:field:${index}:${Object.keys(clean).join(',')}`,
        );
      },

      moveEntityField(id, index, delta) {
        putFields(id, (fields) => moveItem(fields, index, delta));
      },

      removeEntityField(id, index) {
        putFields(id, (fields) => (index >= 0 && index < fields.length ? fields.filter((_, i) => i !== index) : fields));
      },

      // Request paths

      addPath(steps, name) {
        const s = get();
        const kept = steps.filter((id) => s.doc.nodes.byId.has(id)).slice(0, LIMITS.maxListItems);
        if (kept.length === 0 || s.doc.paths.order.length >= LIMITS.maxDesignRecords) return null;
        const id = newId('path', s.doc.paths);
        const path: DiagramPath = { id, name: label(name ?? `Path ${s.doc.paths.order.length + 1}`), steps: kept };
        s.changeRecords({ paths: { put: [path] } });
        return id;
      },

      updatePath(id, patch) {
        const s = get();
        const before = s.doc.paths.byId.get(id);
        if (!before) return;
        const clean: Record<string, unknown> = {};
        if (patch.name !== undefined) clean.name = label(patch.name);
        if (patch.requirement !== undefined) clean.requirement = patch.requirement !== null && s.doc.requirements.byId.has(patch.requirement) ? patch.requirement : undefined;
        if (patch.endpoint !== undefined) clean.endpoint = patch.endpoint !== null && s.doc.endpoints.byId.has(patch.endpoint) ? patch.endpoint : undefined;
        if (patch.steps !== undefined) {
          const steps = patch.steps.filter((n) => s.doc.nodes.byId.has(n)).slice(0, LIMITS.maxListItems);
          // A path keeps at least one step: removing the last one removes the path.
          if (steps.length === 0) return get().removePath(id);
          clean.steps = steps;
        }
        const after = patched(before, clean);
        // The name may be empty; `patched` drops empty values, so it is put back.
        if (clean.name === '') after.name = '';
        s.changeRecords({ paths: { put: [after] } }, { key: `path:${id}:${Object.keys(clean).join(',')}` });
      },

      movePath(id, delta) {
        reorder('paths', id, delta);
      },

      removePath(id) {
        const s = get();
        if (!s.doc.paths.byId.has(id)) return;
        s.changeRecords({ paths: { remove: [id] } });
        if (get().activePath === id) set({ activePath: null });
      },

      showPath(id) {
        set({ activePath: id !== null && get().doc.paths.byId.has(id) ? id : null });
      },

      startPathRecording() {
        set({ pathRecording: { steps: [] }, activePath: null, noteTool: false });
      },

      recordPathStep(node) {
        const rec = get().pathRecording;
        if (!rec || !get().doc.nodes.byId.has(node)) return;
        // Clicking the last step again is a double click, not a loop back.
        if (rec.steps[rec.steps.length - 1] === node) return;
        set({ pathRecording: { steps: [...rec.steps, node].slice(0, LIMITS.maxListItems) } });
      },

      undoPathStep() {
        const rec = get().pathRecording;
        if (rec && rec.steps.length > 0) set({ pathRecording: { steps: rec.steps.slice(0, -1) } });
      },

      finishPathRecording() {
        const rec = get().pathRecording;
        set({ pathRecording: null });
        if (!rec || rec.steps.length === 0) return null;
        const id = get().addPath(rec.steps);
        if (id) set({ activePath: id });
        return id;
      },

      cancelPathRecording() {
        set({ pathRecording: null });
      },

      // Notes

      setNoteTool(on) {
        set({ noteTool: on, ...(on ? { pathRecording: null } : {}) });
      },

      addNote(at, options = {}) {
        const s = get();
        if (s.doc.notes.order.length >= LIMITS.maxDesignRecords) {
          s.notify('warning', `A diagram holds at most ${LIMITS.maxDesignRecords} notes.`);
          return '';
        }
        const id = newId('note', s.doc.notes);
        const note: DiagramNote = {
          id,
          text: cleanText(options.text ?? '', LIMITS.maxNotesLength, { multiline: true }),
          color: options.color ?? 'yellow',
          // The note is centred on the click, like a component dropped from the palette.
          position: clampPoint({ x: at.x - NOTE_SIZE.width / 2, y: at.y - NOTE_SIZE.height / 2 }),
        };
        s.changeRecords({ notes: { put: [note] } });
        set({ noteTool: false, noteSelection: new Set([id]), editingNote: id, selection: { nodes: new Set(), edges: new Set() } });
        return id;
      },

      updateNote(id, patch) {
        const s = get();
        const before = s.doc.notes.byId.get(id);
        if (!before) return;
        const after: DiagramNote = { ...before };
        if (patch.text !== undefined) after.text = cleanText(patch.text, LIMITS.maxNotesLength, { multiline: true });
        if (patch.color !== undefined) after.color = patch.color;
        if (patch.size !== undefined) after.size = clampSize(patch.size);
        s.changeRecords({ notes: { put: [after] } }, { key: `note:${id}:${Object.keys(patch).join(',')}` });
      },

      pinNote(id, node) {
        const s = get();
        const note = s.doc.notes.byId.get(id);
        if (!note || (node ?? undefined) === note.pin) return;
        const target = node === null ? undefined : s.doc.nodes.byId.get(node);
        if (node !== null && !target) return;
        // Where the note is on the canvas now, so pinning or unpinning never moves it.
        const pinned = note.pin !== undefined ? s.doc.nodes.byId.get(note.pin) : undefined;
        const origin: Point = pinned ? absolutePosition(s.doc.nodes.byId, pinned) : { x: 0, y: 0 };
        const here = { x: note.position.x + origin.x, y: note.position.y + origin.y };
        const { pin: _pin, ...rest } = note;
        const next: DiagramNote = { ...rest, position: here };
        if (target) {
          const at = absolutePosition(s.doc.nodes.byId, target);
          next.pin = target.id;
          next.position = { x: here.x - at.x, y: here.y - at.y };
        }
        next.position = clampPoint(next.position);
        s.changeRecords({ notes: { put: [next] } });
      },

      removeNotes(noteIds) {
        const s = get();
        const gone = [...noteIds].filter((id) => s.doc.notes.byId.has(id));
        if (gone.length === 0) return;
        s.changeRecords({ notes: { remove: gone } });
        const selection = new Set(get().noteSelection);
        for (const id of gone) selection.delete(id);
        set({ noteSelection: selection, editingNote: gone.includes(get().editingNote ?? '') ? null : get().editingNote });
      },

      editNote(id) {
        set({ editingNote: id });
      },

      selectNotes(noteIds) {
        set({ noteSelection: new Set(noteIds) });
      },

      onNoteChanges(changes) {
        const s = get();
        let selection: Set<string> | null = null;
        const puts = new Map<string, DiagramNote>();
        const record = (id: string) => puts.get(id) ?? s.doc.notes.byId.get(id);
        let dragging = false;
        let dragEnded = false;
        let resized: string | null = null;
        for (const c of changes) {
          if (c.type === 'select') {
            selection ??= new Set(s.noteSelection);
            if (c.selected) selection.add(c.id);
            else selection.delete(c.id);
          } else if (c.type === 'position') {
            const note = record(c.id);
            if (note && c.position) puts.set(c.id, { ...note, position: clampPoint(c.position) });
            if (c.dragging === true) dragging = true;
            else if (c.dragging === false) dragEnded = true;
            else if (c.position) resized = c.id;
          } else if (c.type === 'dimensions' && c.setAttributes && c.dimensions) {
            const note = record(c.id);
            if (note) puts.set(c.id, { ...note, size: clampSize({ width: c.dimensions.width, height: c.dimensions.height }) });
            resized = c.id;
          }
        }
        if (selection) set({ noteSelection: selection });
        if (puts.size === 0 && !dragEnded) return;
        const change = { notes: { put: [...puts.values()] } };
        // A drag is many unsettled diffs ended by a settled one: one undo step, one save.
        if (dragging) get().applyDiff(diffOf(get().doc, change), { origin: 'edit', settled: false });
        else if (dragEnded) get().applyDiff(diffOf(get().doc, change), { origin: 'edit' });
        else get().changeRecords(change, resized ? { key: `note-resize:${resized}` } : undefined);
      },

      toggleDesignDetails(node) {
        const next = new Set(get().designDetails);
        if (!next.delete(node)) next.add(node);
        set({ designDetails: next });
      },
    };
  };
