import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { AttachmentError, TaskAttachments } from '@tdnv/attachments';
import { Actor, AttachmentRef, mayAct } from '@tdnv/domain';
import { TaskReader } from '@tdnv/tasks';
import { CurrentActor } from '../auth/auth.guard';
import { problem, ProblemError } from '../http/problem';

type UploadRequest = FastifyRequest & {
  isMultipart(): boolean;
  file(): Promise<{ filename: string; toBuffer(): Promise<Buffer> } | undefined>;
};

/**
 * Evidence for reports: a file is uploaded first (201 with its hash), then a progress or completion
 * report names it by id. Whoever does not see the task gets 404, as for the task itself.
 */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('api/v1/tasks/:id/attachments')
export class AttachmentsController {
  constructor(
    private readonly reader: TaskReader,
    private readonly attachments: TaskAttachments,
  ) {}

  @ApiOperation({ summary: 'Upload a file to a task (multipart, field `file`; PDF, DOCX, XLSX, images): stored by its sha256' })
  @Post()
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  async upload(@Param('id') id: string, @Req() req: UploadRequest, @CurrentActor() actor: Actor): Promise<AttachmentRef> {
    const task = await this.reader.task(id, actor);
    // Those who may report on the task (lead, coordinators, VPCP) may attach files to their reports.
    if (!mayAct('participant', actor, task))
      throw new ProblemError(
        problem('forbidden', 'Chỉ cơ quan chủ trì, cơ quan phối hợp hoặc Văn phòng Chính phủ được đính kèm tệp cho nhiệm vụ này'),
      );
    if (!req.isMultipart())
      throw new ProblemError(problem('unsupported-media-type', 'Hãy gửi tệp dạng multipart/form-data, trường "file"'));
    const { fileName, bytes } = await readUpload(req, this.attachments.maxBytes);
    try {
      return await this.attachments.upload({ taskId: task.taskId, fileName, bytes, uploadedBy: actor.agency ?? actor.role });
    } catch (error) {
      throw uploadProblem(error, this.attachments.maxBytes);
    }
  }

  @ApiOperation({ summary: 'Download a task’s file, to whoever may see the task' })
  @Get(':attachmentId')
  async download(
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @CurrentActor() actor: Actor,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const task = await this.reader.task(id, actor);
    const file = await this.attachments.download(task.taskId, attachmentId);
    if (!file) throw new ProblemError(problem('not-found', `Không có tệp đính kèm ${attachmentId} của nhiệm vụ này`));
    const { meta, stream } = file;
    await reply
      .header('content-type', meta.contentType)
      .header('content-length', String(meta.size))
      .header('content-disposition', `attachment; filename="${asciiName(meta.name)}"; filename*=UTF-8''${encodeURIComponent(meta.name)}`)
      .header('x-content-sha256', meta.sha256)
      .header('cache-control', 'private, no-store')
      .send(stream);
  }
}

const asciiName = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '') || 'tep-dinh-kem';

/** The one file of the request; whatever is wrong with the multipart body itself is the client's (4xx). */
async function readUpload(req: UploadRequest, maxBytes: number): Promise<{ fileName: string; bytes: Buffer }> {
  try {
    const file = await req.file();
    if (!file) throw new AttachmentError('invalid', 'Thiếu tệp (trường "file")');
    return { fileName: file.filename, bytes: await file.toBuffer() };
  } catch (error) {
    const mapped = uploadProblem(error, maxBytes);
    if (mapped instanceof ProblemError) throw mapped;
    throw new ProblemError(
      problem('validation', 'Nội dung multipart/form-data không hợp lệ', {
        errors: [{ field: 'file', message: 'Không đọc được tệp gửi lên' }],
      }),
    );
  }
}

function uploadProblem(error: unknown, maxBytes: number): unknown {
  if (error instanceof AttachmentError) {
    if (error.kind === 'unsupported') return new ProblemError(problem('unsupported-media-type', error.message));
    return new ProblemError(problem('validation', error.message, { errors: [{ field: error.field, message: error.message }] }));
  }
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT')
    return new ProblemError(problem('payload-too-large', `Tệp đính kèm vượt quá ${Math.round(maxBytes / 1048576)} MB`));
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || code === 'FST_NO_FORM_DATA')
    return new ProblemError(problem('validation', 'Thiếu tệp (trường "file")', { errors: [{ field: 'file', message: 'Thiếu tệp' }] }));
  return error;
}
