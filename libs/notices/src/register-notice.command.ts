import { CommandContext } from '@tdnv/command-handling';
import { NoticeInput } from './notice-input';

export class RegisterNoticeCommand {
  constructor(
    readonly body: NoticeInput,
    readonly context: CommandContext,
  ) {}
}

export interface RegisterNoticeResult {
  noticeId: string;
  taskIds: string[];
}
