import { CommandContext } from '@tdnv/command-handling';
import { RegisterNoticeDto } from './register-notice.dto';

export class RegisterNoticeCommand {
  constructor(
    readonly body: RegisterNoticeDto,
    readonly context: CommandContext,
  ) {}
}

export interface RegisterNoticeResult {
  noticeId: string;
  taskIds: string[];
}
