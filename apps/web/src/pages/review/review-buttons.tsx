import { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

interface Props {
  approveLabel: string;
  rejectLabel: string;
  /** The question asked before approving, with what is being approved. */
  confirm: string;
  /** Extra fields of the approval (the approved date of an extension). */
  approveFields?: ComponentChildren;
  onApprove: () => Promise<void>;
  onReject: (reason: string) => Promise<void>;
}

/**
 * A decision is never one click: approving asks for confirmation, rejecting or returning asks for
 * the reviewer's comment (sent as the reason), right beside the buttons.
 */
export function ReviewButtons({ approveLabel, rejectLabel, confirm, approveFields, onApprove, onReject }: Props) {
  const [mode, setMode] = useState<'approve' | 'reject'>();
  const [reason, setReason] = useState('');
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
  return (
    <div>
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={busy}
          aria-expanded={mode === 'approve'}
          onClick={() => setMode(mode === 'approve' ? undefined : 'approve')}
        >
          {approveLabel}
        </button>
        <button
          type="button"
          disabled={busy}
          aria-expanded={mode === 'reject'}
          onClick={() => setMode(mode === 'reject' ? undefined : 'reject')}
        >
          {rejectLabel}
        </button>
      </div>
      {mode === 'approve' && (
        <form
          class="confirm"
          onSubmit={(e) => {
            e.preventDefault();
            void run(onApprove);
          }}
        >
          <p class="confirm-question">{confirm}</p>
          {approveFields}
          <div class="actions">
            <button type="submit" class="primary" disabled={busy}>
              Đồng ý: {approveLabel}
            </button>
            <button type="button" onClick={() => setMode(undefined)}>
              Hủy bỏ
            </button>
          </div>
        </form>
      )}
      {mode === 'reject' && (
        <form
          class="confirm"
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) return setError('Vui lòng nhập ý kiến, lý do');
            setError(undefined);
            void run(() => onReject(reason.trim()));
          }}
        >
          <div class="field">
            <label for={id}>Ý kiến, lý do *</label>
            <textarea
              id={id}
              rows={3}
              value={reason}
              onInput={(e) => setReason(e.currentTarget.value)}
              aria-invalid={error ? true : undefined}
            />
            {error && (
              <div class="error" role="alert">
                {error}
              </div>
            )}
          </div>
          <div class="actions">
            <button type="submit" disabled={busy}>
              Gửi: {rejectLabel}
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
