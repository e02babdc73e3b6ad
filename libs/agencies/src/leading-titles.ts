/**
 * Titles that stand for the agency they head ("Bộ trưởng Bộ Y tế" → Bộ Y tế, "Chủ tịch UBND tỉnh
 * Kiên Giang" → the province), as normalized words. Only used at the start of a phrase.
 */
const TITLES: string[][] = [
  'bo truong', // Bộ trưởng
  'thu truong', // Thủ trưởng, Thứ trưởng
  'chu nhiem',
  'thong doc',
  'chu tich',
  'tong giam doc',
  'giam doc',
  'truong ban',
  'vien truong',
  'chanh an',
  'lanh dao',
  'dong chi',
  'pho', // Phó …: the deputy stands for the same agency
  'quyen', // Quyền Bộ trưởng
  'thuong truc',
  'tong', // Tổng Kiểm toán nhà nước
  'va', // a list item split off "A và B"
].map((t) => t.split(' '));

/** Number of words of the longest title at `at`, or 0. */
export function leadingTitleLength(norms: string[], at: number): number {
  let best = 0;
  for (const title of TITLES) {
    if (title.length <= best || at + title.length > norms.length) continue;
    if (title.every((word, k) => norms[at + k] === word)) best = title.length;
  }
  return best;
}
