import { ComponentChildren } from 'preact';
import { ApiError } from '../api/client';

export function Alert(props: { kind?: 'error' | 'info' | 'success'; children: ComponentChildren }) {
  const kind = props.kind ?? 'error';
  return (
    <div class={`alert ${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {props.children}
    </div>
  );
}

/** Shows an API problem: the Vietnamese title and, when it adds something, the detail. */
export function ErrorAlert(props: { error: unknown }) {
  if (!props.error) return null;
  const e = props.error;
  if (e instanceof ApiError) {
    return (
      <Alert>
        <strong>{e.problem.title}</strong>
        {e.problem.detail && e.problem.detail !== e.problem.title && <div>{e.problem.detail}</div>}
      </Alert>
    );
  }
  return <Alert>{e instanceof Error ? e.message : String(e)}</Alert>;
}
