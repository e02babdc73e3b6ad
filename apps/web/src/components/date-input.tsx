import { useEffect, useState } from 'preact/hooks';
import { formatDate } from '../lib/format';
import { parseDmy } from '../lib/dates';

interface Props {
  id: string;
  /** YYYY-MM-DD, or '' when empty. */
  value: string;
  /** Called with YYYY-MM-DD, '' when cleared, or undefined while what is typed is not a date yet. */
  onChange: (iso: string | undefined) => void;
  invalid?: boolean;
  describedBy?: string;
  disabled?: boolean;
  name?: string;
}

/**
 * A date typed and shown as dd/mm/yyyy whatever the browser's language (an <input type=date>
 * follows the browser: mm/dd/yyyy in an English one). YYYY-MM-DD is accepted too.
 */
export function DateInput(props: Props) {
  const [text, setText] = useState(props.value ? formatDate(props.value) : '');
  useEffect(() => {
    if ((parseDmy(text) ?? '') !== props.value) setText(props.value ? formatDate(props.value) : '');
  }, [props.value]);
  return (
    <input
      id={props.id}
      name={props.name}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder="dd/mm/yyyy"
      maxLength={10}
      size={11}
      value={text}
      disabled={props.disabled}
      aria-invalid={props.invalid ? true : undefined}
      aria-describedby={props.describedBy}
      onInput={(e) => {
        const t = e.currentTarget.value;
        setText(t);
        props.onChange(t.trim() ? parseDmy(t) : '');
      }}
    />
  );
}
