import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import { CommandResult } from '../../api/types';
import { ErrorAlert } from '../../components/alert';
import { Field, invalid } from '../../components/field';
import { ActionDef, bodyOf, checkFields } from './task-actions';

interface Props {
  taskId: string;
  revision: number;
  actions: ActionDef[];
  onDone: (result: CommandResult, action: ActionDef) => void;
  onConflict: (error: ApiError) => void;
}

/** The viewer's actions: one-click ones are buttons; the others open a small form with labelled fields. */
export function ActionPanel({ taskId, revision, actions, onDone, onConflict }: Props) {
  const [open, setOpen] = useState<string>();
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function run(action: ActionDef) {
    setBusy(true);
    setError(undefined);
    setErrors({});
    try {
      const wrong = checkFields(action, values);
      if (Object.keys(wrong).length) {
        setErrors(wrong);
        return;
      }
      // If-Match: the revision the viewer saw; someone else's change in between answers 409.
      const { data } = await api<CommandResult>(action.method, `/tasks/${encodeURIComponent(taskId)}/${action.path}`, {
        body: bodyOf(action, values),
        ifMatch: revision,
      });
      setOpen(undefined);
      setValues({});
      onDone(data, action);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) onConflict(e);
      else {
        setError(e);
        if (e instanceof ApiError) {
          const byField = e.fieldErrors();
          setErrors(byField);
          // Each message is said beside its field: the alert keeps the title, not the same words again.
          if (shownBeside(action, byField)) setError(new ApiError({ ...e.problem, detail: undefined }));
        }
      }
    } finally {
      setBusy(false);
    }
  }

  if (actions.length === 0) return null;
  const current = actions.find((a) => a.id === open);
  return (
    <section class="card" aria-labelledby="actions-title">
      <h2 id="actions-title" style="margin-top: 0">
        Thao tác
      </h2>
      <div class="actions">
        {actions.map((a) => (
          <button
            key={a.id}
            type="button"
            class={a.primary ? 'primary' : a.danger ? 'danger' : undefined}
            disabled={busy}
            aria-expanded={a.fields.length ? open === a.id : undefined}
            data-action={a.id}
            onClick={() =>
              a.fields.length ? (setOpen(open === a.id ? undefined : a.id), setErrors({}), setError(undefined)) : void run(a)
            }
          >
            {a.label}
          </button>
        ))}
      </div>
      <ErrorAlert error={error} />
      {current && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(current);
          }}
          noValidate
          aria-label={current.label}
        >
          {current.fields.map((f) => {
            const id = `${current.id}-${f.name}`;
            const error = invalid(id, errors[f.name]);
            // The hint and the error both describe the control.
            const describedBy = [f.hint && `${id}-hint`, error['aria-describedby']].filter(Boolean).join(' ') || undefined;
            const common = { id, name: f.name, value: values[f.name] ?? '', ...error, 'aria-describedby': describedBy };
            const set = (v: string) => setValues((old) => ({ ...old, [f.name]: v }));
            return (
              <Field key={id} id={id} label={f.label + (f.required ? ' *' : '')} error={errors[f.name]} hint={f.hint}>
                {f.type === 'textarea' ? (
                  <textarea {...common} rows={3} onInput={(e) => set(e.currentTarget.value)} />
                ) : f.type === 'select' ? (
                  <select {...common} onChange={(e) => set(e.currentTarget.value)}>
                    <option value="">— Chọn —</option>
                    {(f.options ?? []).map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label} ({o.value})
                      </option>
                    ))}
                  </select>
                ) : f.type === 'dmy' ? (
                  <input
                    {...common}
                    type="text"
                    autoComplete="off"
                    placeholder="dd/mm/yyyy"
                    maxLength={10}
                    onInput={(e) => set(e.currentTarget.value)}
                  />
                ) : (
                  <input
                    {...common}
                    type={f.type as 'text'}
                    min={f.type === 'number' ? 0 : undefined}
                    max={f.type === 'number' ? 100 : f.max}
                    onInput={(e) => set(e.currentTarget.value)}
                  />
                )}
              </Field>
            );
          })}
          <div class="actions">
            <button class={current.danger ? 'danger' : 'primary'} type="submit" disabled={busy}>
              Gửi: {current.label}
            </button>
            <button type="button" onClick={() => setOpen(undefined)}>
              Hủy bỏ
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** True when the API named fields and every one of them is a field of this form. */
function shownBeside(action: ActionDef, byField: Record<string, string>): boolean {
  const fields = Object.keys(byField);
  return fields.length > 0 && fields.every((f) => action.fields.some((d) => d.name === f));
}
