import { useState } from 'preact/hooks';
import { api, ApiError, uploadAttachment } from '../../api/client';
import { CommandResult } from '../../api/types';
import { ErrorAlert } from '../../components/alert';
import { Field } from '../../components/field';
import { ActionDef, bodyOf, checkFields } from './task-actions';
import { ActionField } from './action-field';

interface Props {
  taskId: string;
  revision: number;
  actions: ActionDef[];
  onDone: (result: CommandResult, action: ActionDef) => void;
  onConflict: (error: ApiError) => void;
}

/**
 * The viewer's actions: each opens a small form with labelled fields; a decision (approve, accept)
 * also asks its question and is sent only by "Đồng ý"; attachments are uploaded first and the report names them.
 */
export function ActionPanel({ taskId, revision, actions, onDone, onConflict }: Props) {
  const [open, setOpen] = useState<string>();
  const [values, setValues] = useState<Record<string, string>>({});
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();

  async function run(action: ActionDef) {
    setBusy('Đang gửi…');
    setError(undefined);
    setErrors({});
    try {
      const wrong = checkFields(action, values);
      if (Object.keys(wrong).length) return setErrors(wrong);
      const body = bodyOf(action, values);
      if (action.fields.some((f) => f.type === 'files') && files.length) {
        const ids: string[] = [];
        for (const [i, file] of files.entries()) {
          setBusy(`Đang tải tệp ${i + 1}/${files.length}: ${file.name}…`);
          ids.push((await uploadAttachment(taskId, file)).id);
        }
        body.attachments = ids;
      }
      // If-Match: the revision the viewer saw; someone else's change in between answers 409.
      const { data } = await api<CommandResult>(action.method, `/tasks/${encodeURIComponent(taskId)}/${action.path}`, {
        body,
        ifMatch: revision,
      });
      setOpen(undefined);
      setValues({});
      setFiles([]);
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
      setBusy(undefined);
    }
  }

  if (actions.length === 0) return null;
  const current = actions.find((a) => a.id === open);
  const toggle = (a: ActionDef) => (setOpen(open === a.id ? undefined : a.id), setErrors({}), setError(undefined));
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
            disabled={!!busy}
            aria-expanded={a.fields.length || a.confirm ? open === a.id : undefined}
            data-action={a.id}
            onClick={() => (a.fields.length || a.confirm ? toggle(a) : void run(a))}
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
          {current.confirm && <p class="confirm-question">{current.confirm}</p>}
          {current.fields.map((f) => {
            const id = `${current.id}-${f.name}`;
            return (
              <Field key={id} id={id} label={f.label + (f.required ? ' *' : '')} error={errors[f.name]} hint={f.hint}>
                <ActionField
                  id={id}
                  field={f}
                  value={values[f.name] ?? ''}
                  error={errors[f.name]}
                  files={files}
                  onFiles={setFiles}
                  onChange={(v) => setValues((old) => ({ ...old, [f.name]: v }))}
                />
              </Field>
            );
          })}
          {busy && <p role="status">{busy}</p>}
          <div class="actions">
            <button class={current.danger ? 'danger' : 'primary'} type="submit" disabled={!!busy}>
              {current.confirm ? `Đồng ý: ${current.label}` : `Gửi: ${current.label}`}
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
