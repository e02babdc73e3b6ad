export interface BenchResult {
  name: string;
  lines: string[];
}

/**
 * A bench started on its own (`node … bench/x.bench.ts [args]`), not through run-all: prints its
 * lines and exits, 1 on an error. `mod` is the caller's `module`; run-all imports it and calls `run`.
 */
export function runWhenMain(mod: NodeModule, run: () => Promise<BenchResult>): void {
  if (require.main !== mod) return;
  run().then(
    (result) => {
      console.log(result.lines.join('\n'));
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
