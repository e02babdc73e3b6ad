import { useState } from 'preact/hooks';
import { Field, invalid } from '../../components/field';
import { NO_IDENTITY, NoticeIdentity, NoticeNumberAndDate } from './notice-fields';

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface Source extends NoticeIdentity {
  text?: string;
  file?: File;
}

interface Props {
  busy: boolean;
  errors: Record<string, string>;
  onPreview: (source: Source) => void;
}

/** Step 1: paste the text or choose a .docx; the number and date are optional when the text has them. */
export function SourceForm({ busy, errors, onPreview }: Props) {
  const [text, setText] = useState('');
  const [file, setFile] = useState<File>();
  const [identity, setIdentity] = useState(NO_IDENTITY);
  const [local, setLocal] = useState<string>();

  function submit(event: Event) {
    event.preventDefault();
    if (!file && !text.trim()) return setLocal('Hãy dán toàn văn thông báo hoặc chọn tệp .docx');
    setLocal(undefined);
    onPreview({ text: file ? undefined : text, file, issuedAt: identity.issuedAt, number: identity.number.trim() });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Field
        id="notice-text"
        label="Toàn văn Thông báo kết luận"
        error={local ?? errors.text}
        hint="Dán nội dung văn bản, hoặc chọn tệp Word (.docx) bên dưới."
      >
        <textarea
          id="notice-text"
          rows={10}
          value={text}
          disabled={!!file}
          onInput={(e) => setText(e.currentTarget.value)}
          {...invalid('notice-text', local ?? errors.text)}
        />
      </Field>
      <Field id="notice-file" label="Hoặc tải lên tệp .docx">
        <input
          id="notice-file"
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(e) => setFile(e.currentTarget.files?.[0])}
        />
      </Field>
      <NoticeNumberAndDate
        idPrefix="notice"
        labelSuffix="(nếu văn bản không ghi)"
        value={identity}
        onChange={setIdentity}
        errors={errors}
      />
      <button class="primary" type="submit" disabled={busy}>
        {busy ? 'Đang phân tích…' : 'Phân tích văn bản'}
      </button>
    </form>
  );
}
