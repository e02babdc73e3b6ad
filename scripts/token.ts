import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, requireJwtSecret } from '@tdnv/config';
import { signToken } from '@tdnv/auth';
import { Role } from '@tdnv/domain';

/** `npm run token -- --role agency --agency BTC` prints a development bearer token. */
const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'vpcp' },
    agency: { type: 'string' },
    sub: { type: 'string' },
    hours: { type: 'string', default: '8' },
  },
});
const roles: Role[] = ['vpcp', 'agency', 'viewer', 'admin'];
const role = values.role as Role;
if (!roles.includes(role)) fail(`--role must be one of ${roles.join(', ')}`);
if (role === 'agency' && !values.agency) fail('--agency <code> is required with --role agency');
const secret = jwtSecret();
const sub = values.sub ?? `${role}${values.agency ? `-${values.agency}` : ''}`;
console.log(signToken({ sub, role, ...(values.agency ? { agency: values.agency } : {}) }, secret, Number(values.hours) * 3600));

/** The same key the running API uses: JWT_SECRET, or the development key with ALLOW_DEV_JWT_SECRET=true. */
function jwtSecret(): string {
  try {
    return requireJwtSecret(loadConfig());
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
