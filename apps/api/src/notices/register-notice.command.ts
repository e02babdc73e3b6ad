import { CommandContext } from '../../../../libs/command-handling/src/command-context';
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
