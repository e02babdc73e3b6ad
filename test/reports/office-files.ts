import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fromBufferPromise } from 'yauzl';

/** The parts of an Office file (a zip), by name, as text: what Word and LibreOffice read. */
export async function zipParts(buffer: Buffer): Promise<Map<string, string>> {
  const zip = await fromBufferPromise(buffer, { lazyEntries: true });
  const parts = new Map<string, string>();
  try {
    for await (const entry of zip.eachEntry()) {
      const chunks: Buffer[] = [];
      for await (const chunk of (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) chunks.push(chunk);
      parts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
    }
  } finally {
    zip.close();
  }
  return parts;
}

/** Every value of `attribute` on `element` in an XML part (w:rFonts w:ascii, …). */
export const attributeValues = (xml: string, element: string, attribute: string): string[] =>
  [...xml.matchAll(new RegExp(`<${element}\\b[^>]*?\\s${attribute}="([^"]*)"`, 'g'))].map((m) => m[1]);

export const count = (xml: string, element: string): number => (xml.match(new RegExp(`<${element}[\\s/>]`, 'g')) ?? []).length;

const run = promisify(execFile);

/**
 * Renders a DOCX or XLSX to PDF with LibreOffice, as `soffice --headless --convert-to pdf --outdir
 * <dir> <file>`, and returns its pages' sizes (points). A profile of its own, so a test never waits
 * on another LibreOffice instance's lock.
 */
export async function renderPdf(file: Buffer, extension: 'docx' | 'xlsx'): Promise<{ pages: { width: number; height: number }[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'tdnv-render-'));
  try {
    const input = join(dir, `document.${extension}`);
    writeFileSync(input, file);
    await run(
      'soffice',
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input],
      { timeout: 170_000 },
    );
    const pdf = readFileSync(join(dir, 'document.pdf')).toString('latin1');
    const pages = [...pdf.matchAll(/\/Type\s*\/Page\b(?!s)[^>]*?\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map(
      (m) => ({
        width: Number(m[3]) - Number(m[1]),
        height: Number(m[4]) - Number(m[2]),
      }),
    );
    return { pages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether LibreOffice is on the PATH here. */
export const hasSoffice = (): boolean => spawnSync('sh', ['-c', 'command -v soffice'], { stdio: 'ignore' }).status === 0;
