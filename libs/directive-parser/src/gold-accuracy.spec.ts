import * as path from 'path';
import { agencyDirectory, parse } from '.';
import { Score, formatScores, loadGold, scoreGold } from './gold-score.testing';

/**
 * Scores the parser on every hand-made annotation: the shared gold files (../shared/gold, texts in
 * ../shared/seeds) and this library's own fixtures. Recall and precision match directives by the
 * gold `starts` prefix; lead and due are exact among the matched directives.
 */
const SHARED = path.resolve(__dirname, '../../../../shared');
const FIXTURES = path.resolve(__dirname, '../fixtures');
const dir = agencyDirectory();

const shared = loadGold(path.join(SHARED, 'gold'), path.join(SHARED, 'seeds'));
const own = loadGold(FIXTURES, FIXTURES);
const scores: Score[] = [];

afterAll(() => {
  console.log(`Directive parser accuracy\n${formatScores(scores)}`);
});

describe.each([...shared.map((g) => ({ ...g, own: false })), ...own.map((g) => ({ ...g, own: true }))])('gold $name', (g) => {
  const score = scoreGold(g.name, g.gold, parse(g.text, g.gold.issued ? { issuedAt: g.gold.issued } : {}), dir);
  scores.push(score);

  const mustBePerfect = g.name === 'seed-003.json' || g.own;
  (mustBePerfect ? it : it.skip)('finds every directive with its lead and due date, and nothing else', () => {
    expect(score.misses).toEqual([]);
    expect([score.recall, score.precision, score.lead, score.due]).toEqual([1, 1, 1, 1]);
  });
});

it('has the shared seed-003 gold file to score against', () => {
  expect(shared.map((g) => g.name)).toContain('seed-003.json');
});
