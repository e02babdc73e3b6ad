import { BODY_END } from './directive.filter';
import { isMarker } from './list-marker';
import { Paragraph, isAllCaps } from './paragraph.reader';

/**
 * Where the header stops and the body starts, and where the body ends (Nơi nhận, signature,
 * appendix). Only the body is read for directives; the header feeds the notice fields.
 */
const HEADER_LINE = /^(?:Số\s*:|Số\s+\d|V\/v\b|Về việc\b|Kính gửi|CỘNG H[OÒ]A|Độc lập|[-–_=*\s]+$|\(.*\)$)/u;
const DATE_LINE = /^[^.]{0,40},\s*ngày\s+(?:\d{1,2}|\.{2,}|…)\s+tháng/u;
const DOC_TYPE = /^(?:THÔNG BÁO|CHỈ THỊ|BÁO CÁO|QUYẾT ĐỊNH|KẾ HOẠCH|NGHỊ QUYẾT|CÔNG ĐIỆN)(?![\p{L}])/u;
/** A type line with nothing after it: the title follows in the next paragraph. */
const DOC_TYPE_ONLY = /^(?:THÔNG BÁO|CHỈ THỊ|BÁO CÁO|QUYẾT ĐỊNH|KẾ HOẠCH|NGHỊ QUYẾT|CÔNG ĐIỆN)\s*$/u;
/** "Kính gửi:" and "THỦ TƯỚNG CHÍNH PHỦ điện:" open an addressee list, one "-" line each. */
const ADDRESSEE_LIST = /^(?:Kính gửi|[\p{Lu}\s,.]{4,}\sđiện\s*:)/u;

export function findHeaderEnd(paragraphs: Paragraph[]): number {
  const limit = Math.min(paragraphs.length, 25);
  let end = 0;
  let titleLines = -1;
  let addressees = false;
  for (let i = 0; i < limit; i += 1) {
    const t = paragraphs[i].text.trim();
    if (paragraphs[i].tabular) break;
    const docType = DOC_TYPE.test(t);
    const prev = i > 0 ? paragraphs[i - 1].text.trim() : '';
    // After the type line comes the title, possibly over several short paragraphs.
    const titleLine =
      titleLines === 0
        ? !isMarker(t) && t.length < 400
        : titleLines > 0 && (/^[\p{Ll}(]/u.test(t) || (!/[.;:]$/u.test(prev) && !/[.;]$/u.test(t) && t.length < 150 && !isMarker(t)));
    // "Kính gửi:" is followed by the addressee list, one "-" line each.
    const addressee = addressees && /^[-–•]\s/u.test(t);
    const opensList = ADDRESSEE_LIST.test(t);
    if (opensList) addressees = true;
    else if (!addressee) addressees = false;
    const headerish =
      opensList || addressee || docType || HEADER_LINE.test(t) || DATE_LINE.test(t) || (isAllCaps(t) && !isMarker(t)) || titleLine;
    if (!headerish) break;
    titleLines = docType ? (DOC_TYPE_ONLY.test(t) ? 0 : 1) : titleLines >= 0 && titleLine ? titleLines + 1 : titleLines;
    end = i + 1;
  }
  return end;
}

export function findBodyEnd(paragraphs: Paragraph[], from: number): number {
  for (let i = from; i < paragraphs.length; i += 1) {
    // Any line of the paragraph: extractors glue "BỘ …" and "Phụ lục:" together.
    if (!paragraphs[i].tabular && paragraphs[i].pieces.some((p) => BODY_END.test(p.text.trim()))) return i;
  }
  return paragraphs.length;
}
