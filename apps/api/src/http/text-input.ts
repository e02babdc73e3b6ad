import { problem, ProblemError } from './problem';

/**
 * Characters no stored text may hold: C0 controls other than TAB, LF and CR (NUL first of all),
 * DEL and the C1 controls, the bidirectional embeddings, overrides and isolates that make a text
 * read differently from what is stored ("Trojan Source"), and lone UTF-16 surrogates, which are not
 * text at all and which PostgreSQL and the .docx/.xlsx writers refuse. The regular expression has no
 * `u` flag on purpose: it must see the surrogate halves one by one.
 */
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'g');
/**
 * One character class, ~4x cheaper than FORBIDDEN (no alternation, no look-around): every string
 * FORBIDDEN matches holds one of these. A string without any is fine as it is; one with a surrogate
 * (an emoji's well-formed pair) is judged by FORBIDDEN.
 */
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/;
/** NFC never changes pure ASCII: most strings skip normalize() and its allocation. */
const NON_ASCII = /[^\u0000-\u007F]/;

/** What is wrong with a string, said for the user (Vietnamese), or undefined when it is fine. */
export function forbiddenCharacter(text: string): string | undefined {
  if (!SUSPECT.test(text)) return undefined;
  const found = FORBIDDEN.exec(text);
  if (!found) return undefined;
  const unit = found[0].charCodeAt(0);
  const code = `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;
  if (unit >= 0xd800 && unit <= 0xdfff) return `nửa cặp thay thế UTF-16 đứng lẻ (${code})`;
  if (unit >= 0x202a) return `ký tự điều khiển hướng chữ (${code})`;
  return `ký tự điều khiển (${code})`;
}

/** Drops the forbidden characters (text the user cannot see or fix, such as a .docx's). */
export function withoutForbiddenCharacters(text: string): string {
  return SUSPECT.test(text) && FORBIDDEN.test(text) ? text.replace(FORBIDDEN_ALL, '') : text;
}

/** One string as it is stored: refused (400 naming the field) if it holds a forbidden character, else NFC. */
export function cleanText(text: string, field: string): string {
  return clean(text, '', field);
}

/** cleanText for the string at `path`.`key`, whose name is spelled out only for an error (it runs on every string of every request). */
function clean(text: string, path: string, key: string): string {
  const reason = forbiddenCharacter(text);
  if (reason) {
    const field = path ? `${path}.${key}` : key;
    const message = `${field} chứa ký tự không được phép: ${reason}`;
    throw new ProblemError(problem('validation', message, { errors: [{ field, message }] }));
  }
  return NON_ASCII.test(text) ? text.normalize('NFC') : text;
}

/**
 * Every string of a parsed body, query or path parameter checked and NFC-normalised in place
 * (objects and arrays are the request's own). Iterative, so a deeply nested JSON body cannot
 * exhaust the stack. Field names follow the validation errors: `directives.0.text`.
 */
export function cleanTextInput(value: unknown, field = ''): unknown {
  if (typeof value === 'string') return cleanText(value, field || 'body');
  const pending: [Record<string, unknown> | unknown[], string][] = [];
  if (isContainer(value)) pending.push([value, field]);
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [container, path] = next;
    for (const key of Object.keys(container)) {
      const child = (container as Record<string, unknown>)[key];
      if (typeof child === 'string') (container as Record<string, unknown>)[key] = clean(child, path, key);
      else if (isContainer(child)) pending.push([child, path ? `${path}.${key}` : key]);
    }
  }
  return value;
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null && !Buffer.isBuffer(value);
}
