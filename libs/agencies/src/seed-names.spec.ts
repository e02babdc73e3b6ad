import * as fs from 'fs';
import * as path from 'path';
import { AgencyCatalogue } from './agency-catalogue';
import { normalizeVietnamese } from './normalize-vietnamese';

/**
 * The names used in the real documents (shared/seeds) and in the hand-made gold annotation
 * (shared/gold) must all resolve. The shared folder sits next to the repository.
 */
const SHARED = path.resolve(__dirname, '../../../../shared');
const SEEDS = path.join(SHARED, 'seeds');
const GOLD = path.join(SHARED, 'gold', 'seed-003.json');
const describeIfShared = fs.existsSync(GOLD) ? describe : describe.skip;

const catalogue = AgencyCatalogue.load();

interface GoldDirective {
  path: string;
  lead: string[];
  coordinators: string[];
}

function seed(prefix: string): string {
  const file = fs.readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`seed ${prefix} missing`);
  return fs.readFileSync(path.join(SEEDS, file), 'utf8');
}

describeIfShared('names in the seeds and the gold annotation', () => {
  const gold = JSON.parse(fs.readFileSync(GOLD, 'utf8')) as { directives: GoldDirective[] };

  it('resolves every lead and coordinator of gold/seed-003.json to the agency of that name', () => {
    const names = new Set(gold.directives.flatMap((d) => [...d.lead, ...d.coordinators]));
    expect(names.size).toBeGreaterThan(5);
    for (const name of names) {
      const hit = catalogue.resolveName(name);
      // Gold names agencies as in force on the issue date: the current name, or the former one.
      const named = hit?.via?.formerName ?? hit?.name;
      expect([name, named && normalizeVietnamese(named)]).toEqual([name, normalizeVietnamese(name)]);
    }
  });

  it('reads the owner headings of seed 003 as the gold leads of the directives under them', () => {
    const headings = [...seed('003_').matchAll(/^(?:#+\s*)?([a-zđ])\)\s+(.+)$/gmu)];
    expect(headings.map((h) => h[1])).toEqual(['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h']);
    for (const [, letter, rest] of headings) {
      const heading = catalogue.resolveName(rest);
      const leads = gold.directives.filter((d) => d.path.startsWith(`3.${letter}`)).flatMap((d) => d.lead);
      const expected = new Set(leads.flatMap((name) => catalogue.expand(catalogue.resolveName(name)?.code ?? '?')));
      expect([letter, new Set(catalogue.expand(heading?.code ?? '?'))]).toEqual([letter, expected]);
    }
  });

  it('resolves every "Cơ quan chủ trì" cell of the appendix table in seed 000', () => {
    const cells = new Set<string>();
    for (const line of seed('000_').split('\n')) {
      const cols = line.split('\t');
      if (cols.length < 4) continue;
      const cell = cols[2].replace(/<[^>]*>/g, '').trim();
      if (cell !== '' && cell !== 'Cơ quan chủ trì') cells.add(cell);
    }
    // A row broken by a page: "Các bộ, ngành," on one page, "địa phương" on the next.
    cells.delete('địa phương');
    expect(cells.size).toBeGreaterThan(10);
    for (const cell of cells) {
      const codes = catalogue.findMentions(cell).map((m) => m.code);
      expect([cell, codes.length > 0]).toEqual([cell, true]);
    }
    const shared = catalogue.findMentions([...cells].find((c) => c.startsWith('Bộ TTTT, Thông tấn xã')) ?? '');
    expect(shared.map((m) => m.code)).toEqual(['BKHCN', 'TTXVN', 'DTNVN', 'DTHVN', 'ALL_MINISTRIES']);
  });

  it('finds the agencies of the provincial cascade in seed 002', () => {
    const head = seed('002_').slice(0, 1500);
    const codes = catalogue.findMentions(head).map((m) => m.code);
    expect(codes).toEqual(expect.arrayContaining(['AGG', 'BKHCN']));
    expect(catalogue.resolveName('UBND TỈNH KIÊN GIANG')).toMatchObject({ code: 'AGG', via: { formerCode: 'KGG' } });
    // The departments it directs are sub-units: not resolved at national level.
    expect(catalogue.resolveName('Sở Thông tin và Truyền thông')).toBeUndefined();
  });

  it('names only agencies of the catalogue in the seeds, with no mention inside a document number', () => {
    for (const file of fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt'))) {
      const text = fs.readFileSync(path.join(SEEDS, file), 'utf8');
      for (const m of catalogue.findMentions(text)) {
        expect(catalogue.get(m.code) ?? catalogue.group(m.code)).toBeDefined();
        expect(text.slice(m.start - 1, m.start)).not.toMatch(/[/-]/);
      }
    }
  });
});
