import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A local SMTP sink for the reminder benchmark: keeps only each mail's Message-ID and arrival time. */
export class BenchSmtpSink {
  readonly received: { messageId: string; at: number }[] = [];
  private waiter?: { count: number; resolve: () => void };
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, _session, callback) => {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.toString('utf8');
      });
      stream.on('end', () => {
        const messageId = /^Message-ID:\s*(.*)$/im.exec(head)?.[1].trim() ?? '';
        this.received.push({ messageId, at: Date.now() });
        if (this.waiter && this.received.length >= this.waiter.count) this.waiter.resolve();
        callback();
      });
    },
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  until(count: number): Promise<void> {
    return this.received.length >= count ? Promise.resolve() : new Promise((resolve) => (this.waiter = { count, resolve }));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
