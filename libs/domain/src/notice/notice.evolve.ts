import { NoticeEvent } from './notice.events';
import { NoticeState } from './notice.state';

export function evolveNotice(_state: NoticeState, event: NoticeEvent): NoticeState {
  switch (event.type) {
    case 'NoticeRegistered':
      return event.data;
    default: {
      const unknown: never = event.type;
      return unknown;
    }
  }
}
