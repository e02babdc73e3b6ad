import { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { COMMENT_LABEL } from '../../lib/labels';

interface Props {
  approveLabel: string;
  rejectLabel: string;
  /** The question asked before approving, with what is being approved. */
  confirm: string;
  /** Extra fields of the approval (the approved date of an extension). */
  approveFields?: ComponentChildren;
  /** `comment`: the reviewer's optional words (undefined when none were written). */
  onApprove: (comment: string | undefined) => Promise<void>;
  onReject: (reason: string) => Promise<void>;
}

type Mode = 'approve' | 'reject';

/**
 * A decision is never one click: approving asks for confirmation with an optional comment,
 * rejecting or returning asks for the reviewer's comment (sent as the reason), right beside the buttons.
 */
export function ReviewButtons({ approveLabel, rejectLabel, confirm, approveFields, onApprove, onReject }: Props) {
  const [mode, setMode] = useState<Mode>();
  const [words, setWords] = useState<Record<Mode, string>>({ approve: '', reject: '' });
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [id] = useState(() => `r-${Math.random().toString(36).slice(2, 8)}`);
  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    try {
      await f();
      setMode(undefined);
    } catch {
      // the page shows the message
    } finally {
      setBusy(false);
    }
  };
  const toggle = (m: Mode, label: string, primary?: boolean) => (
    <button
      type="button"
      class={primary ? 'primary' : undefined}
      disabled={busy}
      aria-expanded={mode === m}
      onClick={() => setMode(mode === m ? undefined : m)}
    >
      {label}
    </button>
  );
  const submit = (m: Mode) => {
    const text = words[m].trim();
    if (m === 'approve') return void run(() => onApprove(text || undefined));
    if (!text) return setError('Vui lòng nhập ý kiến, lý do');
    setError(undefined);
    void run(() => onReject(text));
  };
  return (
    <div>
      <div class="actions">
        {toggle('approve', approveLabel, true)}
        {toggle('reject', rejectLabel)}
      </div>
      {mode && (
        <form
          class="confirm"
          onSubmit={(e) => {
            e.preventDefault();
            submit(mode);
          }}
        >
          {mode === 'approve' && <p class="confirm-question">{confirm}</p>}
          {mode === 'approve' && approveFields}
          <div class="field">
            <label for={`${id}-${mode}`}>{mode === 'approve' ? COMMENT_LABEL : 'Ý kiến, lý do *'}</label>
            <textarea
              id={`${id}-${mode}`}
              rows={3}
              value={words[mode]}
              onInput={(e) => setWords({ ...words, [mode]: e.currentTarget.value })}
              aria-invalid={mode === 'reject' && error ? true : undefined}
            />
            {mode === 'reject' && error && (
              <div class="error" role="alert">
                {error}
              </div>
            )}
          </div>
          <div class="actions">
            <button type="submit" class={mode === 'approve' ? 'primary' : undefined} disabled={busy}>
              {mode === 'approve' ? `Đồng ý: ${approveLabel}` : `Gửi: ${rejectLabel}`}
            </button>
            <button type="button" onClick={() => setMode(undefined)}>
              Hủy bỏ
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
