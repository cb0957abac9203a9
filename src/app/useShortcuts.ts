/** Keyboard shortcuts as people expect them from drawing tools, plus copy and paste. */
import { useEffect } from 'react';
import type { EditorStore } from '../store/editorStore';

const NON_TEXT_INPUTS = new Set(['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color', 'file']);

/** Keys typed into a text field belong to the field, not to the canvas. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  return target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

function hasDialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

export function useShortcuts(store: EditorStore): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (isTyping(e.target) || hasDialogOpen()) return;
      const s = store.getState();
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const run = (action: () => void) => {
        e.preventDefault();
        action();
      };
      if (mod && key === 'z' && !e.shiftKey) return run(s.undo);
      if ((mod && key === 'z' && e.shiftKey) || (mod && key === 'y')) return run(s.redo);
      if (mod && key === 'd') return run(s.duplicateSelection);
      if (mod && key === 'a') return run(s.selectAll);
      if (mod && key === 's') return run(s.saveFile);
      if (mod && key === 'o') return run(() => document.querySelector<HTMLInputElement>('input[type=file]')?.click());
      if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) {
        return run(s.deleteSelection);
      }
      // Escape backs out of the innermost mode first: recording a path, the Note tool, then the selection.
      if (e.key === 'Escape') {
        if (s.pathRecording) return run(s.cancelPathRecording);
        if (s.noteTool) return run(() => s.setNoteTool(false));
        return run(s.clearSelection);
      }
      if (!mod && !e.shiftKey && !e.altKey && key === 'n') return run(() => s.setNoteTool(!s.noteTool));
      const onCanvas = e.target === document.body || (e.target instanceof HTMLElement && e.target.closest('.react-flow__node-note') !== null);
      if (!mod && e.key === 'Enter' && onCanvas && s.noteSelection.size === 1 && s.selection.nodes.size === 0) {
        return run(() => s.editNote([...s.noteSelection][0]!));
      }
      if (!mod && e.shiftKey && key === 'l') return run(() => void s.autoLayout());
      if (!mod && e.shiftKey && e.key === '!') return run(s.requestFitView);
    };
    // Copy and paste go through the clipboard events, so no permission prompt is needed.
    const onCopy = (e: ClipboardEvent) => {
      if (isTyping(e.target) || hasDialogOpen()) return;
      const text = store.getState().copySelectionText();
      if (text && e.clipboardData) {
        e.clipboardData.setData('text/plain', text);
        e.preventDefault();
      }
    };
    const onCut = (e: ClipboardEvent) => {
      if (isTyping(e.target) || hasDialogOpen() || !e.clipboardData) return;
      const text = store.getState().cutSelectionText();
      if (text) {
        e.clipboardData.setData('text/plain', text);
        e.preventDefault();
      }
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isTyping(e.target) || hasDialogOpen()) return;
      const s = store.getState();
      const file = e.clipboardData?.files[0];
      if (file) {
        e.preventDefault();
        void s.openFile(file);
        return;
      }
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (text && s.pasteText(text)) e.preventDefault();
      else if (!text && s.clipboard) {
        e.preventDefault();
        s.paste();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [store]);
}
