import { extractRawText } from 'mammoth';
import { problem, ProblemError } from '../http/problem';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MAX_TEXT_CHARS = 2_000_000;

/**
 * The text of a notice from a request body: text/plain, JSON `{ text }`, or a .docx file
 * (text extracted with mammoth). Anything else is a clear 4xx.
 */
export async function noticeText(body: unknown, contentType: string | undefined): Promise<string> {
  let text: unknown;
  if (Buffer.isBuffer(body)) text = await docxText(body);
  else if (typeof body === 'string') text = body;
  else if (body && typeof body === 'object') text = (body as { text?: unknown }).text;
  if (typeof text !== 'string' || !text.trim())
    throw new ProblemError(problem('validation', 'Cần nội dung văn bản: text/plain, JSON { "text": … } hoặc tệp .docx', { errors: [{ field: 'text', message: 'Cần nội dung văn bản' }], contentType }));
  // A NUL byte means a binary file was sent as text.
  if (text.includes('\u0000')) throw new ProblemError(problem('unsupported-media-type', 'Nội dung không phải văn bản (có ký tự nhị phân)'));
  if (text.length > MAX_TEXT_CHARS) throw new ProblemError(problem('payload-too-large', `Văn bản dài quá ${MAX_TEXT_CHARS} ký tự`));
  return text.normalize('NFC');
}

async function docxText(buffer: Buffer): Promise<string> {
  try {
    return (await extractRawText({ buffer })).value;
  } catch {
    // The reader's own reason is English and technical; the user needs to know the file is unreadable.
    throw new ProblemError(problem('unsupported-media-type', 'Không đọc được tệp .docx; vui lòng kiểm tra tệp đúng định dạng Word (.docx) và không bị hỏng'));
  }
}
