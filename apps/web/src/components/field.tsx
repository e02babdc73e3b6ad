import { ComponentChildren, InputHTMLAttributes } from 'preact';

/** A label, its control and the server's message for that field right beside it. */
export function Field(props: { id: string; label: string; error?: string; hint?: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.hint && (
        <div class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </div>
      )}
      {props.error && (
        <div class="error" id={`${props.id}-error`} role="alert">
          {props.error}
        </div>
      )}
    </div>
  );
}

/** aria attributes that tie an input to its error message. */
export const invalid = (id: string, error?: string) => (error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {});

/** The attributes the forms give their one-line inputs. */
interface InputProps {
  name?: string;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  placeholder?: string;
  required?: boolean;
  style?: string;
}

/** The common Field: a labelled one-line input that reports its text and carries its error's aria attributes. */
export function InputField(
  props: { id: string; label: string; error?: string; value: string; onValue: (value: string) => void } & InputProps,
) {
  const { id, label, error, value, onValue, ...input } = props;
  // Preact types an input's attributes as one branch per `type`; these one-line types take the same ones.
  const attributes = { ...input, ...invalid(id, error) } as InputHTMLAttributes<HTMLInputElement>;
  return (
    <Field id={id} label={label} error={error}>
      <input id={id} value={value} onInput={(e) => onValue(e.currentTarget.value)} {...attributes} />
    </Field>
  );
}
