/**
 * Regular expressions for Vietnamese time phrases. Kept apart from the interpretation so the same
 * vocabulary serves running text (strict: an introducer such as "trong", "trước", "đến hết" is
 * required, because a bare "năm 2020" usually qualifies a noun) and table cells (lenient).
 */

/** Word boundaries that understand Vietnamese letters (\b only knows ASCII). */
export const WB_START = '(?<![\\p{L}\\p{N}])';
export const WB_END = '(?![\\p{L}\\p{N}])';

const YEAR = '((?:19|20)\\d{2})';
const MONTH_YEAR_SEP = '(?:\\s+năm\\s+|\\s*[/.-]\\s*)';
const ROMAN_OR_ARABIC_QUARTER = '(IV|I{1,3}|[1-4])';

/** "15/3/2024", "15-3-2024", "15.3.2024", "15 tháng 3 năm 2024", "15 tháng 03, năm 2024". */
export const DATE_BODY =
  '(?:(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*' + YEAR + '|(\\d{1,2})\\s+tháng\\s+(\\d{1,2}),?\\s+năm\\s+' + YEAR + ')';

/** Words that make a following time expression a deadline in running text. */
const DATE_INTRO =
  '(?:trước|chậm nhất(?:\\s+là)?(?:\\s+vào)?|trong|hạn chót(?:\\s+là)?|đến hết|đến|không quá|' + 'hoàn thành(?:\\s+trước)?|xong trước|vào)';
const TIME_OF_DAY = '(?:\\d{1,2}\\s*(?:giờ|h)(?:\\s*\\d{1,2}(?:\\s*phút)?)?,?\\s+)';
const PERIOD_INTRO = '(?:trong|đến hết|hết|chậm nhất(?:\\s+là)?(?:\\s+trong)?|hoàn thành trong|xong trong|ngay trong|trong cả)';

export interface PatternSet {
  date: RegExp;
  month: RegExp;
  quarter: RegExp;
  year: RegExp;
  yearToEnd: RegExp;
  range: RegExp;
  relative: RegExp;
}

function build(strict: boolean): PatternSet {
  const f = 'giu';
  const dateIntro = strict
    ? `${DATE_INTRO}\\s+${TIME_OF_DAY}?(?:ngày\\s+|(?=\\d{1,2}\\s*[/.-]\\s*\\d{1,2}\\s*[/.-]))`
    : `(?:${DATE_INTRO}\\s+)?${TIME_OF_DAY}?(?:ngày\\s+)?`;
  const periodIntro = strict ? `${PERIOD_INTRO}\\s+` : `(?:${PERIOD_INTRO}\\s+)?`;
  return {
    date: new RegExp(`${WB_START}${dateIntro}${DATE_BODY}${WB_END}`, f),
    month: new RegExp(`${WB_START}${periodIntro}tháng\\s+(\\d{1,2})${MONTH_YEAR_SEP}${YEAR}${WB_END}`, f),
    quarter: new RegExp(`${WB_START}${periodIntro}quý\\s+${ROMAN_OR_ARABIC_QUARTER}${MONTH_YEAR_SEP}${YEAR}${WB_END}`, f),
    year: strict
      ? new RegExp(`${WB_START}${PERIOD_INTRO}\\s+năm\\s+${YEAR}${WB_END}`, f)
      : new RegExp(`${WB_START}(?:${PERIOD_INTRO}\\s+)?(?:năm\\s+)?${YEAR}${WB_END}`, f),
    yearToEnd: new RegExp(`${WB_START}(?:đến hết|hết|trong)\\s+năm${WB_END}(?!\\s+(?:\\d|nay|tới|sau|trước|học))`, f),
    range: strict
      ? new RegExp(`${WB_START}trong\\s+giai đoạn\\s+${YEAR}\\s*[-–—]\\s*${YEAR}${WB_END}`, f)
      : new RegExp(`${WB_START}(?:(?:trong\\s+)?giai đoạn\\s+)?${YEAR}\\s*[-–—]\\s*${YEAR}${WB_END}`, f),
    relative: new RegExp(
      `${WB_START}(?:trong|trước|chậm nhất)(?:\\s+vòng|\\s+thời hạn|\\s+thời gian|\\s+hạn)?\\s+(\\d{1,3})\\s+` +
        `(ngày làm việc|ngày|tháng)(?:\\s*\\([^)]*\\))?` +
        `(?:,?\\s+(?:kể từ|tính từ|sau)\\s+(?:ngày|khi)?\\s*([^,;.]{0,80}))?`,
      f,
    ),
  };
}

export const STRICT = build(true);
export const LENIENT = build(false);

/**
 * Phrases that need more than a pattern: a date without a year ("trước ngày 30 tháng 4"), a range
 * of months ("từ tháng 3 đến tháng 9/2026"), the Lunar New Year, an event the calendar cannot date.
 */
export const YEARLESS_DATE = new RegExp(
  `${WB_START}(?:trước|chậm nhất(?:\\s+là)?(?:\\s+vào)?|hạn chót(?:\\s+là)?|không quá|hoàn thành trước|xong trước|đến hết|đến|trong)\\s+${TIME_OF_DAY}?` +
    `ngày\\s+(\\d{1,2})(?:\\s*/\\s*(\\d{1,2})|\\s+tháng\\s+(\\d{1,2}))(?!\\s*[/.-]?\\s*\\d)(?!,?\\s+năm)(?!\\s+(?:hằng|hàng|mỗi)\\s)${WB_END}`,
  'giu',
);

export const MONTH_RANGE = new RegExp(
  `${WB_START}từ\\s+tháng\\s+\\d{1,2}(?:${MONTH_YEAR_SEP}(?:19|20)\\d{2})?\\s*(?:đến|-|–)\\s*(?:hết\\s+)?tháng\\s+(\\d{1,2})${MONTH_YEAR_SEP}${YEAR}${WB_END}`,
  'giu',
);

const STEMS = 'Giáp|Ất|Bính|Đinh|Mậu|Kỷ|Canh|Tân|Nhâm|Quý';
const BRANCHES = 'Tý|Sửu|Dần|Mão|Mẹo|Thìn|Tỵ|Tị|Ngọ|Mùi|Thân|Dậu|Tuất|Hợi';

/** "trước Tết Nguyên đán Bính Ngọ năm 2026": [1] stem, [2] branch, [3] year, all optional. */
export const LUNAR_NEW_YEAR = new RegExp(
  `${WB_START}trước\\s+(?:kỳ nghỉ\\s+)?Tết\\s+Nguyên\\s+đán(?:\\s+(${STEMS})\\s+(${BRANCHES}))?(?:,?\\s+năm\\s+${YEAR})?${WB_END}`,
  'giu',
);

/** Stem and branch of the sexagenary cycle → the Gregorian year in which that Tết falls. */
export const STEM_INDEX: Record<string, number> = Object.fromEntries(STEMS.split('|').map((s, i) => [s.toLowerCase(), (i + 4) % 10]));
export const BRANCH_INDEX: Record<string, number> = Object.fromEntries(
  BRANCHES.split('|')
    .map((b) => b.toLowerCase())
    .map((b) => [
      b,
      { tý: 4, sửu: 5, dần: 6, mão: 7, mẹo: 7, thìn: 8, tỵ: 9, tị: 9, ngọ: 10, mùi: 11, thân: 0, dậu: 1, tuất: 2, hợi: 3 }[b] as number,
    ]),
);

/** An action timed by a meeting or an event the calendar cannot know: no date, and a warning. */
export const EVENT_ANCHOR = new RegExp(
  `${WB_START}(?:trước|tại|trong|sau)\\s+(?:các\\s+)?(?:kỳ họp|phiên họp|cuộc họp|hội nghị|đại hội)${WB_END}[^,;.()]{0,80}`,
  'giu',
);

/** Recurring phrases, checked in this order (the most specific first). */
export const RECURRING = {
  /** "định kỳ 6 tháng (trước ngày 15/6 và 15/12)": the stated days win over the period. */
  statedDays: new RegExp(
    `${WB_START}định kỳ[^()]{0,30}\\(\\s*(?:trước|vào|chậm nhất)\\s+(?:các\\s+)?ngày\\s+((?:\\d{1,2}\\s*/\\s*\\d{1,2}(?:\\s*(?:,|và)\\s*)?)+)\\)`,
    'giu',
  ),
  /** "trước ngày 20 hằng tháng", "vào ngày 25 hàng tháng" */
  dayOfMonthAfter: new RegExp(
    `${WB_START}(?:trước|vào|chậm nhất)(?:\\s+ngày)?\\s+(\\d{1,2})\\s+(?:hằng|hàng|mỗi)\\s+tháng${WB_END}`,
    'giu',
  ),
  /** "hằng tháng trước ngày 20", "định kỳ hằng tháng, trước ngày 20" */
  dayOfMonthBefore: new RegExp(
    `${WB_START}(?:định kỳ\\s+)?(?:hằng|hàng|mỗi)\\s+tháng,?\\s+(?:trước|vào|chậm nhất)(?:\\s+ngày)\\s+(\\d{1,2})${WB_END}`,
    'giu',
  ),
  /** "trước ngày 15 của tháng cuối quý", "trước ngày 20 tháng cuối hằng quý" */
  dayOfQuarter: new RegExp(
    `${WB_START}(?:trước|vào|chậm nhất)\\s+ngày\\s+(\\d{1,2})\\s+(?:của\\s+)?tháng cuối(?:\\s+(?:mỗi|của|hằng|hàng|của mỗi))?\\s+quý${WB_END}`,
    'giu',
  ),
  /** "trước ngày 15/6 và 15/12 hằng năm" */
  explicitDays: new RegExp(
    `${WB_START}(?:trước|vào|chậm nhất)\\s+(?:các\\s+)?ngày\\s+((?:\\d{1,2}\\s*/\\s*\\d{1,2}(?:\\s*(?:,|và)\\s*)?)+)\\s+(?:hằng|hàng|mỗi)\\s+năm${WB_END}`,
    'giu',
  ),
  /** "định kỳ 6 tháng", "định kỳ 03 tháng một lần", "6 tháng một lần" */
  everyNMonths: new RegExp(
    `${WB_START}(?:định kỳ\\s+(\\d{1,2})\\s+tháng(?:\\s+(?:một|1)\\s+lần)?|(\\d{1,2})\\s+tháng\\s+(?:một|1)\\s+lần)${WB_END}`,
    'giu',
  ),
  /** "hằng quý", "định kỳ hằng năm", "hàng tháng" */
  /** "trước 16 giờ thứ Sáu hằng tuần": the next such weekday. */
  weekday: new RegExp(
    `${WB_START}(?:(?:trước|vào|chậm nhất)\\s+)?(?:\\d{1,2}\\s*(?:giờ|h)(?:\\s*\\d{1,2})?\\s+)?(?:ngày\\s+)?(thứ\\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|2|3|4|5|6|7)|Chủ nhật)\\s+(?:hằng|hàng|mỗi)\\s+tuần${WB_END}`,
    'giu',
  ),
  period: new RegExp(`${WB_START}(?:định kỳ\\s+)?(?:hằng|hàng|mỗi)\\s+(tuần|tháng|quý|năm)${WB_END}`, 'giu'),
  /** "Định kỳ" with no period: recurring, but no date can be computed. */
  bare: new RegExp(`${WB_START}định kỳ${WB_END}`, 'giu'),
};

/** Nouns that "hằng năm"/"thường xuyên" qualify without making a deadline ("ngân sách hàng năm"). */
export const QUALIFIED_NOUN_BEFORE =
  /(?:ngân sách|kinh phí|dự toán|kế hoạch|chi thường xuyên|chi|nguồn vốn|thường kỳ|kỳ họp|hội nghị|phiên họp|báo cáo tài chính|vốn)\s*$/iu;

/** Urgency and standing words: they set no date. */
export const URGENT = new RegExp(`${WB_START}(khẩn trương|ngay(?!\\s+(?:cả|từ|sau|khi))|kịp thời|thường xuyên)${WB_END}`, 'giu');

export const ROMAN_QUARTER: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
