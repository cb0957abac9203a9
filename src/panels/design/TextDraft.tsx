/**
 * A text field for a design record. It shows what is typed at once and hands the store every
 * change; a field the file requires (a path, a name) keeps its last non-empty value in the
 * document while it is cleared, says it is required, and shows the kept value again on blur.
 */
import { useState, type InputHTMLAttributes } from 'react';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  value: string;
  onCommit(value: string): void;
  /** The document needs a value here: an empty field is not written. */
  required?: boolean;
  multiline?: boolean;
}

export function TextDraft({ value, onCommit, required, multiline, className, ...rest }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? value;
  const invalid = required === true && shown.trim() === '';
  const common = {
    value: shown,
    'aria-invalid': invalid || undefined,
    className: [className, invalid ? 'is-invalid' : ''].filter(Boolean).join(' ') || undefined,
    onChange: (e: { currentTarget: { value: string } }) => {
      const next = e.currentTarget.value;
      setDraft(next);
      if (!required || next.trim() !== '') onCommit(next);
    },
    onBlur: () => setDraft(null),
  };
  if (multiline) {
    const { 'aria-label': ariaLabel, id, placeholder } = rest;
    return <textarea rows={2} aria-label={ariaLabel} id={id} placeholder={placeholder} {...common} />;
  }
  return <input {...rest} {...common} />;
}
