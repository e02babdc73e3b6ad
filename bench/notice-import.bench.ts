/**
 * End-to-end import: the text of a notice with 30 directives, 26 of them addressed to "Các Bộ,
 * ngành, địa phương" (fanned out to every ministry and province), POSTed to /notices/import on the
 * real API. Figures: time to 201 and events appended per second. Goal: the import answers in < 1 s.
 *
 *   npm run bench -- notice-import
 */
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiApp } from '../apps/api/src/api.app';
import { signToken } from '@tdnv/auth';
import { loadConfig } from '@tdnv/config';
import { deletePrefixedKeys } from '@tdnv/queues';
import { BenchResult } from './bench-result';

const SECRET = 'bench-secret-for-the-import-benchmark-000';
const RUNS = 5;

export function syntheticNotice(): string {
  const group = Array.from(
    { length: 26 },
    (_, i) =>
      `- Rà soát, hoàn thiện quy định về chuyển đổi số trong lĩnh vực thứ ${i + 1}, hoàn thành trong tháng ${(i % 12) + 1} năm 2027.`,
  );
  return [
    'VĂN PHÒNG CHÍNH PHỦ',
    'THÔNG BÁO',
    'Kết luận của Thủ tướng Chính phủ tại phiên họp về chuyển đổi số quốc gia',
    '1. Thủ tướng Chính phủ biểu dương các Bộ, ngành, địa phương đã tích cực triển khai.',
    '2. Nhiệm vụ thời gian tới:',
    'a) Các Bộ, ngành, địa phương:',
    ...group,
    'b) Bộ Tài chính:',
    '- Bố trí kinh phí thực hiện Đề án, hoàn thành trong Quý I năm 2027.',
    '- Hướng dẫn cơ chế tài chính cho dữ liệu số, hoàn thành trong tháng 6 năm 2027.',
    'c) Bộ Công an:',
    '- Hoàn thiện cơ sở dữ liệu quốc gia về dân cư, hoàn thành trong năm 2027.',
    'd) Bộ Khoa học và Công nghệ:',
    '- Xây dựng nền tảng tích hợp, chia sẻ dữ liệu quốc gia, hoàn thành trong tháng 9 năm 2027.',
    'Văn phòng Chính phủ thông báo để các Bộ, cơ quan, địa phương biết, thực hiện./.',
  ].join('\n');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function run(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tdnv-bench-import-'));
  // A queue prefix of its own: the API's nudges stay out of shared queues and are deleted afterwards.
  const config = loadConfig({
    DATA_DIR: dataDir,
    JWT_SECRET: SECRET,
    CLOCK_START: '2026-12-01T02:00:00Z',
    QUEUE_PREFIX: `bench-import-${randomUUID()}`,
  });
  const app = await createApiApp(config, ['error']);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const token = signToken({ sub: 'bench', role: 'vpcp' }, SECRET);
  const text = syntheticNotice();
  const times: number[] = [];
  let tasks = 0;
  let directives = 0;
  try {
    for (let i = 0; i <= RUNS; i++) {
      const started = process.hrtime.bigint();
      const res = await fetch(`${base}/api/v1/notices/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text, number: `${100 + i}/TB-VPCP`, issuedAt: '2026-12-01' }),
      });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const body = (await res.json()) as { taskIds?: string[]; directives?: number };
      if (res.status !== 201) throw new Error(`import answered ${res.status}: ${JSON.stringify(body)}`);
      tasks = body.taskIds!.length;
      directives = body.directives!;
      if (i > 0) times.push(ms); // the first run warms up the parser and the catalogue index
    }
  } finally {
    await app.close();
    const redis = new Redis(config.redisUrl);
    await deletePrefixedKeys(redis, config.queuePrefix!).finally(() => redis.disconnect());
    rmSync(dataDir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  const median = percentile(times, 50);
  const events = tasks + 1;
  return {
    name: 'notice import (issue 3)',
    lines: [
      `notice: ${directives} directives → ${tasks} tasks (${events} events), ${RUNS} imports after one warm-up`,
      `time to 201: median ${median.toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms (goal < 1000 ms: ${times[times.length - 1] < 1000 ? 'met' : 'NOT met'})`,
      `events appended per second (median import): ${Math.round(events / (median / 1000))}`,
    ],
  };
}

if (require.main === module) run().then((r) => console.log([r.name, ...r.lines].join('\n')));
