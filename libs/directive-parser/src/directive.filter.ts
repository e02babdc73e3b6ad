/**
 * Closing and enforcement formulas, and where the body ends. The rest of what is not a directive
 * is decided in skip.classifier.ts.
 */
const CLOSING =
  /(?:thông báo (?:để|cho)\s|thông báo ý kiến|để\s[^.]{0,200}?biết,?\s*(?:và\s+)?(?:thực hiện|phối hợp)|chịu trách nhiệm (?:tổ chức )?thi hành|chịu trách nhiệm tổ chức thực hiện (?:Chỉ thị|Quyết định|Thông báo|Kế hoạch|Công văn|Công điện) này|có hiệu lực (?:thi hành )?(?:kể )?từ|kính báo cáo|kính trình|(?:đề nghị|yêu cầu) các (?:cơ quan|đơn vị)[^.]{0,80}?thực hiện\s*\.\/\.|^Trên đây là|^Trong quá trình (?:tổ chức )?thực hiện,? nếu có)/iu;

/** "… thông báo để … biết, thực hiện./.", "… chịu trách nhiệm thi hành …". */
export function isClosingFormula(text: string): boolean {
  return CLOSING.test(text.trim());
}

/** Where the body ends: "Nơi nhận", the signature block, an appendix title. */
export const BODY_END =
  /^(?:Nơi nhận\s*:?|KT\.\s|TM\.\s|TL\.\s|Q\.\s|(?:THỦ TƯỚNG|PHÓ THỦ TƯỚNG|BỘ TRƯỞNG|CHỦ TỊCH|PHÓ CHỦ TỊCH|CHÁNH VĂN PHÒNG|GIÁM ĐỐC|THỨ TRƯỞNG)(?:[\s,]|$)|Phụ lục\b|PHỤ LỤC\b)/u;
