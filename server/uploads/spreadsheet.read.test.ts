import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.ts';
import { readSpreadsheet, readTextRows } from './spreadsheet.read.ts';
import { MAX_WAITING_PARSES, PARALLEL_PARSES, UPLOAD_LIMITS } from './upload.limits.ts';
import { sheetRows, xlsxParts, zip } from './zip.testkit.ts';

const MB = 1024 * 1024;

/** The refusal readSpreadsheet throws for a file: its code and limit, or its code and message. */
async function refusal(data: Buffer, filename = 'tep.xlsx', limits = {}) {
  try {
    await readSpreadsheet(data, { filename, limits });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { status: err.status, code: err.code, limit: err.limit ?? null, message: err.issues?.[0]?.message };
  }
  throw new Error('the file was read');
}

const tooComplex = (name: keyof typeof UPLOAD_LIMITS, max: number = UPLOAD_LIMITS[name]) => ({
  status: 413,
  code: 'UPLOAD_TOO_COMPLEX',
  limit: { name, max },
  message: `uploadLimits.${name}`,
});

const oneCell = xlsxParts({
  rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>Tên</t></is></c><c r="B1"><v>42</v></c></row>',
});

describe('reading spreadsheets within the upload limits', () => {
  it('reads a workbook and CSVs (UTF-8, Windows-1258, semicolons) into rows of plain cells', async () => {
    expect(await readSpreadsheet(zip(oneCell), { filename: 'a.xlsx' })).toEqual({
      encoding: 'xlsx',
      sheets: [{ name: 'Trang 1', rows: [['Tên', 42]] }],
    });
    expect(await readTextRows(Buffer.from('\uFEFFMã xã;Tên\n06724;Thôn Pò Hèn\n'), { filename: 'thon.csv' })).toEqual({
      encoding: 'utf-8',
      rows: [
        ['Mã xã', 'Tên'],
        ['06724', 'Thôn Pò Hèn'],
      ],
    });
    const cp1258 = await readTextRows(iconv.encode('Tên,Khu\nThôn Xuân,Đông\n', 'windows1258'), {
      filename: 'thon.csv',
    });
    expect(cp1258).toEqual({
      encoding: 'windows-1258',
      rows: [
        ['Tên', 'Khu'],
        ['Thôn Xuân', 'Đông'],
      ],
    });
    expect(await refusal(Buffer.from('%PDF-1.4'), 'a.pdf')).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'validation.fileType',
    });
  });

  it('refuses an archive from its central directory, before inflating: unzipped size, compression ratio, entries', async () => {
    // 300 MB of zeros in a 0.3 MB workbook: the upload that held the server for 30 s.
    const bomb = zip([...oneCell, { name: 'xl/media/image1.png', zeros: 300 * MB }]);
    expect(bomb.length).toBeLessThan(MB);
    expect(await refusal(bomb)).toEqual(tooComplex('uncompressedBytes'));
    expect(await refusal(zip([...oneCell, { name: 'xl/media/image1.png', zeros: 20 * MB }]))).toEqual(
      tooComplex('compressionRatio'),
    );
    const many = zip([
      ...oneCell,
      ...Array.from({ length: UPLOAD_LIMITS.entries }, (_, i) => ({ name: `xl/media/image${i}.png`, data: 'x' })),
    ]);
    expect(await refusal(many)).toEqual(tooComplex('entries'));
    expect(
      await refusal(zip([...oneCell, { name: 'xl/media/image1.png', data: Buffer.alloc(3 * MB, 7) }]), 'a.xlsx', {
        uncompressedBytes: 2 * MB,
      }),
    ).toEqual(tooComplex('uncompressedBytes', 2 * MB));
    expect(await refusal(Buffer.alloc(UPLOAD_LIMITS.fileBytes + 1, 0x41), 'a.csv')).toEqual(tooComplex('fileBytes'));
  });

  it('refuses an entry that inflates past the size it declares', async () => {
    const lying = zip([...oneCell, { name: 'xl/media/image1.png', zeros: 300 * MB, declaredSize: 1000 }]);
    expect(await refusal(lying)).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'validation.fileType',
    });
  });

  it('refuses a sheet over the rows, columns or cells limits before the spreadsheet library builds it', async () => {
    expect(await refusal(zip(xlsxParts({ rows: sheetRows(UPLOAD_LIMITS.rows + 1, 1) })))).toEqual(tooComplex('rows'));
    expect(await refusal(zip(xlsxParts({ rows: '<row r="1048576"><c r="A1048576"><v>1</v></c></row>' })))).toEqual(
      tooComplex('rows'),
    );
    expect(await refusal(zip(xlsxParts({ rows: sheetRows(1, UPLOAD_LIMITS.columns + 1) })))).toEqual(
      tooComplex('columns'),
    );
    expect(await refusal(zip(xlsxParts({ rows: sheetRows(10_000, 31, () => 'x') })))).toEqual(tooComplex('cells'));
    // Ranges the library expands cell by cell: a merge, a data validation, a defined name.
    const merged = xlsxParts({
      rows: sheetRows(1, 1),
      after: '<mergeCells count="1"><mergeCell ref="A1:GR20000"/></mergeCells>',
    });
    expect(await refusal(zip(merged))).toEqual(tooComplex('cells'));
    const validated = xlsxParts({
      rows: sheetRows(1, 1),
      after:
        '<dataValidations count="1"><dataValidation type="list" sqref="A1:A1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>',
    });
    expect(await refusal(zip(validated))).toEqual(tooComplex('cells'));
    const named = xlsxParts({
      rows: sheetRows(1, 1),
      definedNames: `<definedName name="all">'Trang 1'!$A$1:$XFD$1048576</definedName>`,
    });
    expect(await refusal(zip(named))).toEqual(tooComplex('cells'));
  });

  it('refuses a CSV over the rows or columns limits', async () => {
    expect(await refusal(Buffer.from('Tên,Loại\n'.repeat(UPLOAD_LIMITS.rows + 1)), 'a.csv')).toEqual(
      tooComplex('rows'),
    );
    expect(await refusal(Buffer.from('x,'.repeat(UPLOAD_LIMITS.columns) + 'x\n'), 'a.csv')).toEqual(
      tooComplex('columns'),
    );
    expect(await refusal(Buffer.from('x,x\n'.repeat(10)), 'a.csv', { cells: 10 })).toEqual(tooComplex('cells', 10));
  });

  it('parses two files at once with eight waiting; one more is told to come back', async () => {
    const csv = Buffer.from('Tên\nThôn A\n');
    const reads = Array.from({ length: PARALLEL_PARSES + MAX_WAITING_PARSES + 1 }, () =>
      readSpreadsheet(csv, { filename: 'a.csv' }).then(
        () => 'read',
        (err: AppError) => err.code,
      ),
    );
    expect(await Promise.all(reads)).toEqual([
      ...Array<string>(PARALLEL_PARSES + MAX_WAITING_PARSES).fill('read'),
      'RATE_LIMITED',
    ]);
  });

  it('stops the parser at its deadline and at its memory ceiling', async () => {
    expect(await refusal(zip(oneCell), 'a.xlsx', { parseSeconds: 0.001 })).toEqual(tooComplex('parseSeconds', 0.001));
    expect(await refusal(zip(xlsxParts({ rows: sheetRows(5000, 10) })), 'a.xlsx', { parseMemoryMb: 16 })).toEqual(
      tooComplex('parseMemoryMb', 16),
    );
    // The worker that was stopped does not stop the next read.
    expect((await readSpreadsheet(zip(oneCell), { filename: 'a.xlsx' })).sheets[0]!.rows).toEqual([['Tên', 42]]);
  });
});
