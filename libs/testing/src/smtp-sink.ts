import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  messageId: string;
  raw: string;
  receivedAt: number;
}

/**
 * A real SMTP server in the test (or benchmark) process. `down(n)` makes the next n deliveries fail
 * with 451, as an unreachable relay would. With `keepRaw: false` (benchmarks sending 100k mails)
 * only the headers are read and kept.
 */
export class SmtpSink {
  constructor(private readonly options: { keepRaw?: boolean } = {}) {}

  readonly mails: ReceivedMail[] = [];
  private failures = 0;
  private waiters: { count: number; resolve: () => void }[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      stream.on('data', (c: Buffer) => {
        if (this.options.keepRaw !== false || kept < HEAD_BYTES) chunks.push(c);
        kept += c.length;
      });
      stream.on('end', () => {
        if (this.failures > 0) {
          this.failures--;
          return callback(Object.assign(new Error('Service temporarily unavailable'), { responseCode: 451 }));
        }
        const all = Buffer.concat(chunks).toString('utf8');
        const raw = this.options.keepRaw === false ? '' : all;
        const to = session.envelope.rcptTo.map((r) => r.address);
        this.mails.push({
          to,
          subject: decodeHeader(header(all, 'Subject')),
          messageId: header(all, 'Message-ID'),
          raw,
          receivedAt: Date.now(),
        });
        this.waiters = this.waiters.filter((w) => (this.mails.length >= w.count ? (w.resolve(), false) : true));
        callback();
      });
    },
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  down(deliveries: number): void {
    this.failures = deliveries;
  }

  /** Resolves when `count` mails have arrived in total. */
  received(count: number, timeoutMs = 20_000): Promise<ReceivedMail[]> {
    if (this.mails.length >= count) return Promise.resolve(this.mails);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`expected ${count} mails, got ${this.mails.length}: ${this.mails.map((m) => m.subject).join(' | ')}`)),
        timeoutMs,
      );
      this.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve(this.mails)) });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const HEAD_BYTES = 4096;

function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}:\\s*(.*)$`, 'mi').exec(head)?.[1].trim() ?? '';
}

/** RFC 2047 encoded words (B and Q), enough for nodemailer's UTF-8 subjects. */
function decodeHeader(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}
