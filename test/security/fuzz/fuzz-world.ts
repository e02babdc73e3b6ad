import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { ApiHarness } from '../../support/api-harness';

/** The callers the fuzzer speaks as; `anonymous` sends no Authorization header. */
export const ROLES = ['anonymous', 'vpcp', 'admin', 'viewer', 'lead', 'coordinator', 'unrelated', 'unit'] as const;
export type RoleName = (typeof ROLES)[number];

export const LEAD = 'BTC';
export const COORDINATOR = 'BYT';
export const UNRELATED = 'BNG';
export const UNIT = 'BTC-CUC-FUZZ';

/** BTC's public task (acknowledged, an extension pending), its confidential one, BCA's, BTC's key task and its delegated child. */
export interface SeededTasks {
  noticeId: string;
  open: string;
  confidential: string;
  otherAgency: string;
  keyTask: string;
  child: string;
}

/** What the seeded API holds, so generated path ids can be real (and belong to someone else). */
export interface FuzzWorld {
  tokens: Record<RoleName, string | undefined>;
  /** The first notice's ids: requests are generated with them, and sent with the current epoch's (see epochPath). */
  noticeId: string;
  tasks: SeededTasks;
  agencyCodes: string[];
  userId: string;
  userEmail: string;
  /** A real Thông báo kết luận (issued 12/02/2020) for the import endpoints, as text and as a .docx. */
  noticeText: string;
  noticeDocxHex: string;
}

/** The shared seed notice when the design folder is there; a short notice of the same form otherwise. */
const SEED_NOTICE = join(__dirname, '../../../../shared/seeds/003_d46952eb1e57d3ec.txt');
const FALLBACK_NOTICE = [
  'THÔNG BÁO',
  'Kết luận của Thủ tướng Chính phủ tại phiên họp Ủy ban Quốc gia về Chính phủ điện tử',
  '1. Bộ Tài chính chủ trì, phối hợp với Bộ Y tế xây dựng cơ sở dữ liệu quốc gia về tài chính, hoàn thành trong Quý II năm 2020.',
  '2. Bộ Công an hoàn thành Cơ sở dữ liệu quốc gia về dân cư trước ngày 30 tháng 6 năm 2020.',
].join('\n');

/** Seeds a sub-unit of BTC, a managed user, and the first notice's tasks. */
export async function seedWorld(api: ApiHarness): Promise<FuzzWorld> {
  const tokens = tokensFor(api);
  await expectStatus(api, 201, 'POST', `/api/v1/agencies/${LEAD}/units`, tokens.lead, { code: UNIT, name: 'Cục Kiểm thử an toàn' });
  const tasks = await seedTasks(api, tokens, 0);
  const userEmail = 'dau.moi.fuzz@mof.gov.vn';
  const user = await expectStatus(api, 201, 'POST', '/api/v1/users', tokens.admin, {
    email: userEmail,
    name: 'Nguyễn Văn Thử',
    role: 'agency',
    agency: LEAD,
    password: 'mat-khau-thu-nghiem-2026',
  });
  const noticeText = existsSync(SEED_NOTICE) ? readFileSync(SEED_NOTICE, 'utf8') : FALLBACK_NOTICE;
  const docx = new Document({ sections: [{ children: noticeText.split('\n').map((line) => new Paragraph(line)) }] });
  const noticeDocxHex = (await Packer.toBuffer(docx)).toString('hex');
  const agencyCodes = [LEAD, COORDINATOR, UNRELATED, 'BCA', UNIT, 'VPCP', 'ALL_PROVINCES', 'HUE'];
  return { tokens, noticeId: tasks.noticeId, tasks, agencyCodes, userId: user.id, userEmail, noticeText, noticeDocxHex };
}

/**
 * One notice with the same tasks in the same states, numbered by epoch. Generated requests cancel,
 * complete and reassign the seeded tasks; a fresh notice per epoch keeps plausible commands
 * reaching tasks they can still act on.
 */
export async function seedTasks(api: ApiHarness, tokens: FuzzWorld['tokens'], epoch: number): Promise<SeededTasks> {
  const notice = await expectStatus(api, 201, 'POST', '/api/v1/notices', tokens.vpcp, {
    number: `${1000 + epoch}/TB-VPCP`,
    issuedAt: '2026-02-10',
    title: 'Kết luận của Phó Thủ tướng về chuyển đổi số',
    directives: [
      { text: 'Xây dựng cơ sở dữ liệu quốc gia về tài chính', lead: [LEAD], coordinators: [COORDINATOR], deadline: { due: '2026-06-30' } },
      {
        text: 'Nhiệm vụ mật về an ninh tài chính',
        lead: [LEAD],
        coordinators: [COORDINATOR],
        confidential: true,
        deadline: { due: '2026-05-31' },
      },
      { text: 'Rà soát thủ tục hành chính lĩnh vực an ninh', lead: ['BCA'], coordinators: [COORDINATOR], deadline: { due: '2026-09-30' } },
      { text: 'Triển khai Đề án 06 tại các đơn vị trực thuộc', lead: [LEAD], key: true },
    ],
  });
  const noticeId: string = notice.noticeId;
  const task = (n: number, agency: string) => `${noticeId}.${n}.${agency.toLowerCase()}`;
  const tasks = {
    noticeId,
    open: task(1, LEAD),
    confidential: task(2, LEAD),
    otherAgency: task(3, 'BCA'),
    keyTask: task(4, LEAD),
    child: `${task(4, LEAD)}.c1`,
  };
  await expectStatus(api, 200, 'POST', `/api/v1/tasks/${tasks.open}/acknowledge`, tokens.lead, {});
  await expectStatus(api, 200, 'POST', `/api/v1/tasks/${tasks.open}/extension-requests`, tokens.lead, {
    proposedDue: '2026-08-31',
    reason: 'Chờ ý kiến thẩm định',
  });
  await expectStatus(api, 200, 'POST', `/api/v1/tasks/${tasks.keyTask}/acknowledge`, tokens.lead, {});
  await expectStatus(api, 200, 'POST', `/api/v1/tasks/${tasks.keyTask}/delegate`, tokens.lead, {
    agency: UNIT,
    due: '2026-12-31',
    note: 'Cục chủ trì',
  });
  return tasks;
}

/** The path as generated (first notice's ids) rewritten to the current epoch's notice, case variants included. */
export function epochPath(path: string, world: FuzzWorld, current: SeededTasks): string {
  const first = world.noticeId;
  return path.split(first).join(current.noticeId).split(first.toUpperCase()).join(current.noticeId.toUpperCase());
}

function tokensFor(api: ApiHarness): Record<RoleName, string | undefined> {
  return {
    anonymous: undefined,
    vpcp: api.token('vpcp'),
    admin: api.token('admin'),
    viewer: api.token('viewer'),
    lead: api.token('agency', LEAD),
    coordinator: api.token('agency', COORDINATOR),
    unrelated: api.token('agency', UNRELATED),
    unit: api.token('agency', UNIT),
  };
}

async function expectStatus(
  api: ApiHarness,
  status: number,
  method: string,
  path: string,
  token: string | undefined,
  body: unknown,
): Promise<any> {
  const answer = await api.request(method, path, { token, body });
  if (answer.status !== status) throw new Error(`seeding: ${method} ${path} answered ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}
