import { Writable } from 'node:stream';

/**
 * How log lines are written: JSON (one object per line, for collectors) unless the output is a
 * terminal, where a person reads them. LOG_FORMAT=json|pretty overrides the guess.
 */
export type LogFormat = 'json' | 'pretty';

export function logFormat(env: NodeJS.ProcessEnv = process.env, isTerminal = Boolean(process.stdout.isTTY)): LogFormat {
  const asked = env.LOG_FORMAT?.toLowerCase();
  if (asked === 'json' || asked === 'pretty') return asked;
  return isTerminal ? 'pretty' : 'json';
}

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const COLOURS: Record<number, string> = { 10: '90', 20: '90', 30: '32', 40: '33', 50: '31', 60: '35' };
/** Fields every line has; the pretty form shows them in its fixed columns or leaves them out. */
const SHOWN = new Set(['level', 'severity', 'time', 'msg', 'context', 'app', 'pid', 'hostname', 'instance']);

/** One JSON log line as a person reads it: `12:00:01.123 INFO  [context] message key=value …`. */
export function prettyLine(json: string, colour: boolean): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const level = Number(record.level);
  const name = (LEVELS[level] ?? String(record.level)).padEnd(5);
  const time = typeof record.time === 'string' ? record.time.slice(11, 23) : '';
  const context = record.context ? ` [${String(record.context)}]` : '';
  const rest = Object.entries(record)
    .filter(([key]) => !SHOWN.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  const head = colour ? `\u001b[${COLOURS[level] ?? '0'}m${name}\u001b[0m` : name;
  return `${time} ${head}${context} ${String(record.msg ?? '')}${rest ? ` ${rest}` : ''}\n`;
}

/** A synchronous destination that pretty-prints pino's JSON lines (no worker thread, no extra package). */
export function prettyStream(out: NodeJS.WriteStream = process.stdout): Writable {
  const colour = Boolean(out.isTTY) && !process.env.NO_COLOR;
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line) out.write(prettyLine(line, colour));
      done();
    },
  });
}
