import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { fromLegacyCells, fromVni, isSyllable, legacyCsvText, readSpreadsheetVietnamese } from './legacy.vietnamese.ts';

const TEXT = 'Mã đơn vị;Tên\n06712;Người dân đồng tình ủng hộ Đoàn Thanh niên\n';
// VNI-Times: a letter, then its marks, as Windows-1252 characters.
const VNI = 'Maõ ñôn vò;Teân\n06712;Ngöôøi daân ñoàng tình uûng hoä Ñoaøn Thanh nieân\n';

describe('legacy Vietnamese text (TCVN3, VNI)', () => {
  it('tells Vietnamese syllables from the words a wrong reading makes', () => {
    for (const w of ['người', 'Nguyễn', 'quốc', 'gì', 'khuya', 'thuở', 'ĐOÀN']) expect(isSyllable(w), w).toBe(true);
    for (const w of ['éong', 'xuõn', 'Th«n', 'ngöôøi', 'ñoàng']) expect(isSyllable(w), w).toBe(false);
  });

  it('reads a CSV in TCVN3 or VNI bytes, and leaves Windows-1258 and UTF-8 to the reader', async () => {
    expect(legacyCsvText(iconv.encode(TEXT, 'tcvn'))).toEqual({ encoding: 'tcvn3', text: TEXT });
    expect(legacyCsvText(iconv.encode(VNI, 'windows1252'))).toEqual({ encoding: 'vni', text: TEXT });
    expect(legacyCsvText(iconv.encode('Thôn Xuân;Đông\n', 'windows1258'))).toBeNull();
    expect(legacyCsvText(Buffer.from(TEXT))).toBeNull();
    const book = await readSpreadsheetVietnamese(iconv.encode(TEXT, 'tcvn'), { filename: 'a.csv' });
    expect(book).toEqual({
      encoding: 'tcvn3',
      sheets: [
        {
          name: '',
          rows: [
            ['Mã đơn vị', 'Tên'],
            ['06712', 'Người dân đồng tình ủng hộ Đoàn Thanh niên'],
          ],
        },
      ],
    });
  });

  it('converts the cells of a sheet typed with a legacy font, keeping Unicode cells among them', () => {
    expect(fromVni('Vieät Nam, Thaønh phoá Moùng Caùi, Ñaék Laék')).toBe('Việt Nam, Thành phố Móng Cái, Đắk Lắk');
    const tcvn3 = iconv.encode('Số hộ mẫu đạt chuẩn', 'tcvn').toString('latin1');
    expect(fromLegacyCells([[tcvn3, 12, 'Thôn Xuân', null]])).toEqual({
      encoding: 'tcvn3',
      rows: [['Số hộ mẫu đạt chuẩn', 12, 'Thôn Xuân', null]],
    });
    // Unicode text that Windows-1252 could hold is not taken for a legacy font.
    const plain = [['Thôn Xuân', 'Phường Móng Cái', 'Khu 1']];
    expect(fromLegacyCells(plain)).toEqual({ encoding: null, rows: plain });
  });
});
