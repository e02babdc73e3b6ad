/**
 * Runs every benchmark compiled next to this file (`*.bench.js`), one after another, each in its own
 * child process so one benchmark's heap, JIT state and open handles cannot affect the next.
 * Optional arguments are name filters: `npm run bench -- http` runs the files whose name contains
 * "http".
 */
import { fork } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BenchResult } from './bench-result';

const CHILD_FLAG = '--run-one';

function benchFiles(filters: string[]): string[] {
  return readdirSync(__dirname)
    .filter((file) => file.endsWith('.bench.js'))
    .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
    .sort();
}

/** Forks this script on one file; the child sends the BenchResult back over IPC. */
function runInChild(file: string): Promise<BenchResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [CHILD_FLAG, join(__dirname, file)]);
    let result: BenchResult | undefined;
    child.on('message', (message) => (result = message as BenchResult));
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      result && code === 0 ? resolve(result) : reject(new Error(`${file} failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

/** In the child: loads one benchmark module, runs it and reports its result to the parent. */
async function runOne(path: string): Promise<void> {
  const bench = (await import(path)) as { run?: () => Promise<BenchResult> };
  if (typeof bench.run !== 'function') throw new Error(`${path} exports no run()`);
  const result = await bench.run();
  // Exit once the message is out: a benchmark that leaves a handle open must not hang the suite.
  process.send!(result, () => process.exit(0));
}

async function main(filters: string[]): Promise<void> {
  const files = benchFiles(filters);
  if (files.length === 0) {
    console.error(`No benchmark in ${__dirname} matches ${filters.join(', ') || '*.bench.js'}`);
    process.exitCode = 1;
    return;
  }
  let failed = 0;
  for (const file of files) {
    console.log(`\n=== ${file.replace(/\.bench\.js$/, '')} ===`);
    try {
      const result = await runInChild(file);
      console.log(result.lines.join('\n'));
    } catch (error) {
      failed++;
      console.error(error instanceof Error ? error.message : error);
    }
  }
  if (failed) process.exitCode = 1;
}

const at = process.argv.indexOf(CHILD_FLAG);
const done = at >= 0 ? runOne(process.argv[at + 1]) : main(process.argv.slice(2));
done.catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
