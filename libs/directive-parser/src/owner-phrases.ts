/**
 * Vocabulary around agency names in directives: the words that introduce an owner, the titles that
 * stand for an agency, and the verbs that show a subject is being given an action.
 */

/** "Giao Bộ X …", "Đề nghị Bộ X …", "Thủ tướng Chính phủ giao Bộ X …" */
export const ASSIGN_PREFIX =
  /(?:(?:Thủ tướng Chính phủ|Phó Thủ tướng(?: Chính phủ)?(?: [\p{Lu}][\p{L}]*){0,3}|Chủ tịch Ủy ban nhân dân (?:tỉnh|thành phố)(?: [\p{Lu}][\p{L}]*){0,3})\s+(?:giao(?: cho)?|đề nghị|yêu cầu|chỉ đạo)|giao(?: cho)?|đề nghị|yêu cầu)\s+/iuy;

/** Titles whose holder stands for the agency named next ("Bộ trưởng Bộ Y tế" → Bộ Y tế). */
export const TITLE_BEFORE_AGENCY =
  /(?:Bộ trưởng,\s*Chủ nhiệm|Bộ trưởng|Chủ nhiệm|Chủ tịch|Giám đốc|Tổng Giám đốc|Thống đốc|Tổng Kiểm toán Nhà nước|Chánh án|Viện trưởng|Trưởng ban|Tổng cục trưởng|Cục trưởng|Vụ trưởng|Chánh Văn phòng|Chánh Thanh tra|Chỉ huy trưởng|Người đứng đầu|Thủ trưởng)\s+(?=(?:các\s+|cơ quan|Cơ quan|Bộ|Ủy ban|UBND|Ngân hàng|Văn phòng|Ban|Sở|Tổng cục|Cục|Vụ|Chi cục|Kiểm toán|Bảo hiểm|Thanh tra|Tòa án|Viện|Đài|Thông tấn|Công an|Kho bạc|Trung tâm))/iuy;

/**
 * Whole-phrase rewrites for titles that name a group ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ
 * quan thuộc Chính phủ" is the ministries group in gold/RULES.md). Applied before the catalogue
 * lookup; local because they are phrasing, not agencies.
 */
export const GROUP_TITLE_REWRITES: Array<[RegExp, string]> = [
  [
    /Bộ trưởng(?:\s+các\s+[Bb]ộ)?,\s*Thủ trưởng (?:các\s+)?cơ quan ngang [Bb]ộ,\s*(?:Thủ trưởng\s+)?(?:các\s+)?cơ quan thuộc Chính phủ/uy,
    'Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ',
  ],
  [/Chủ tịch Ủy ban nhân dân cấp tỉnh/uy, 'Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương'],
];

/** "Các Bộ: Tài chính, Công Thương" → each item takes the shared prefix ("Bộ Tài chính"). */
export const SHARED_PREFIX =
  /(?:Bộ trưởng\s+)?(?:các|Các)\s+(Bộ|Sở|tỉnh|thành phố|Tổng cục|Cục|Ủy ban nhân dân các tỉnh|Ủy ban nhân dân tỉnh)\s*:\s*/uy;

export function sharedPrefixFor(word: string): string {
  if (/tỉnh/u.test(word)) return 'Ủy ban nhân dân tỉnh ';
  if (word === 'thành phố') return 'Ủy ban nhân dân thành phố ';
  return `${word} `;
}

/** Separators inside a list of agencies. */
export const LIST_SEPARATOR = /\s*(?:,\s*(?:và\s+)?|;\s*|\s+và\s+|\s+với\s+)/uy;

/** "chủ trì, phối hợp với", "phối hợp chặt chẽ với" */
export const COORDINATION = /(?:chủ trì,?\s*)?phối hợp(?:\s+chặt chẽ)?\s+với\s+/iuy;

/** After a subject, these words describe a state or the past: an assessment, not a task. */
export const NOT_AN_ACTION_AFTER_SUBJECT =
  /^(?:đã|được|đang|là|nhận được|có\s+(?!trách nhiệm)|vẫn|còn|chưa|cũng đã|đạt|tiếp tục được|trong|của|về|tại|thuộc|điện tử|số|đồng ý|thống nhất|thông báo)(?![\p{L}])/iu;

/** Words that open an instruction; a clause starting with one is a new action. */
export const ACTION_VERBS = [
  'bảo đảm',
  'đảm bảo',
  'ban hành',
  'bố trí',
  'báo cáo',
  'cân đối',
  'căn cứ',
  'chỉ đạo',
  'chủ động',
  'chủ trì',
  'chuẩn bị',
  'cung cấp',
  'cập nhật',
  'đánh giá',
  'đẩy mạnh',
  'đẩy nhanh',
  'đề xuất',
  'định kỳ',
  'đôn đốc',
  'đưa',
  'giải quyết',
  'hoàn thành',
  'hoàn thiện',
  'hướng dẫn',
  'huy động',
  'khẩn trương',
  'kiểm tra',
  'kịp thời',
  'kết nối',
  'lập',
  'lựa chọn',
  'nâng cao',
  'nâng cấp',
  'nghiên cứu',
  'phát triển',
  'phối hợp',
  'phê duyệt',
  'quán triệt',
  'rà soát',
  'sửa đổi',
  'sơ kết',
  'tăng cường',
  'tập trung',
  'thành lập',
  'theo dõi',
  'thực hiện',
  'thẩm định',
  'thanh tra',
  'tiếp tục',
  'tiếp thu',
  'tổ chức',
  'tổng hợp',
  'tổng kết',
  'trình',
  'triển khai',
  'tuyên truyền',
  'ưu tiên',
  'vận hành',
  'xây dựng',
  'xử lý',
  'ghi bổ sung',
  'bổ sung',
  'phổ biến',
  'công bố',
  'ký',
  'gửi',
  'chịu trách nhiệm',
  'có trách nhiệm',
  'tham mưu',
  'giao',
  'nghiêm túc',
  'quyết liệt',
  'khắc phục',
  'đôn đốc',
  'xác định',
  'sắp xếp',
  'phân bổ',
  'cử',
  'làm đầu mối',
  'làm việc',
  'di dời',
  'lắp đặt',
  'hỗ trợ',
  'kiện toàn',
  'số hóa',
  'tái cấu trúc',
  'duy trì',
  'làm sạch',
  'tập huấn',
  'biên soạn',
  'điều tra',
  'trích',
  'tìm kiếm',
  'sơ tán',
  'kiểm đếm',
  'vận động',
  'thí điểm',
  'điều chuyển',
  'giám sát',
  'rút ngắn',
  'công khai',
  'khôi phục',
  'tham gia',
  'tự kiểm tra',
  'chấn chỉnh',
  'phân công',
  'hoàn tất',
];

const VERB_RE = new RegExp(`^(?:${ACTION_VERBS.map((v) => v.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}])`, 'iu');

/** First syllables of the verbs: a set lookup spares the big pattern for most words. */
const FIRST_SYLLABLES = new Set(ACTION_VERBS.map((v) => v.split(' ')[0]));

export function startsWithActionVerb(text: string): boolean {
  const t = text.trimStart();
  const first = /^[^\s,;.:]+/u.exec(t);
  if (!first || !FIRST_SYLLABLES.has(first[0].toLowerCase())) return false;
  return VERB_RE.test(t);
}
