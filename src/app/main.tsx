import '@xyflow/react/dist/base.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserServices } from './browserServices';
import { createEditorStore } from '../store/editorStore';
import { App } from './App';
import { prefetchOnDemand } from './prefetchOnDemand';

const { services, workspace, live } = createBrowserServices();
const prefersDark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
const store = createEditorStore({ services, workspace, live, theme: prefersDark ? 'dark' : 'light' });
// End-to-end tests and benchmarks read the store from a test build (`vite build --mode test`)
// or the dev server; a production build leaves it out (Vite drops this block).
if (import.meta.env.MODE !== 'production') (window as unknown as { __archflow?: typeof store }).__archflow = store;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
// A live link (or a room this tab was in before a reload) is joined once My diagrams is open.
void store
  .getState()
  .start()
  .then(() => live.resume(store));
prefetchOnDemand();
