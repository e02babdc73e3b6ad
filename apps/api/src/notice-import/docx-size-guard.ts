import { Readable } from 'node:stream';
import { Entry, fromBufferPromise, ZipFile } from 'yauzl';

/**
 * What a .docx may hold before mammoth reads it. mammoth inflates every part it needs into memory
 * and builds a DOM of the XML, synchronously: the inflated size and the number of XML tags, not
 * the upload size (10 × BODY_LIMIT_BYTES), are what its memory and time grow with. Measured on
 * this machine: a realistic 4.9 MB document.xml (2.1 M characters of text, about 200 000 tags)
 * takes mammoth 1.4 s and 120 MB; 5 MB of empty paragraphs (870 000 tags) took 19 s.
 */
export interface DocxLimits {
  /** All parts inflated. Images, stored already compressed, inflate hardly at all. */
  maxInflatedBytes: number;
  maxEntries: number;
  /** A part above `ratioFloorBytes` that inflates more than `maxRatio` times its stored size. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** `<` in the XML parts (.xml, .rels): the elements mammoth's DOM will hold. */
  maxXmlTags: number;
}

export const DOCX_LIMITS: DocxLimits = {
  // 20 MB: the text cap (2 M characters, notice-text.ts) in Word's markup stays near 5 MB; the
  // rest leaves room for a few photographs.
  maxInflatedBytes: 20 * 1024 * 1024,
  // A Word file has a few dozen parts, a few hundred with many images.
  maxEntries: 1000,
  // Word XML deflates about 5:1 to 10:1 (seed 003 written by the docx package: 4.6:1); beyond
  // 100:1 a part is mostly a run of repeated bytes, the body of a zip bomb. Parts under 1 MB pass
  // whatever their ratio: a small part of spaces is harmless.
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  // About the 2 M-character text cap in realistic markup; bounds mammoth near a few seconds and a
  // few hundred MB even for pathological markup (every tag an empty paragraph).
  maxXmlTags: 250_000,
};

/** The file would inflate past the limits: answered 413. */
export class DocxTooLargeError extends Error {}
/** Not a zip, or one yauzl cannot read (encrypted, unknown compression): answered 415. */
export class DocxUnreadableError extends Error {}

/**
 * Proves a .docx stays within the limits before anything inflates it into memory: first what its
 * central directory declares (refused at once, nothing inflated), then every part stream-inflated
 * with its bytes and tags counted and dropped, so a file that lies about its sizes is stopped as
 * soon as it passes them. Memory stays at a few inflate buffers, whatever the file.
 */
export async function assertDocxWithinLimits(buffer: Buffer, limits: DocxLimits = DOCX_LIMITS): Promise<void> {
  const zip = await openZip(buffer);
  try {
    const entries = await declaredEntries(zip, limits);
    const seen = { bytes: 0, tags: 0 };
    for (const entry of entries) await inflate(zip, entry, seen, limits);
  } finally {
    zip.close();
  }
}

async function openZip(buffer: Buffer): Promise<ZipFile> {
  try {
    // validateEntrySizes: yauzl also stops a part that inflates past the size it declares.
    return await fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch (error) {
    throw new DocxUnreadableError((error as Error).message);
  }
}

const tooLarge = (limits: DocxLimits) =>
  new DocxTooLargeError(`khi giải nén tệp lớn hơn ${Math.round(limits.maxInflatedBytes / (1024 * 1024))} MB`);

/** The central directory's entries, refused on count, declared total or ratio before any inflating. */
async function declaredEntries(zip: ZipFile, limits: DocxLimits): Promise<Entry[]> {
  if (zip.entryCount > limits.maxEntries) throw new DocxTooLargeError(`tệp có ${zip.entryCount} phần, tối đa ${limits.maxEntries}`);
  const entries: Entry[] = [];
  let declared = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      declared += entry.uncompressedSize;
      if (declared > limits.maxInflatedBytes) throw tooLarge(limits);
      if (entry.uncompressedSize > limits.ratioFloorBytes && entry.uncompressedSize > limits.maxRatio * entry.compressedSize)
        throw new DocxTooLargeError(`phần ${entry.fileName} nén với tỷ lệ bất thường (hơn ${limits.maxRatio}:1)`);
      entries.push(entry);
    }
  } catch (error) {
    if (error instanceof DocxTooLargeError) throw error;
    throw new DocxUnreadableError((error as Error).message);
  }
  return entries;
}

const isXmlPart = (name: string): boolean => /\.(xml|rels)$/i.test(name);

/** Inflates one part, counting and dropping its bytes (and tags, for XML); refused once past a limit. */
async function inflate(zip: ZipFile, entry: Entry, seen: { bytes: number; tags: number }, limits: DocxLimits): Promise<void> {
  if (entry.fileName.endsWith('/')) return;
  const xml = isXmlPart(entry.fileName);
  let stream: Readable | undefined;
  try {
    stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      seen.bytes += chunk.length;
      if (seen.bytes > limits.maxInflatedBytes) throw tooLarge(limits);
      if (xml) seen.tags += countTags(chunk);
      if (seen.tags > limits.maxXmlTags)
        throw new DocxTooLargeError(`văn bản có hơn ${limits.maxXmlTags.toLocaleString('vi-VN')} thẻ định dạng XML`);
    }
  } catch (error) {
    if (error instanceof DocxTooLargeError) throw error;
    // yauzl's words for a part that inflates past the size it declared: the trick of a bomb that lies.
    if (/too many bytes/i.test((error as Error).message))
      throw new DocxTooLargeError(`phần ${entry.fileName} giải nén ra nhiều hơn kích thước khai báo`);
    throw new DocxUnreadableError((error as Error).message);
  } finally {
    stream?.destroy();
  }
}

function countTags(chunk: Buffer): number {
  let count = 0;
  for (let at = chunk.indexOf(0x3c); at !== -1; at = chunk.indexOf(0x3c, at + 1)) count++;
  return count;
}
