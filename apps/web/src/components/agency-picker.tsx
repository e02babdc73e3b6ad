import { useMemo, useState } from 'preact/hooks';
import { agencyName, matchesAgency, useAgencies } from '../api/agencies';
import { Agency } from '../api/types';

interface Props {
  id: string;
  /** Codes chosen (one at most unless `multiple`). */
  value: string[];
  onChange: (codes: string[]) => void;
  multiple?: boolean;
  /** Which catalogue entries may be chosen (default: every agency and unit, no group). */
  filter?: (a: Agency) => boolean;
  placeholder?: string;
  invalid?: boolean;
  describedBy?: string;
  disabled?: boolean;
}

const SHOWN = 12;
const notGroup = (a: Agency) => a.kind !== 'group';

/**
 * Chooses agencies by name, typed with or without diacritics ("bo tai chinh", "tp hcm"): a text
 * box with a list of matches (ARIA combobox: arrows, Enter, Escape). Chosen agencies show by name.
 */
export function AgencyPicker(props: Props) {
  const index = useAgencies();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const filter = props.filter ?? notGroup;
  const matches = useMemo(
    () =>
      index && text.trim()
        ? [...index.values()].filter((a) => filter(a) && !props.value.includes(a.code) && matchesAgency(a, text)).slice(0, SHOWN)
        : [],
    [index, text, props.value.join()],
  );
  const listId = `${props.id}-list`;
  const choose = (a: Agency) => {
    props.onChange(props.multiple ? [...props.value, a.code] : [a.code]);
    setText('');
    setOpen(false);
    setActive(0);
  };
  const single = !props.multiple && props.value[0];

  return (
    <div class="picker">
      {props.value.length > 0 && (
        <ul class="chips" aria-label="Đã chọn">
          {props.value.map((code) => (
            <li key={code} class="chip" title={`${agencyName(index, code)} (${code})`} data-code={code}>
              {agencyName(index, code)}
              {!props.disabled && (
                <button
                  type="button"
                  class="chip-x"
                  aria-label={`Bỏ ${agencyName(index, code)}`}
                  onClick={() => props.onChange(props.value.filter((c) => c !== code))}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!single && (
        <input
          id={props.id}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open && matches.length > 0}
          aria-controls={listId}
          aria-activedescendant={open && matches[active] ? `${listId}-${matches[active].code}` : undefined}
          aria-invalid={props.invalid ? true : undefined}
          aria-describedby={props.describedBy}
          disabled={props.disabled}
          placeholder={props.placeholder ?? 'Gõ tên cơ quan, ví dụ: bo tai chinh'}
          value={text}
          onInput={(e) => (setText(e.currentTarget.value), setOpen(true), setActive(0))}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setOpen(true);
              setActive((i) => Math.min(i + 1, matches.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((i) => Math.max(i - 1, 0));
            } else if (e.key === 'Enter' && open && matches[active]) {
              e.preventDefault();
              choose(matches[active]);
            } else if (e.key === 'Escape') setOpen(false);
            else if (e.key === 'Backspace' && !text && props.value.length) props.onChange(props.value.slice(0, -1));
          }}
        />
      )}
      {open && matches.length > 0 && (
        <ul class="picker-list" role="listbox" id={listId}>
          {matches.map((a, i) => (
            <li
              key={a.code}
              id={`${listId}-${a.code}`}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'active' : undefined}
              onMouseDown={(e) => (e.preventDefault(), choose(a))}
            >
              {a.name}
              {a.parent && index?.get(a.parent) && <span class="hint"> · {agencyName(index, a.parent)}</span>}
            </li>
          ))}
        </ul>
      )}
      {open && text.trim() && index && matches.length === 0 && <div class="hint">Không tìm thấy cơ quan nào có tên như vậy.</div>}
    </div>
  );
}
