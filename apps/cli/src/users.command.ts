import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Role, evolveUsers, normalizeEmail, UserEvent, Users } from '@tdnv/domain';
import { hashPassword } from '@tdnv/auth';
import { AgencyDirectory } from '@tdnv/agency-directory';
import { ChangeUsers, ChangeUsersHandler, USER_DIRECTORY_STREAM, userIdFor } from '@tdnv/users';
import { CliContext } from './cli-context';

const ADMIN = { id: 'cli', role: 'admin' as const };

export interface NewUser {
  email: string;
  name: string;
  role: Exclude<Role, 'system'>;
  agency?: string;
  password?: string;
}

/** Creates a user with the same decider as the API; a generated password is returned to print once. */
export async function createUser(cli: CliContext, user: NewUser): Promise<{ created: boolean; password: string }> {
  const password = user.password ?? randomBytes(12).toString('base64url');
  const email = normalizeEmail(user.email);
  const userId = userIdFor(email);
  const agencyExists = user.agency ? (await new AgencyDirectory(cli.store).snapshot()).agency(user.agency) !== undefined : true;
  const data = {
    userId,
    email,
    name: user.name,
    role: user.role,
    agency: user.agency,
    passwordHash: await hashPassword(password),
    createdAt: cli.clock.now().toISOString(),
  };
  const context = {
    actor: ADMIN,
    now: cli.clock.now(),
    today: cli.clock.today(),
    requestHash: `cli-create-user|${email}`,
    idempotencyKey: `cli-create-user|${email}`,
  };
  const { events } = await cli.store.readStream(USER_DIRECTORY_STREAM);
  const existing = events.reduce<Users>((s, e) => evolveUsers(s, e as unknown as UserEvent), {});
  if (Object.values(existing).some((u) => u.email === email)) return { created: false, password };
  await new ChangeUsersHandler(cli.store).execute(new ChangeUsers({ kind: 'create', user: data, agencyExists }, context));
  return { created: true, password };
}

/** `users create --email … --name … --role … [--agency …] [--password …]` */
export async function runUsers(cli: CliContext, argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'create') {
    console.error(
      'Usage: npm run cli -- users create --email <email> --name <name> --role vpcp|agency|viewer|admin [--agency <code>] [--password <password>]',
    );
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      agency: { type: 'string' },
      password: { type: 'string' },
    },
  });
  if (!values.email || !values.name || !values.role) return runUsers(cli, []);
  const { created, password } = await createUser(cli, {
    email: values.email,
    name: values.name,
    role: values.role as NewUser['role'],
    agency: values.agency,
    password: values.password,
  });
  console.log(
    created ? `Đã tạo người dùng ${values.email}${values.password ? '' : `, mật khẩu: ${password}`}` : `Người dùng ${values.email} đã có`,
  );
  return 0;
}
