/** The top bar's "Templates" and "Start practice" buttons; their dialogs load when first opened. */
import { GraduationCap, LayoutTemplate } from 'lucide-react';
import { useState } from 'react';
import { lazyView } from './lazyView';

const TemplatesDialog = lazyView(() => import('./PracticeDialogs'), 'TemplatesDialog');
const StartPracticeDialog = lazyView(() => import('./PracticeDialogs'), 'StartPracticeDialog');

export function PracticeButtons() {
  const [open, setOpen] = useState<'templates' | 'practice' | null>(null);
  return (
    <>
      {/* Icons like the rest of the top bar: with text labels it overflowed at 1280 px and the
          buttons lay over Share live. */}
      <button type="button" className="tool-button" aria-label="Templates" title="Templates" onClick={() => setOpen('templates')}>
        <LayoutTemplate size={18} aria-hidden="true" />
      </button>
      <button type="button" className="tool-button" aria-label="Start practice" title="Start practice" onClick={() => setOpen('practice')}>
        <GraduationCap size={18} aria-hidden="true" />
      </button>
      {open === 'templates' && <TemplatesDialog onClose={() => setOpen(null)} />}
      {open === 'practice' && <StartPracticeDialog onClose={() => setOpen(null)} />}
    </>
  );
}
