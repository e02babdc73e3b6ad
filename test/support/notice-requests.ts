import { ApiHarness } from './api-harness';

/** One directive of a POST /api/v1/notices body; a directive without coordinators has none. */
export interface DirectiveBody {
  text: string;
  lead: string[];
  coordinators?: string[];
  deadline?: { due?: string; phrase?: string; kind?: string };
  key?: boolean;
  confidential?: boolean;
}

/** The notice most specs register, 45/TB-VPCP of 12/02/2026 on digital transformation; `notice` overrides its fields. */
export const noticeBody = (directives: DirectiveBody[], notice: Record<string, unknown> = {}) => ({
  number: '45/TB-VPCP',
  issuedAt: '2026-02-12',
  title: 'Kết luận của Thủ tướng Chính phủ về chuyển đổi số',
  ...notice,
  directives: directives.map((d) => ({ coordinators: [], ...d })),
});

/** Registers the notice as `token` (VPCP) and answers its ids; any answer but 201 fails with its body. */
export async function registerNotice(
  api: ApiHarness,
  token: string,
  directives: DirectiveBody[],
  notice: Record<string, unknown> = {},
): Promise<{ noticeId: string; taskIds: string[] }> {
  const res = await api.request('POST', '/api/v1/notices', { token, body: noticeBody(directives, notice) });
  if (res.status !== 201) throw new Error(`POST /api/v1/notices answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}
