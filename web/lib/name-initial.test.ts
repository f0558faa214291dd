import { describe, expect, it } from 'vitest';
import { nameInitial } from './name-initial.ts';

describe('the initial an avatar shows for a name', () => {
  it('is the given name’s first letter: the last word, as Vietnamese names go', () => {
    expect(nameInitial('Nguyễn Văn An')).toBe('A');
    expect(nameInitial('Trần Thị Bích Ngọc')).toBe('N');
    expect(nameInitial('An')).toBe('A');
  });

  it('skips trailing numbers and words with digits, as demo and office accounts have', () => {
    expect(nameInitial('Cán bộ Mặt trận Phường Móng Cái 1')).toBe('C');
    expect(nameInitial('Chi hội Tổ 5A')).toBe('T');
    expect(nameInitial('Hội Nông dân 2024 - 2025')).toBe('D');
  });

  it('ignores punctuation around a word and words of punctuation only', () => {
    expect(nameInitial('Lê Văn (Bình)')).toBe('B');
    expect(nameInitial('Phạm Minh Tuấn.')).toBe('T');
    expect(nameInitial('Hoàng Lan —')).toBe('L');
  });

  it('keeps the diacritics and uppercases the Vietnamese way', () => {
    expect(nameInitial('nguyễn văn đức')).toBe('Đ');
    expect(nameInitial('Lê Thị ánh')).toBe('Á');
    expect(nameInitial('Vũ Ước')).toBe('Ư');
    // The same name written with combining marks (as some keyboards and imports give it).
    expect(nameInitial('Lê Thị ánh'.normalize('NFD'))).toBe('Á');
  });

  it('falls back to any letter, then to a question mark', () => {
    expect(nameInitial('  Tổ5  ')).toBe('T');
    expect(nameInitial('123')).toBe('?');
    expect(nameInitial('   ')).toBe('?');
    expect(nameInitial('')).toBe('?');
  });
});
