import { useState } from 'preact/hooks';

interface Props {
  approveLabel: string;
  rejectLabel: string;
  onApprove: () => Promise<void>;
  onReject: (reason: string) => Promise<void>;
}

/** Approve at once; reject or return only with a reason, asked for right beside the buttons. */
export function ReviewButtons({ approveLabel, rejectLabel, onApprove, onReject }: Props) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    try {
      await f();
    } catch {
      // the page shows the message
    } finally {
      setBusy(false);
    }
  };
  const [id] = useState(() => `r-${Math.random().toString(36).slice(2, 8)}`);
  return (
    <div>
      <div class="actions">
        <button type="button" class="primary" disabled={busy} onClick={() => void run(onApprove)}>
          {approveLabel}
        </button>
        <button type="button" disabled={busy} aria-expanded={rejecting} onClick={() => setRejecting(!rejecting)}>
          {rejectLabel}
        </button>
      </div>
      {rejecting && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) return setError('Vui lòng nhập lý do');
            setError(undefined);
            void run(() => onReject(reason.trim()));
          }}
        >
          <div class="field">
            <label for={id}>Lý do</label>
            <textarea
              id={id}
              rows={2}
              value={reason}
              onInput={(e) => setReason(e.currentTarget.value)}
              aria-invalid={error ? true : undefined}
            />
            {error && <div class="error">{error}</div>}
          </div>
          <button type="submit" disabled={busy}>
            Gửi: {rejectLabel}
          </button>
        </form>
      )}
    </div>
  );
}
