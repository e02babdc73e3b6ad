import pino, { Logger, LoggerOptions } from 'pino';
import { hostname } from 'node:os';
import { logFormat, LogFormat, prettyStream } from './log-format';

export type { Logger } from 'pino';

export interface LoggerSettings {
  /** `api`, `worker`, `cli`: the `app` field of every line. */
  app: string;
  /** LOG_LEVEL: trace, debug, info (default), warn, error, fatal, silent. */
  level?: string;
  format?: LogFormat;
  /** Where JSON lines go (tests); default stdout. */
  destination?: NodeJS.WritableStream;
}

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/** LOG_LEVEL, checked: a typo must not silence the logs. */
export function logLevel(env: NodeJS.ProcessEnv = process.env): string {
  const level = (env.LOG_LEVEL || 'info').toLowerCase();
  if (!LEVELS.includes(level)) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`);
  return level;
}

/**
 * The process's root logger: pino, one JSON object per line with an ISO timestamp, the level as a
 * word, the app, the process and an instance id that tells several replicas apart. Pretty only on a
 * terminal (log-format.ts).
 */
export function createLogger(settings: LoggerSettings): Logger {
  const options: LoggerOptions = {
    level: settings.level ?? logLevel(),
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label, number) => ({ level: number, severity: label }) },
    base: { app: settings.app, pid: process.pid, hostname: hostname(), instance: instanceId(settings.app) },
    // A password or a token never reaches a log line, whatever a caller hands over.
    redact: {
      paths: ['password', '*.password', 'token', '*.token', 'authorization', '*.authorization', 'headers.authorization'],
      censor: '[redacted]',
    },
  };
  const format = settings.format ?? logFormat();
  const destination = settings.destination ?? (format === 'pretty' ? prettyStream() : pino.destination({ sync: false }));
  return pino(options, destination as pino.DestinationStream);
}

let instance: string | undefined;

/** `<app>-<host>-<pid>`: stable for the process, unique across replicas (also the worker's heartbeat id). */
export function instanceId(app: string): string {
  instance ??= `${app}-${hostname()}-${process.pid}`;
  return instance;
}
