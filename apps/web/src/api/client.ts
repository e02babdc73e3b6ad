import { clearSession, token } from './session';

/** RFC 9457 problem details as the API sends them (title in Vietnamese). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
  current?: unknown;
  currentRevision?: number;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
  get status(): number {
    return this.problem.status;
  }
  /** Messages keyed by field, to show beside the inputs. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) out[e.field] = out[e.field] ? `${out[e.field]}; ${e.message}` : e.message;
    return out;
  }
}

export interface RequestOptions {
  body?: unknown;
  raw?: BodyInit;
  contentType?: string;
  ifMatch?: number;
  signal?: AbortSignal;
}

/** Called when a request answers 401: the app goes back to the sign-in page. */
let onUnauthenticated: () => void = () => undefined;
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const t = token();
  if (t) headers.authorization = `Bearer ${t}`;
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
  let body: BodyInit | undefined = options.raw;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  } else if (options.contentType) headers['content-type'] = options.contentType;
  const response = await fetch(`/api/v1${path}`, { method, headers, body, signal: options.signal });
  if (response.ok) return response;
  const problem = await readProblem(response);
  if (response.status === 401 && !path.startsWith('/auth/login')) {
    clearSession();
    onUnauthenticated();
  }
  throw new ApiError(problem);
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    const p = (await response.json()) as Partial<Problem>;
    return { type: p.type ?? 'about:blank', title: p.title ?? response.statusText, status: p.status ?? response.status, ...p } as Problem;
  } catch {
    return { type: 'about:blank', title: `Lỗi ${response.status}`, status: response.status };
  }
}

export async function api<T>(method: string, path: string, options: RequestOptions = {}): Promise<{ data: T; revision?: number }> {
  const response = await send(method, path, options);
  const etag = response.headers.get('etag');
  const revision = etag ? Number(etag.replace(/^W\//, '').replace(/"/g, '')) : undefined;
  const data = response.status === 204 ? (undefined as T) : ((await response.json()) as T);
  return { data, revision: Number.isFinite(revision) ? revision : undefined };
}

export const get = async <T>(path: string, signal?: AbortSignal): Promise<T> => (await api<T>('GET', path, { signal })).data;
export const post = async <T>(path: string, body?: unknown, ifMatch?: number): Promise<T> =>
  (await api<T>('POST', path, { body: body ?? {}, ifMatch })).data;

/** Downloads a file (appendix .docx/.xlsx) with the bearer token and hands it to the browser. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await send('GET', path, {});
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name ? decodeURIComponent(name) : fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** What an upload answers (POST /tasks/:id/attachments). */
export interface UploadedAttachment {
  id: string;
  name: string;
  size: number;
  sha256: string;
  contentType: string;
}

/** Uploads one file for a task's report (multipart/form-data, field "file"). */
export async function uploadAttachment(taskId: string, file: File): Promise<UploadedAttachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await send('POST', `/tasks/${encodeURIComponent(taskId)}/attachments`, { raw: form });
  return (await response.json()) as UploadedAttachment;
}
