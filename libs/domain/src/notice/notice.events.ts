import { Deadline } from '../deadline';

export interface RegisteredDirective {
  index: number;
  text: string;
  /** Agency or group codes as written in the request. */
  lead: string[];
  coordinators: string[];
  deadline: Deadline;
  key: boolean;
  confidential: boolean;
  tasks: { taskId: string; lead: string }[];
}

export interface NoticeRegistered {
  type: 'NoticeRegistered';
  data: {
    noticeId: string;
    number: string;
    issuedAt: string;
    title: string;
    leader?: string;
    /** Tracking officer (chuyên viên theo dõi) named by the notice; takes precedence for VPCP emails. */
    trackingOfficer?: string;
    directives: RegisteredDirective[];
    registeredAt: string;
  };
}

export type NoticeEvent = NoticeRegistered;
