/** Gives views the store the app created, and narrow subscriptions to it. */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { EditorFullState, EditorStore } from '../store/editorStore';

const EditorContext = createContext<EditorStore | null>(null);

export function EditorProvider({ store, children }: { store: EditorStore; children: ReactNode }) {
  return <EditorContext.Provider value={store}>{children}</EditorContext.Provider>;
}

export function useEditorStore(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error('useEditorStore must be used inside <EditorProvider>');
  return store;
}

/** Subscribes to one slice: a component re-renders only when its slice changes. */
export function useEditor<T>(selector: (state: EditorFullState) => T): T {
  return useStore(useEditorStore(), selector);
}
