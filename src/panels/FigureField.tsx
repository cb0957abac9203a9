/**
 * A number field for a capacity figure: the document's value when it has one, else empty with
 * the typical value shown greyed as the placeholder ("typical value", and where it comes from
 * in the description). Keeps what is being typed ("0.", "") while focused so a half-typed
 * number is not rewritten under the cursor; every keystroke that parses is sent on (the store
 * squashes a burst into one undo step), and clearing the field brings back the typical value.
 */
import { useId, useState } from 'react';

interface FigureFieldProps {
  label: string;
  /** The document's value in the unit shown, or undefined. */
  value: number | undefined;
  /** The typical value in the unit shown. */
  typical: number | undefined;
  /** Where the typical value comes from. */
  source?: string;
  unit?: string;
  min?: number;
  max?: number;
  step?: number | 'any';
  /** Shown greyed when there is no typical number (a client's share of the peak). */
  placeholderText?: string;
  onChange(value: number | undefined): void;
}

const show = (v: number | undefined) => (v === undefined ? '' : String(Number(v.toPrecision(12))));

export function FigureField({ label, value, typical, source, unit, min, max, step = 'any', placeholderText, onChange }: FigureFieldProps) {
  const id = useId();
  const hintId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const hint = typical === undefined ? undefined : `Typical value ${typical.toLocaleString('en-US')}${unit ? ` ${unit}` : ''}${source ? `. ${source}` : ''}`;
  return (
    <div className="field figure-field">
      <label htmlFor={id}>
        {label}
        {unit && <span className="figure-unit"> ({unit})</span>}
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step}
        value={draft ?? show(value)}
        // A derived typical value (a peak from the scale figures) reads as people write it: 3,472.22.
        placeholder={typical === undefined ? placeholderText : typical.toLocaleString('en-US', { maximumFractionDigits: 2 })}
        title={hint}
        aria-describedby={hint ? hintId : undefined}
        onFocus={() => setDraft(show(value))}
        onBlur={() => setDraft(null)}
        onChange={(e) => {
          const text = e.currentTarget.value;
          setDraft(text);
          if (text.trim() === '') onChange(undefined);
          else if (Number.isFinite(Number(text))) onChange(Number(text));
        }}
      />
      {hint && (
        <span id={hintId} className="visually-hidden">
          {hint}
        </span>
      )}
    </div>
  );
}
