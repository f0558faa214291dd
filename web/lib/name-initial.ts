/**
 * The letter an avatar shows for a person's or an account's display name.
 *
 * Vietnamese names put the given name last, and people are called by it ("Nguyễn Văn An" is "An"), so the rule is:
 * the first letter of the LAST word that is a word of letters — words with a digit ("1", "5A") and bare punctuation
 * ("-", "(…)") are skipped, so "Cán bộ Mặt trận Phường Móng Cái 1" gives "C" (from "Cái"), not "1". Punctuation
 * around a word is ignored ("(An)" counts as "An"). The letter keeps its diacritics and is uppercased the
 * Vietnamese way ("đức" → "Đ"). A name with no such word gives its first letter anywhere, and one with no letter at
 * all gives "?".
 */
export function nameInitial(displayName: string): string {
  // NFC first: a decomposed name ("A" + combining marks) must keep its marks on the letter it shows.
  const name = displayName.normalize('NFC');
  const words = name
    .split(/\s+/u)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu, ''))
    .filter((word) => /^\p{L}/u.test(word) && !/\p{N}/u.test(word));
  const letter = /\p{L}\p{M}*/u.exec(words.at(-1) ?? name)?.[0];
  return letter ? letter.normalize('NFC').toLocaleUpperCase('vi') : '?';
}
