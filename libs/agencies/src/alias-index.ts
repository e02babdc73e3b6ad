import { aliasVariants, CAPITALS_ONLY, CASE_FREE_TOKENS, SUBSTITUTED } from './alias-variants';
import { CASE_ANY, CASE_TITLE, CASE_UPPER, caseMatches, outsideDocumentNumber, standsAlone } from './mention-guards';
import { hashWord, spanFoldsTo, tokenizeVietnamese, TokenSpans, TokenStream } from './vietnamese-tokenizer';

/**
 * A trie over normalized words: each position of a text costs one map lookup when no alias
 * starts there, and the walk yields the longest alias that starts at a position.
 */

export interface AliasSource {
  /** Code of the agency, group or predecessor the alias names. */
  target: string;
  alias: string;
  /** A bare place name ("Hòa Bình"): must be capitalized and stand alone in running text. */
  bare: boolean;
}

interface AliasForm {
  cases: number[];
  bare: boolean;
  abbreviation: boolean;
}

interface TrieNode {
  /** Keyed by word hash; `word` confirms the hit, so a hash collision never makes a match. */
  next: Map<number, TrieNode>;
  word: string;
  target?: string;
  alias?: string;
  forms?: AliasForm[];
}

export interface AliasConflict {
  key: string;
  targets: [string, string];
  aliases: [string, string];
}

export interface AliasMatch {
  target: string;
  /** Token index after the last matched token. */
  endToken: number;
}

function caseRules(alias: string, stream: TokenStream, bare: boolean): number[] {
  return stream.norms.map((norm, k) => {
    if (bare) return CASE_TITLE;
    const raw = alias.slice(stream.starts[k], stream.ends[k]);
    const allCaps = raw === raw.toUpperCase() && raw !== raw.toLowerCase() && raw.length > 1;
    return allCaps && !CASE_FREE_TOKENS.has(norm) ? CASE_UPPER : CASE_ANY;
  });
}

/**
 * A name never spans a table cell (tab), a clause break or a parenthesis: "Bộ: Tài chính" or
 * "thành phố (Hà Nội" are not one name. Commas, dashes, dots and line breaks occur inside names.
 */
function crossable(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x09 || c === 0x3a || c === 0x3b || c === 0x28 || c === 0x29 || c === 0x5b || c === 0x5d) return false;
  }
  return true;
}

export class AliasIndex {
  private readonly root: TrieNode = { next: new Map(), word: '' };
  readonly conflicts: AliasConflict[] = [];

  constructor(sources: Iterable<AliasSource>) {
    for (const source of sources) this.add(source);
  }

  private add({ target, alias, bare }: AliasSource): void {
    const stream = tokenizeVietnamese(alias);
    if (stream.norms.length === 0) return;
    const cases = caseRules(alias, stream, bare);
    for (const variant of aliasVariants(stream.norms)) {
      const form: AliasForm = {
        cases: variant.origin.map((o) => (o === SUBSTITUTED ? CASE_ANY : o === CAPITALS_ONLY ? CASE_UPPER : cases[o])),
        bare,
        abbreviation: variant.tokens.length === 1 && cases[0] === CASE_UPPER,
      };
      this.insert(variant.tokens, target, alias, form);
    }
  }

  private insert(tokens: string[], target: string, alias: string, form: AliasForm): void {
    let node = this.root;
    for (const token of tokens) {
      const hash = hashWord(token);
      let child = node.next.get(hash);
      if (child && child.word !== token) throw new Error(`alias index: words "${child.word}" and "${token}" share a hash`);
      if (!child) {
        child = { next: new Map(), word: token };
        node.next.set(hash, child);
      }
      node = child;
    }
    const key = tokens.join(' ');
    if (node.target !== undefined && node.target !== target) {
      this.conflicts.push({ key, targets: [node.target, target], aliases: [node.alias ?? '', alias] });
      return;
    }
    node.target = target;
    node.alias ??= alias;
    node.forms ??= [];
    node.forms.push(form);
  }

  /**
   * Longest alias starting at token `at`. `strict` applies the running-text guards (letter case,
   * proper-name boundaries, document numbers); a phrase given on purpose skips them.
   */
  match(tokens: TokenSpans, text: string, at: number, strict: boolean, walk?: { reached: number }): AliasMatch | undefined {
    let node: TrieNode | undefined = this.root;
    let best: AliasMatch | undefined;
    for (let k = at; k < tokens.count; k++) {
      if (walk) walk.reached = k;
      if (k > at && !crossable(text, tokens.ends[k - 1], tokens.starts[k])) break;
      node = node.next.get(tokens.hashes[k]);
      if (!node || !spanFoldsTo(text, tokens.starts[k], tokens.ends[k], node.word)) break;
      if (node.target === undefined || !node.forms) continue;
      if (!strict || node.forms.some((f) => this.accepts(f, tokens, text, at, k + 1))) {
        best = { target: node.target, endToken: k + 1 };
      }
    }
    return best;
  }

  private accepts(form: AliasForm, tokens: TokenSpans, text: string, at: number, end: number): boolean {
    for (let k = at; k < end; k++) {
      if (!caseMatches(form.cases[k - at], text, tokens.starts[k], tokens.ends[k])) return false;
    }
    if (form.abbreviation && !outsideDocumentNumber(text, tokens.starts[at], tokens.ends[end - 1])) return false;
    return !form.bare || standsAlone(tokens, text, at, end, (k) => this.root.next.has(tokens.hashes[k]));
  }
}
