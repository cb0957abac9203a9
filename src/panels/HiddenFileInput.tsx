/**
 * The file input behind an "Open…" button: hidden and out of the tab order (the button is what
 * people reach), cleared after each pick so picking the same file again still opens it.
 */
import type { Ref } from 'react';

export function HiddenFileInput({ ref, accept, label, onFile }: { ref: Ref<HTMLInputElement>; accept: string; label: string; onFile: (file: File) => void }) {
  return (
    <input
      ref={ref}
      type="file"
      accept={accept}
      className="visually-hidden"
      aria-label={label}
      tabIndex={-1}
      onChange={(e) => {
        const file = e.currentTarget.files?.[0];
        e.currentTarget.value = '';
        if (file) onFile(file);
      }}
    />
  );
}
