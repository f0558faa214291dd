/** Vietnamese text keys for matching and search. */

const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

/** Folds diacritics and đ for search: "Móng Cái" → "mong cai". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The canonical key of a name: case, NFC and tone-mark placement folded ("Hoà" = "Hòa"), tones kept
 * ("Hòa" ≠ "Hóa"). Each syllable keeps its letters with their vowel marks and its one tone, wherever placed. */
export function nameKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .trim()
    .split(/\s+/)
    .map((word) => {
      let tone = '';
      let letters = '';
      for (const ch of word.normalize('NFD')) {
        if (TONES.has(ch)) tone = ch;
        else letters += ch;
      }
      return letters.normalize('NFC') + (tone ? `/${tone.codePointAt(0)!.toString(16)}` : '');
    })
    .join(' ');
}
