import { extractRawText } from 'mammoth';
import { problem, ProblemError } from '../http/problem';
import { cleanText, withoutForbiddenCharacters } from '../http/text-input';
import { assertDocxWithinLimits, DocxTooLargeError } from './docx-size-guard';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MAX_TEXT_CHARS = 2_000_000;

/**
 * The text of a notice from a request body: text/plain, JSON `{ text }`, or a .docx file
 * (text extracted with mammoth). Anything else is a clear 4xx.
 */
export async function noticeText(body: unknown, contentType: string | undefined): Promise<string> {
  let text: unknown;
  if (Buffer.isBuffer(body)) text = withoutForbiddenCharacters(await docxText(body));
  else if (typeof body === 'string') text = body;
  else if (body && typeof body === 'object') text = (body as { text?: unknown }).text;
  if (typeof text !== 'string' || !text.trim())
    throw new ProblemError(
      problem('validation', 'Cần nội dung văn bản: text/plain, JSON { "text": … } hoặc tệp .docx', {
        errors: [{ field: 'text', message: 'Cần nội dung văn bản' }],
        contentType,
      }),
    );
  refuseBinaryText(text);
  if (text.length > MAX_TEXT_CHARS) throw new ProblemError(problem('payload-too-large', `Văn bản dài quá ${MAX_TEXT_CHARS} ký tự`));
  // pdftotext and some Word exports end a page with a form feed (or a line with a vertical tab):
  // they are line breaks here, while every other control character is refused as in any field.
  return cleanText(text.replace(/[\f\v]/g, '\n'), 'text');
}

/** A NUL byte means a binary file was sent as text: 415, before the field rules would say 400. */
export function refuseBinaryText(text: unknown): void {
  if (typeof text === 'string' && text.includes('\u0000'))
    throw new ProblemError(problem('unsupported-media-type', 'Nội dung không phải văn bản (có ký tự nhị phân)'));
}

async function docxText(buffer: Buffer): Promise<string> {
  try {
    // Sizes first: mammoth inflates every part into memory, so a zip bomb must never reach it.
    await assertDocxWithinLimits(buffer);
    return (await extractRawText({ buffer })).value;
  } catch (error) {
    if (error instanceof DocxTooLargeError)
      throw new ProblemError(
        problem('payload-too-large', `Tệp .docx quá lớn: ${error.message}. Vui lòng tách văn bản hoặc lưu lại tệp bằng Word rồi gửi lại`),
      );
    // The reader's own reason is English and technical; the user needs to know the file is unreadable.
    throw new ProblemError(
      problem('unsupported-media-type', 'Không đọc được tệp .docx; vui lòng kiểm tra tệp đúng định dạng Word (.docx) và không bị hỏng'),
    );
  }
}
