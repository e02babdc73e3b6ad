/** RFC 9457 problem details. `type` is stable (clients switch on it); `title` is Vietnamese. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  [extension: string]: unknown;
}

export const PROBLEM_TYPES = {
  validation: { status: 400, title: 'Dữ liệu không hợp lệ' },
  unauthenticated: { status: 401, title: 'Chưa đăng nhập hoặc mã xác thực không hợp lệ' },
  forbidden: { status: 403, title: 'Không có quyền thực hiện thao tác này' },
  'not-found': { status: 404, title: 'Không tìm thấy' },
  'command-refused': { status: 409, title: 'Thao tác không được phép ở trạng thái hiện tại của nhiệm vụ' },
  'concurrency-conflict': { status: 409, title: 'Nhiệm vụ đã được người khác thay đổi; vui lòng tải lại trạng thái mới' },
  'already-exists': { status: 409, title: 'Đã tồn tại' },
  'idempotency-key-reused': { status: 422, title: 'Idempotency-Key đã được dùng cho một yêu cầu khác' },
  'request-timeout': { status: 408, title: 'Yêu cầu gửi đến quá chậm; đã hết thời gian chờ' },
  'payload-too-large': { status: 413, title: 'Dữ liệu gửi lên quá lớn' },
  'uri-too-long': { status: 414, title: 'Địa chỉ yêu cầu (URL) quá dài' },
  'unsupported-media-type': { status: 415, title: 'Định dạng dữ liệu không được hỗ trợ' },
  'too-many-requests': { status: 429, title: 'Quá nhiều yêu cầu; vui lòng thử lại sau' },
  'headers-too-large': { status: 431, title: 'Phần đầu yêu cầu (header) quá lớn' },
  internal: { status: 500, title: 'Lỗi hệ thống' },
} as const;

export type ProblemType = keyof typeof PROBLEM_TYPES;

export function problem(type: ProblemType, detail?: string, extensions: Record<string, unknown> = {}): Problem {
  const { status, title } = PROBLEM_TYPES[type];
  return { type: `/problems/${type}`, title, status, ...(detail ? { detail } : {}), ...extensions };
}

/** Thrown by the HTTP layer itself (not the domain) to answer with a given problem. */
export class ProblemError extends Error {
  constructor(readonly body: Problem) {
    super(body.detail ?? body.title);
  }
}
