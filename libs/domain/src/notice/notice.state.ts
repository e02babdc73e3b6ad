import { NoticeRegistered } from './notice.events';

export type Notice = NoticeRegistered['data'];
export type NoticeState = Notice | undefined;
