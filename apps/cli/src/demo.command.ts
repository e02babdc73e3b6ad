import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from '@tdnv/directive-parser';
import { AgencyDirectory } from '@tdnv/agency-directory';
import { createDeadlinePolicy } from '@tdnv/calendar';
import { importPlan, RegisterNoticeCommand, RegisterNoticeHandler } from '@tdnv/notices';
import { CliContext } from './cli-context';
import { createUser, NewUser } from './users.command';

const SEED_003 = '003_d46952eb1e57d3ec.txt';
const DEMO_USERS: NewUser[] = [
  { email: 'quantri@demo.tdnv.vn', name: 'Quản trị hệ thống', role: 'admin' },
  { email: 'chuyenvien@vpcp.demo.tdnv.vn', name: 'Chuyên viên Văn phòng Chính phủ', role: 'vpcp' },
  { email: 'daumoi@bkhcn.demo.tdnv.vn', name: 'Đầu mối Bộ Khoa học và Công nghệ', role: 'agency', agency: 'BKHCN' },
  { email: 'lanhdao@demo.tdnv.vn', name: 'Lãnh đạo (chỉ xem)', role: 'viewer' },
];

/** `npm run demo`: seed 003 through the parser into tasks, and one demo user per role. */
export async function runDemo(cli: CliContext): Promise<number> {
  const file = [
    resolve(process.cwd(), '../shared/seeds', SEED_003),
    resolve(__dirname, '../../../../../shared/seeds', SEED_003),
    resolve(__dirname, '../../../../shared/seeds', SEED_003),
  ].find(existsSync);
  if (!file) {
    console.error(`Không tìm thấy ${SEED_003} trong ../shared/seeds`);
    return 1;
  }
  const plan = importPlan(parse(readFileSync(file, 'utf8'), { issuedAt: '2020-02-12' }), {
    number: 'DEMO-003/TB-VPCP',
    issuedAt: '2020-02-12',
  });
  const handler = new RegisterNoticeHandler(cli.store, new AgencyDirectory(cli.store), createDeadlinePolicy(true));
  const context = {
    actor: { id: 'demo', role: 'vpcp' as const },
    now: cli.clock.now(),
    today: cli.clock.today(),
    requestHash: 'demo-003',
    idempotencyKey: 'demo-003',
  };
  const result = await handler.execute(new RegisterNoticeCommand(plan, context));
  console.log(`Thông báo ${plan.number}: ${plan.directives.length} chỉ đạo, ${result.taskIds.length} nhiệm vụ (mã ${result.noticeId})`);
  console.log('Người dùng demo (mật khẩu chỉ hiện một lần):');
  for (const user of DEMO_USERS) {
    const { created, password } = await createUser(cli, user);
    console.log(`  ${user.role.padEnd(7)} ${user.email.padEnd(32)} ${created ? password : '(đã có từ trước)'}`);
  }
  return 0;
}
