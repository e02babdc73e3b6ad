import { useEffect, useState } from 'preact/hooks';
import { AgencyIndex, indexAgencies, loadAgencies, reloadAgencies } from '../../api/agencies';
import { api, ApiError } from '../../api/client';
import { ParseResult, UnresolvedAgency } from '../../api/types';
import { Alert, ErrorAlert } from '../../components/alert';
import { formatDate, todayLocal } from '../../lib/format';
import { NO_IDENTITY, NoticeNumberAndDate } from './notice-fields';
import { ImportSummary, overdueTasks } from './import-summary';
import { PageProps } from '../../routes';
import { DirectiveTable } from './directive-table';
import { editsOf, expectedTasks, mapLead, PreviewData, registerBody, Row, rowErrors, toRows, unmappedLeads } from './import-model';
import { RegisterProgress } from './register-progress';
import { SkippedParagraphs } from './skipped-paragraphs';
import { DOCX, Source, SourceForm } from './source-form';
import { unknownKey } from './unknown-leads';

interface Registered {
  noticeId: string;
  taskIds: string[];
  alreadyRegistered?: boolean;
}

/** Paste or upload → preview in an editable table → register the notice and its tasks. */
export function ImportPage(_props: PageProps) {
  const [agencies, setAgencies] = useState<AgencyIndex>();
  const [source, setSource] = useState<Source>();
  const [parsed, setParsed] = useState<ParseResult>();
  const [rows, setRows] = useState<Row[]>([]);
  const [identity, setIdentity] = useState(NO_IDENTITY);
  const { number, issuedAt } = identity;
  const [busy, setBusy] = useState<'preview' | 'register'>();
  const [error, setError] = useState<unknown>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<Registered>();
  const [historical, setHistorical] = useState<boolean>();
  const [adding, setAdding] = useState<string>();
  const [unitErrors, setUnitErrors] = useState<Record<string, unknown>>({});

  useEffect(() => void loadAgencies().then((a) => setAgencies(indexAgencies(a)), setError), []);

  async function preview(s: Source) {
    setBusy('preview');
    setError(undefined);
    setFieldErrors({});
    try {
      const query = s.issuedAt ? `?issuedAt=${s.issuedAt}` : '';
      const { data } = s.file
        ? await api<ParseResult>('POST', `/notices/preview${query}`, { raw: s.file, contentType: DOCX })
        : await api<ParseResult>('POST', '/notices/preview', { body: { text: s.text, ...(s.issuedAt ? { issuedAt: s.issuedAt } : {}) } });
      setSource(s);
      setParsed(data);
      setRows(toRows(data.directives, data.notice.issuedAt));
      setUnitErrors({});
      setIdentity({ number: s.number || data.notice.number || '', issuedAt: s.issuedAt || data.notice.issuedAt || '' });
    } catch (e) {
      showError(e);
    } finally {
      setBusy(undefined);
    }
  }

  async function register(event: Event) {
    event.preventDefault();
    if (!parsed || !source) return;
    const local: Record<string, string> = {};
    if (!number.trim()) local.number = 'Nhập số hiệu văn bản, ví dụ 45/TB-VPCP';
    if (!issuedAt) local.issuedAt = 'Nhập ngày ban hành';
    if (overdueTasks(rows, agencies, todayLocal()) > 0 && historical === undefined)
      local.historical = 'Hãy chọn cách nhập các nhiệm vụ đã quá hạn';
    if (Object.keys(local).length || rows.some((r) => Object.keys(rowErrors(r, todayLocal())).length)) {
      setFieldErrors(local);
      setError(new Error('Còn nội dung cần sửa: xem các ô được đánh dấu đỏ.'));
      return;
    }
    setBusy('register');
    setError(undefined);
    setFieldErrors({});
    try {
      const { data } = source.file
        ? await api<Registered>('POST', '/notices', {
            body: registerBody(rows, {
              number: number.trim(),
              issuedAt,
              title: parsed.notice.title ?? number.trim(),
              ...(parsed.notice.leader ? { leader: parsed.notice.leader } : {}),
              ...(historical ? { historical: true } : {}),
            }),
          })
        : await api<Registered>('POST', '/notices/import', {
            body: { text: source.text, number: number.trim(), issuedAt, edits: editsOf(rows), ...(historical ? { historical: true } : {}) },
          });
      setDone(data);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(undefined);
    }
  }

  /**
   * One step for a lead outside the catalogue: add it as a unit of its parent (the server's
   * proposedUnit), read the catalogue again so every picker shows its name, and make it the lead of
   * this row and of any other row still waiting for the same name. A refusal is shown on the row.
   */
  async function addUnit(index: number, u: UnresolvedAgency) {
    const unit = u.proposedUnit;
    const row = rows[index];
    if (!unit || !row) return;
    const key = unknownKey(row, u);
    setAdding(key);
    setUnitErrors(({ [key]: _, ...rest }) => rest);
    try {
      await api('POST', `/agencies/${encodeURIComponent(unit.parent)}/units`, { body: { code: unit.code, name: unit.name } });
      setAgencies(indexAgencies(await reloadAgencies()));
      setRows((rs) =>
        rs.map((r, j) => {
          const same = unmappedLeads(r).find((x) => x.proposedUnit?.code === unit.code);
          if (j === index) return mapLead(r, u.name, unit.code);
          return same ? mapLead(r, same.name, unit.code) : r;
        }),
      );
    } catch (e) {
      setUnitErrors((old) => ({ ...old, [key]: e }));
    } finally {
      setAdding(undefined);
    }
  }

  /** Field errors go beside their field: header fields by name, directive fields by "path:field". */
  function showError(e: unknown) {
    setError(e);
    if (!(e instanceof ApiError)) return;
    const edits = editsOf(rows);
    const out: Record<string, string> = {};
    for (const [field, message] of Object.entries(e.fieldErrors())) {
      const m = /^(?:edits|directives)\.(\d+)\.(\w+)/.exec(field);
      if (m)
        out[`${(field.startsWith('edits') ? edits[Number(m[1])]?.path : rows.filter((r) => !r.drop)[Number(m[1])]?.path) ?? '?'}:${m[2]}`] =
          message;
      else out[field] = message;
    }
    setFieldErrors(out);
  }

  if (done) {
    return (
      <section>
        <h1>Đã đăng ký thông báo</h1>
        <Alert kind="success">
          {done.alreadyRegistered ? 'Thông báo này đã được đăng ký trước đó; ' : 'Đã giao '}
          <strong>{done.taskIds.length}</strong> nhiệm vụ từ thông báo {number}.
        </Alert>
        <p class="actions">
          <a class="button primary" href={`/thong-bao/${encodeURIComponent(done.noticeId)}`}>
            Xem tiến độ thông báo
          </a>
          <a class="button" href={`/nhiem-vu?${new URLSearchParams({ noticeId: done.noticeId, view: 'tasks' }).toString()}`}>
            Xem danh sách nhiệm vụ
          </a>
          <button type="button" onClick={() => (setDone(undefined), setParsed(undefined), setRows([]))}>
            Nhập thông báo khác
          </button>
        </p>
      </section>
    );
  }

  const total = expectedTasks(rows, agencies);
  // What the preview's table and its summary both read.
  const shown: PreviewData | undefined = parsed && { rows, parsed, agencies, today: todayLocal() };

  return (
    <section>
      <h1>Nhập Thông báo kết luận</h1>
      <ErrorAlert error={error} />
      {!parsed && <SourceForm busy={busy === 'preview'} errors={fieldErrors} onPreview={(s) => void preview(s)} />}
      {shown && (
        <form onSubmit={register} noValidate>
          <div class="card">
            <p>
              <strong>{shown.parsed.notice.title ?? 'Văn bản không có trích yếu'}</strong>
              <br />
              <span class="hint">
                {shown.parsed.notice.issuer ?? ''} {shown.parsed.notice.leader ? `· ${shown.parsed.notice.leader}` : ''}{' '}
                {shown.parsed.notice.issuedAt ? `· ${formatDate(shown.parsed.notice.issuedAt)}` : ''}
              </span>
            </p>
            <NoticeNumberAndDate idPrefix="reg" value={identity} onChange={setIdentity} errors={fieldErrors} />
            {(shown.parsed.notice.notes ?? []).map((n) => (
              <p key={n} class="hint">
                ⚠ {n}
              </p>
            ))}
          </div>
          {fieldErrors.edits && <Alert>{fieldErrors.edits}</Alert>}
          <DirectiveTable
            {...shown}
            serverErrors={fieldErrors}
            onChange={(i, patch) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)))}
            reportDate={issuedAt || shown.parsed.notice.issuedAt || ''}
            adding={adding}
            unitErrors={unitErrors}
            onAddUnit={(i, u) => void addUnit(i, u)}
          />
          <SkippedParagraphs skipped={shown.parsed.skipped ?? []} />
          <ImportSummary {...shown} historical={historical} onHistorical={setHistorical} error={fieldErrors.historical} />
          {busy === 'register' && <RegisterProgress tasks={total} />}
          <div class="actions">
            <button class="primary" type="submit" disabled={!!busy}>
              Đăng ký {total} nhiệm vụ
            </button>
            <button type="button" disabled={!!busy} onClick={() => (setParsed(undefined), setRows([]))}>
              Quay lại
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
