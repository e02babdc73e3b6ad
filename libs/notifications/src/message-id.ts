import { createHash } from 'node:crypto';

/**
 * A deterministic Message-ID: a resend of the same (task, rung, due) — or of the same digest —
 * carries the same id, so mail servers and clients can recognise it as the same message.
 */
export function messageIdFor(parts: readonly string[], domain = 'theo-doi-nhiem-vu.local'): string {
  const hash = createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 40);
  return `<${hash}@${domain}>`;
}
