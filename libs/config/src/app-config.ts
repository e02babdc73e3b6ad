/**
 * Configuration from environment variables (DESIGN.md, "Configuration"), validated once at start-up.
 * Every problem is collected so an operator sees them all in one message.
 */
export interface AppConfig {
  port: number;
  dataDir: string;
  eventstoreUrl?: string;
  readModelUrl?: string;
  redisUrl: string;
  /** BullMQ key prefix, so several deployments (or test runs) can share one Redis. */
  queuePrefix?: string;
  smtpUrl?: string;
  mailFrom: string;
  /**
   * HS256 key of bearer tokens. Unset only outside production when neither JWT_SECRET nor
   * ALLOW_DEV_JWT_SECRET=true is given: the worker and the CLI never handle tokens, and every
   * process that does asks through requireJwtSecret, which refuses to go on without one.
   */
  jwtSecret?: string;
  publicUrl: string;
  clockStart?: Date;
  tzDeadlines: string;
  /** Điều 148 Bộ luật Dân sự: a due date on a non-working day moves to the next working day. */
  deadlineRollForward: boolean;
  bodyLimitBytes: number;
  /** Largest attachment accepted (ATTACHMENT_MAX_BYTES, default 20 MB). */
  attachmentMaxBytes: number;
  /** Who may read /metrics and /docs: anyone (`public`, the default) or a bearer token of role admin. */
  metricsAccess: Access;
  docsAccess: Access;
  production: boolean;
}

export type Access = 'public' | 'admin';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Used only when a developer asks for it explicitly (ALLOW_DEV_JWT_SECRET=true, never in production). */
const DEV_JWT_SECRET = 'dev-only-secret-change-me-0123456789';
const DEV_FLAG = 'ALLOW_DEV_JWT_SECRET';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const production = env.NODE_ENV === 'production';
  const port = integer(env.PORT ?? '3000', 'PORT', 0, 65535, problems);
  const bodyLimitBytes = integer(env.BODY_LIMIT_BYTES ?? '1048576', 'BODY_LIMIT_BYTES', 1024, 100 * 1048576, problems);
  const attachmentMaxBytes = integer(
    env.ATTACHMENT_MAX_BYTES ?? String(20 * 1048576),
    'ATTACHMENT_MAX_BYTES',
    1024,
    1024 * 1048576,
    problems,
  );
  const eventstoreUrl = env.EVENTSTORE_URL || undefined;
  if (eventstoreUrl && !/^(postgres(ql)?|esdb(\+discover)?):\/\//.test(eventstoreUrl))
    // Only the scheme is echoed: the rest of the URL may hold a password.
    problems.push(
      `EVENTSTORE_URL must start with postgres://, postgresql://, esdb:// or esdb+discover:// (got scheme "${eventstoreUrl.split(':')[0]}")`,
    );
  const readModelUrl = env.READ_MODEL_URL || undefined;
  if (readModelUrl && !/^postgres(ql)?:\/\//.test(readModelUrl))
    problems.push(`READ_MODEL_URL must start with postgres:// (got "${readModelUrl}")`);
  const redisUrl = env.REDIS_URL || 'redis://127.0.0.1:6379';
  if (!/^rediss?:\/\//.test(redisUrl)) problems.push(`REDIS_URL must start with redis:// or rediss:// (got "${redisUrl}")`);
  const queuePrefix = env.QUEUE_PREFIX || undefined;
  if (queuePrefix && !/^[A-Za-z0-9_.-]{1,100}$/.test(queuePrefix))
    problems.push('QUEUE_PREFIX may hold only letters, digits, ".", "_" and "-"');
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) problems.push(`SMTP_URL must start with smtp:// or smtps:// (got "${smtpUrl}")`);
  const jwtSecret = jwtSecretFrom(env, production, problems);
  const publicUrl = env.PUBLIC_URL || 'http://localhost:3000';
  if (!/^https?:\/\//.test(publicUrl)) problems.push(`PUBLIC_URL must be an http(s) URL (got "${publicUrl}")`);
  const clockStart = env.CLOCK_START ? new Date(env.CLOCK_START) : undefined;
  if (clockStart && Number.isNaN(clockStart.getTime())) problems.push(`CLOCK_START must be an ISO instant (got "${env.CLOCK_START}")`);
  const tzDeadlines = env.TZ_DEADLINES || 'Asia/Ho_Chi_Minh';
  if (!isTimeZone(tzDeadlines)) problems.push(`TZ_DEADLINES is not a known time zone (got "${tzDeadlines}")`);
  const rollForward = (env.DEADLINE_ROLL_FORWARD ?? 'true').toLowerCase();
  if (!['true', 'false'].includes(rollForward)) problems.push('DEADLINE_ROLL_FORWARD must be true or false');
  const metricsAccess = access(env.METRICS_ACCESS, 'METRICS_ACCESS', problems);
  const docsAccess = access(env.DOCS_ACCESS, 'DOCS_ACCESS', problems);
  if (problems.length) throw new ConfigError(problems);
  return {
    port,
    dataDir: env.DATA_DIR || './data',
    eventstoreUrl,
    readModelUrl,
    redisUrl,
    queuePrefix,
    smtpUrl,
    mailFrom: env.MAIL_FROM || 'Theo dõi nhiệm vụ <no-reply@localhost>',
    jwtSecret,
    publicUrl: publicUrl.replace(/\/+$/, ''),
    clockStart,
    tzDeadlines,
    deadlineRollForward: rollForward === 'true',
    bodyLimitBytes,
    attachmentMaxBytes,
    metricsAccess,
    docsAccess,
    production,
  };
}

export const usesDevJwtSecret = (config: AppConfig): boolean => config.jwtSecret === DEV_JWT_SECRET;

/**
 * The key for processes that sign or verify tokens (the API, `npm run token`, `npm start`): they
 * refuse to start without one rather than fall back to a key everybody can read in this repository.
 */
export function requireJwtSecret(config: AppConfig): string {
  if (config.jwtSecret) return config.jwtSecret;
  throw new ConfigError([`JWT_SECRET is required (at least 32 characters); for local development only, set ${DEV_FLAG}=true`]);
}

function jwtSecretFrom(env: NodeJS.ProcessEnv, production: boolean, problems: string[]): string | undefined {
  const flag = (env[DEV_FLAG] ?? 'false').toLowerCase();
  if (!['true', 'false'].includes(flag)) problems.push(`${DEV_FLAG} must be true or false`);
  if (flag === 'true' && production) problems.push(`${DEV_FLAG}=true is refused when NODE_ENV=production: set JWT_SECRET`);
  if (env.JWT_SECRET) {
    if (env.JWT_SECRET.length < 32) problems.push('JWT_SECRET must be at least 32 characters long');
    if (production && env.JWT_SECRET === DEV_JWT_SECRET) problems.push('JWT_SECRET must not be the published development key');
    return env.JWT_SECRET;
  }
  if (production) problems.push(`JWT_SECRET is required when NODE_ENV=production (${DEV_FLAG} is refused there)`);
  return flag === 'true' && !production ? DEV_JWT_SECRET : undefined;
}

function access(raw: string | undefined, name: string, problems: string[]): Access {
  const value = (raw || 'public').toLowerCase();
  if (value === 'public' || value === 'admin') return value;
  problems.push(`${name} must be public or admin (got "${raw}")`);
  return 'public';
}

function integer(raw: string, name: string, min: number, max: number, problems: string[]): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
  return value;
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
