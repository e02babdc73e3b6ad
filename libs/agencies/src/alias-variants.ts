/**
 * Mechanical spelling variants of an alias, on normalized tokens. Official texts abbreviate the
 * same few phrases everywhere ("UBND", "TP", "TW", "CP"); generating the combinations keeps the
 * data file to the forms a reader would list.
 */

interface Substitution {
  match: string[];
  alternatives: string[][];
  /** Alternatives only ever written in capitals ("TƯ", "T.Ư"): lower-case "từ" is another word. */
  capitalsOnly?: boolean;
}

const SUBSTITUTIONS: Substitution[] = [
  { match: ['uy', 'ban', 'nhan', 'dan'], alternatives: [['ubnd']] },
  { match: ['ubnd'], alternatives: [['uy', 'ban', 'nhan', 'dan']] },
  { match: ['thanh', 'pho'], alternatives: [['tp']] },
  { match: ['tp'], alternatives: [['thanh', 'pho']] },
  { match: ['trung', 'uong'], alternatives: [['tw']] },
  // "TƯ" folds to "tu", which also spells "tư" and "từ": only a target, and only in capitals.
  { match: ['trung', 'uong'], alternatives: [['tu'], ['t', 'u']], capitalsOnly: true },
  { match: ['tw'], alternatives: [['trung', 'uong']] },
  { match: ['tw'], alternatives: [['tu'], ['t', 'u']], capitalsOnly: true },
  { match: ['chinh', 'phu'], alternatives: [['cp']] },
  { match: ['cp'], alternatives: [['chinh', 'phu']] },
  { match: ['viet', 'nam'], alternatives: [['vn']] },
  { match: ['vn'], alternatives: [['viet', 'nam']] },
  { match: ['bao', 'hiem', 'xa', 'hoi'], alternatives: [['bhxh']] },
  { match: ['bhxh'], alternatives: [['bao', 'hiem', 'xa', 'hoi']] },
];

/** Abbreviation tokens that texts write in any case ("Tp.", "Ubnd"). */
export const CASE_FREE_TOKENS: ReadonlySet<string> = new Set(['ubnd', 'tp', 'tw', 'cp', 'vn']);

const MAX_VARIANTS = 64;

/** Origin of a substituted token; CAPITALS_ONLY marks one that must be written in capitals. */
export const SUBSTITUTED = -1;
export const CAPITALS_ONLY = -2;

/** A variant keeps, per token, the index of the source token it came from, or a marker above. */
export interface Variant {
  tokens: string[];
  origin: number[];
}

function matchesAt(tokens: string[], at: number, phrase: string[]): boolean {
  if (at + phrase.length > tokens.length) return false;
  for (let k = 0; k < phrase.length; k++) if (tokens[at + k] !== phrase[k]) return false;
  return true;
}

export function aliasVariants(tokens: string[]): Variant[] {
  let partial: Variant[] = [{ tokens: [], origin: [] }];
  let i = 0;
  while (i < tokens.length) {
    const subs = SUBSTITUTIONS.filter((s) => matchesAt(tokens, i, s.match));
    if (subs.length === 0) {
      for (const v of partial) {
        v.tokens.push(tokens[i]);
        v.origin.push(i);
      }
      i++;
      continue;
    }
    const matched = subs[0].match;
    const next: Variant[] = [];
    for (const v of partial) {
      next.push({ tokens: [...v.tokens, ...matched], origin: [...v.origin, ...matched.map((_, k) => i + k)] });
      for (const sub of subs) {
        const marker = sub.capitalsOnly ? CAPITALS_ONLY : SUBSTITUTED;
        for (const alt of sub.alternatives) {
          next.push({ tokens: [...v.tokens, ...alt], origin: [...v.origin, ...alt.map(() => marker)] });
        }
      }
    }
    partial = next.slice(0, MAX_VARIANTS);
    i += matched.length;
  }
  return partial;
}
