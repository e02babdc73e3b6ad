import { FastifyRequest } from 'fastify';
import { readUnitFile, UnitFile, UnitFileError } from '@tdnv/agencies';
import { UnitLine } from '@tdnv/domain';
import { problem, ProblemError } from '../http/problem';
import { assertDocxWithinLimits, DocxTooLargeError } from '../notice-import/docx-size-guard';

type UploadRequest = FastifyRequest & {
  isMultipart(): boolean;
  file(): Promise<{ filename: string; toBuffer(): Promise<Buffer> } | undefined>;
};

const FILE_NEEDED = 'Cần tệp danh mục: multipart/form-data (trường "file", .csv hoặc .xlsx) hoặc nội dung CSV dạng text/plain';

/**
 * The units of an uploaded catalogue file (multipart field `file`, CSV or XLSX; or CSV text as
 * text/plain), read by the same reader as the CLI. A file with bad rows is a 400 listing every
 * bad line; nothing of it is imported.
 */
export async function uploadedUnits(req: FastifyRequest, body: unknown): Promise<UnitLine[]> {
  const file = await readUpload(req as UploadRequest, body);
  if (file.errors.length)
    throw new ProblemError(
      problem('validation', `Tệp danh mục có ${file.errors.length} dòng lỗi; chưa nhập đơn vị nào. ${file.errors[0]}`, {
        errors: file.errors.map((message) => ({ field: 'file', message })),
      }),
    );
  return file.units.map(({ line, ...unit }) => ({ line: line ?? 0, unit }));
}

async function readUpload(req: UploadRequest, body: unknown): Promise<UnitFile> {
  if (typeof body === 'string') return read(body);
  if (!req.isMultipart()) throw new ProblemError(problem('unsupported-media-type', FILE_NEEDED));
  let bytes: Buffer;
  try {
    const part = await req.file();
    if (!part) throw new Error('no file');
    bytes = await part.toBuffer();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT')
      throw new ProblemError(problem('payload-too-large', 'Tệp danh mục quá lớn'));
    throw new ProblemError(problem('validation', FILE_NEEDED, { errors: [{ field: 'file', message: 'Thiếu tệp' }] }));
  }
  return read(bytes);
}

async function read(bytes: Buffer | string): Promise<UnitFile> {
  try {
    // An .xlsx is a zip: its sizes are proved before ExcelJS inflates it (the .docx guard, same format family).
    if (typeof bytes !== 'string' && bytes.subarray(0, 2).toString('latin1') === 'PK') await assertDocxWithinLimits(bytes);
    return await readUnitFile(bytes);
  } catch (error) {
    if (error instanceof DocxTooLargeError) throw new ProblemError(problem('payload-too-large', `Tệp .xlsx quá lớn: ${error.message}`));
    if (error instanceof UnitFileError) throw new ProblemError(problem('unsupported-media-type', error.message));
    throw new ProblemError(problem('unsupported-media-type', 'Không đọc được tệp danh mục; hãy gửi tệp .csv (UTF-8) hoặc .xlsx'));
  }
}
