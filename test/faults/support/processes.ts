import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { eventually } from '@tdnv/testing';

const ROOT = join(__dirname, '..', '..', '..');
const REGISTER = join(__dirname, '..', '..', 'support', 'swc-register.cjs');

/** A port nobody listens on right now (the OS picks it; the child binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * One app process of the cluster, the real entry point (apps/api/src/main.ts or
 * apps/worker/src/main.ts) run from the sources, its output in a log file. `kill9` is a crash;
 * `stop` is the graceful SIGTERM an orchestrator sends.
 */
export class AppProcess {
  child?: ChildProcess;
  private exited?: Promise<number | null>;
  starts = 0;

  constructor(
    readonly name: string,
    private readonly entry: 'api' | 'worker',
    private readonly env: () => NodeJS.ProcessEnv,
    readonly logFile: string,
  ) {}

  get pid(): number {
    return this.child!.pid!;
  }

  start(): void {
    const log = createWriteStream(this.logFile, { flags: 'a' });
    const child = spawn(process.execPath, ['-r', REGISTER, join(ROOT, 'apps', this.entry, 'src', 'main.ts')], {
      cwd: ROOT,
      env: this.env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    this.child = child;
    this.starts++;
  }

  running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  async kill9(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, then the exit code (the process drains first). */
  async stop(): Promise<number | null> {
    if (!this.running()) return this.child?.exitCode ?? null;
    this.child!.kill('SIGTERM');
    return this.exited!;
  }

  tail(lines = 30): string {
    try {
      return readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }
}

/**
 * A Redis server of the suite's own, without persistence (as the machine's), so the suite can
 * restart it — and lose everything in it — without touching anybody else's data.
 */
export class PrivateRedis {
  private child?: ChildProcess;
  port = 0;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (!this.port) this.port = await freePort();
    const args = [
      '--port',
      String(this.port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'noeviction',
      '--daemonize',
      'no',
    ];
    this.child = spawn('redis-server', args, { stdio: 'ignore' });
    const Redis = (await import('ioredis')).default;
    await eventually(
      async () => {
        const probe = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
        probe.on('error', () => undefined);
        try {
          await probe.connect();
          return (await probe.ping()) === 'PONG';
        } catch {
          return false;
        } finally {
          probe.disconnect();
        }
      },
      `redis-server on port ${this.port}`,
      { timeoutMs: 10_000, intervalMs: 20 },
    );
  }

  /** kill -9 and start again on the same port: every key is gone, as after a crash without persistence. */
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}
