export interface BenchResult {
  name: string;
  lines: string[];
}
