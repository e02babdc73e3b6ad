import { Deadline } from '../deadline';

export interface RegisteredDirective {
  index: number;
  /** Its position as the document writes it ("3.b.2", "PL.I.3"), when the registration gave it. */
  path?: string;
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
    /** The kind of source document (thong_bao_ket_luan, chi_thi, quyet_dinh, bao_cao, …), when known. */
    kind?: string;
    leader?: string;
    /** Tracking officer (chuyên viên theo dõi) named by the notice; takes precedence for VPCP emails. */
    trackingOfficer?: string;
    directives: RegisteredDirective[];
    registeredAt: string;
  };
}

export type NoticeEvent = NoticeRegistered;
