/**
 * Text that gives no task even when it names agencies (gold/RULES.md "What is a directive"):
 * closing and enforcement formulas, praise and assessments, approvals, narrative openings.
 */
const CLOSING =
  /(?:thông báo (?:để|cho)\s|thông báo ý kiến|để\s[^.]{0,200}?biết,?\s*(?:và\s+)?(?:thực hiện|phối hợp)|chịu trách nhiệm thi hành|có hiệu lực (?:thi hành )?(?:kể )?từ)/iu;

const NOT_A_TASK_START =
  /^(?:Biểu dương|Đánh giá cao|Ghi nhận|Hoan nghênh|Khen ngợi|Đồng ý|Thống nhất|Nhất trí|Cơ bản thống nhất|Thời gian qua|Mặc dù|Tuy nhiên|Bên cạnh (?:đó|những)|Sau khi nghe|Tham dự|Ngày \d|Năm \d{4} là|Kết quả|Qua \d|Trong (?:thời gian|năm) qua|Nhìn chung|Theo báo cáo|Căn cứ (?:Luật|Nghị định|Nghị quyết|Quyết định|Thông tư|Chỉ thị|Kết luận|ý kiến))/iu;

/** "… thông báo để … biết, thực hiện./.", "… chịu trách nhiệm thi hành …". */
export function isClosingFormula(text: string): boolean {
  return CLOSING.test(text.trim());
}

export function isExcludedUnit(text: string): boolean {
  const t = text.trim();
  return CLOSING.test(t) || NOT_A_TASK_START.test(t);
}

/** Where the body ends: "Nơi nhận", the signature block, an appendix title. */
export const BODY_END = /^(?:Nơi nhận\s*:?|KT\.\s|TM\.\s|TL\.\s|Q\.\s|(?:THỦ TƯỚNG|PHÓ THỦ TƯỚNG|BỘ TRƯỞNG|CHỦ TỊCH|PHÓ CHỦ TỊCH|CHÁNH VĂN PHÒNG|GIÁM ĐỐC|THỨ TRƯỞNG)(?:[\s,]|$)|Phụ lục\b|PHỤ LỤC\b)/u;
