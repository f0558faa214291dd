import zlib from 'node:zlib';

/** One file of a ZIP made by a test: its bytes, or a run of zero bytes given by its length (deflated without ever
 * being held whole); `declaredSize` writes another unzipped size in the headers than the real one. */
export type ZipPart = { name: string; data?: Buffer | string; zeros?: number; declaredSize?: number };

const MB = 1024 * 1024;

/** Deflated zeros: one megabyte deflated with a full flush is a byte-aligned, self-contained run of blocks, so the
 * same run repeated and closed by an empty final block inflates to that many megabytes. */
function deflatedZeros(bytes: number): { deflated: Buffer; crc: number } {
  const chunk = Buffer.alloc(MB);
  const block = zlib.deflateRawSync(chunk, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const whole = Math.floor(bytes / MB);
  const rest = bytes - whole * MB;
  let crc = 0;
  for (let i = 0; i < whole; i++) crc = zlib.crc32(chunk, crc);
  crc = zlib.crc32(chunk.subarray(0, rest), crc);
  const parts: Buffer[] = Array.from({ length: whole }, () => block);
  parts.push(zlib.deflateRawSync(chunk.subarray(0, rest)));
  return { deflated: Buffer.concat(parts), crc };
}

/** A ZIP archive (deflated entries, no ZIP64), written the way spreadsheet programs write an XLSX. */
export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    let deflated: Buffer;
    let crc: number;
    let size: number;
    if (p.zeros !== undefined) {
      ({ deflated, crc } = deflatedZeros(p.zeros));
      size = p.zeros;
    } else {
      const data = Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data ?? '', 'utf8');
      deflated = zlib.deflateRawSync(data);
      crc = zlib.crc32(data);
      size = data.length;
    }
    const declared = p.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, deflated);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(deflated.length, 20);
    entry.writeUInt32LE(declared, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += local.length + name.length + deflated.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a one-sheet XLSX around the given sheetData rows (and what follows sheetData: merged cells, data
 * validations), with defined names in the workbook if given. */
export function xlsxParts(sheet: { rows: string; after?: string; definedNames?: string }): ZipPart[] {
  return [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${DOC}"><sheets><sheet name="Trang 1" sheetId="1" r:id="rId1"/></sheets>${sheet.definedNames ? `<definedNames>${sheet.definedNames}</definedNames>` : ''}</workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${sheet.rows}</sheetData>${sheet.after ?? ''}</worksheet>`,
    },
  ];
}

/** Spreadsheet column letters of a column number: 1 → A, 28 → AB. */
export function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** sheetData rows of inline-string cells: `rows` rows of `columns` cells each. */
export function sheetRows(
  rows: number,
  columns: number,
  text = (r: number, c: number) => `${columnLetters(c)}${r}`,
): string {
  const out: string[] = [];
  for (let r = 1; r <= rows; r++) {
    let cells = '';
    for (let c = 1; c <= columns; c++)
      cells += `<c r="${columnLetters(c)}${r}" t="inlineStr"><is><t>${text(r, c)}</t></is></c>`;
    out.push(`<row r="${r}">${cells}</row>`);
  }
  return out.join('');
}
