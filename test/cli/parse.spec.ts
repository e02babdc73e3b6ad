import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from '@tdnv/directive-parser';
import { runParse, wrap } from '../../apps/cli/src/parse.command';

/** `npm run cli -- parse <file>`: Vietnamese by default, the JSON form unchanged. */
describe('parse command', () => {
  const seed = (name: string) => resolve(__dirname, '../../../shared/seeds', name);
  const corpus = (name: string) => resolve(__dirname, '../../libs/directive-parser/corpus', name);
  let out = '';
  let write: jest.SpyInstance;

  beforeEach(() => {
    out = '';
    write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  });
  afterEach(() => write.mockRestore());

  it('prints Vietnamese headers, dd/mm/yyyy dates, the first words of each directive and report status', async () => {
    expect(await runParse([corpus('22-bao-cao-ubnd-quang-ninh-phu-luc.txt')])).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('Báo cáo số 305/BC-UBND, ngày 15/12/2025');
    expect(lines[1]).toBe('Cơ quan ban hành: Ủy ban nhân dân tỉnh Quảng Ninh');
    expect(out).toMatch(/^Vị trí\s+Nội dung\s+Cơ quan chủ trì\s+Phối hợp\s+Thời hạn\s+Trạng thái\s+Căn cứ thời hạn$/m);
    expect(out).toMatch(/^PL\.I\.1\s+Hoàn thành giải phóng mặt bằng…\s+\*Sở Xây dựng\s+30\/06\/2025\s+Đã hoàn thành\s+30\/6\/2025$/m);
    expect(out).toContain('6 chỉ đạo, trong đó 3 đã hoàn thành theo báo cáo');
    expect(out).toContain('Cảnh báo:');
    expect(out).toContain('Đoạn không giao nhiệm vụ:');
    expect(out).not.toMatch(/\b(?:directives|warnings|unresolved|issued)\b/);
  });

  it('wraps a long lead name over several lines instead of cutting it', async () => {
    expect(await runParse([seed('003_d46952eb1e57d3ec.txt')])).toBe(0);
    // "Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ; Ủy ban nhân dân …" is longer than the column.
    const block = out.split('\n').filter((l) => l.startsWith('3.a.1 ') || l.startsWith('      '));
    const leadColumn = block
      .map((l) => l.slice(48, 78).trim())
      .filter(Boolean)
      .join(' ');
    expect(leadColumn).toContain(
      'Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ; Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương',
    );
    expect(wrap('Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương', 20)).toEqual([
      'Ủy ban nhân dân các',
      'tỉnh, thành phố trực',
      'thuộc Trung ương',
    ]);
  });

  it('prints the parse result object unchanged with --json', async () => {
    expect(await runParse([seed('002_98910b58b986d79f.txt'), '--json', '--issued-at', '2021-09-11'])).toBe(0);
    const file = readFileSync(seed('002_98910b58b986d79f.txt'), 'utf8');
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(parse(file, { issuedAt: '2021-09-11' }))));
  });

  it('resolves a province catalogue given with --catalogue', async () => {
    const catalogue = resolve(__dirname, '../../libs/agencies/catalogues/lai-chau.csv');
    expect(await runParse([corpus('03-tb-kl-chu-tich-ubnd-lai-chau.txt'), '--catalogue', catalogue, '--json'])).toBe(0);
    const result = JSON.parse(out) as ReturnType<typeof parse>;
    expect(result.directives.find((d) => d.path === '3')?.lead).toEqual([{ code: 'LCU_SYT', name: 'Sở Y tế' }]);
  });

  it('answers a bad option in Vietnamese', async () => {
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await runParse(['--issued-at', '12/3/2024', 'x.txt'])).toBe(2);
    expect(String(err.mock.calls[0][0])).toMatch(/^--issued-at cần một ngày dạng YYYY-MM-DD/);
    err.mockRestore();
  });
});
