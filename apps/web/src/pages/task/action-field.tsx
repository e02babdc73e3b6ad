import { AgencyPicker } from '../../components/agency-picker';
import { invalid } from '../../components/field';
import { FieldDef } from './task-actions';

const ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg,.gif,.webp';

interface Props {
  id: string;
  field: FieldDef;
  value: string;
  error?: string;
  files: File[];
  onFiles: (files: File[]) => void;
  onChange: (value: string) => void;
}

/** One control of an action's form, by the field's type; its hint and error describe it. */
export function ActionField({ id, field: f, value, error, files, onFiles, onChange }: Props) {
  const err = invalid(id, error);
  const describedBy = [f.hint && `${id}-hint`, err['aria-describedby']].filter(Boolean).join(' ') || undefined;
  const common = { id, name: f.name, ...err, 'aria-describedby': describedBy };
  switch (f.type) {
    case 'textarea':
      return <textarea {...common} value={value} rows={3} onInput={(e) => onChange(e.currentTarget.value)} />;
    case 'select':
      return (
        <select {...common} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">— Chọn —</option>
          {(f.options ?? []).map((o) => (
            <option key={o.value} value={o.value} title={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
    case 'agency':
      return (
        <AgencyPicker
          id={id}
          value={value ? [value] : []}
          onChange={(codes) => onChange(codes[0] ?? '')}
          invalid={!!error}
          describedBy={describedBy}
        />
      );
    case 'files':
      return (
        <>
          <input
            {...common}
            type="file"
            multiple
            accept={ACCEPT}
            onChange={(e) => onFiles([...files, ...Array.from(e.currentTarget.files ?? [])])}
          />
          {files.length > 0 && (
            <ul class="files">
              {files.map((file, i) => (
                <li key={`${file.name}${i}`}>
                  {file.name} ({formatSize(file.size)}){' '}
                  <button type="button" onClick={() => onFiles(files.filter((_, j) => j !== i))} aria-label={`Bỏ tệp ${file.name}`}>
                    Bỏ
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      );
    case 'dmy':
      return (
        <input
          {...common}
          value={value}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder="dd/mm/yyyy"
          maxLength={10}
          onInput={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'number':
      return <input {...common} value={value} type="number" min={0} max={100} onInput={(e) => onChange(e.currentTarget.value)} />;
    default:
      return <input {...common} value={value} type="text" onInput={(e) => onChange(e.currentTarget.value)} />;
  }
}

/** 1234567 → "1,2 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1048576).toFixed(1).replace('.', ',')} MB`;
}
