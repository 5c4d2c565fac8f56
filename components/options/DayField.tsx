/** A labelled text field for day counts, with its hint and its error tied to it for screen readers. */
interface Props {
  id: string;
  label: string;
  hint: string;
  value: string;
  error?: string;
  onInput(value: string): void;
  inputRef?: (el: HTMLInputElement | null) => void;
}

export function DayField({ id, label, hint, value, error, onInput, inputRef }: Props) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        ref={inputRef}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={value}
        aria-invalid={error ? 'true' : 'false'}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <p id={`${id}-hint`} class="hint">
        {hint}
      </p>
      {error && (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
