import JSZip from 'jszip';
import { fileSafeText } from '../../src/file-text.ts';
import { toCsv, toXlsx } from '../../src/imports/spreadsheet.ts';

const PASTED = 'Line one\u000bline two\u000cnext page\u0007 after a bell\ufffe, after a non-character 😀 Siân';
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

describe('exports write only characters their format allows, and keep the words', () => {
  test('breaks pasted from Word become new lines; the rest are left out; emoji and accents stay', () => {
    expect(fileSafeText(PASTED)).toBe('Line one\nline two\nnext page after a bell, after a non-character 😀 Siân');
    expect(fileSafeText('a\ud800b')).toBe('ab');
  });

  test('an Excel export of pasted text is well-formed XML with every word in it', async () => {
    const bytes = await toXlsx({ headers: ['Note'], rows: [[PASTED], ['=1+1']] }, 'Sheet');
    const zip = await JSZip.loadAsync(bytes);
    const xml = (await Promise.all(zip.file(/\.xml$/).map((f) => f.async('string')))).join('');
    expect(xml.match(NOT_XML)).toBeNull();
    for (const words of ['line two', 'next page', 'Siân', "'=1+1"]) expect(xml).toContain(words);
  });

  test('a CSV export of pasted text has no control characters beyond line breaks, and keeps each note in its cell', () => {
    const csv = new TextDecoder().decode(toCsv({ headers: ['Note'], rows: [[PASTED]] }));
    expect(csv.match(NOT_XML)).toBeNull();
    // Quoted, so Excel keeps a note with line breaks in one cell rather than splitting the row.
    expect(csv).toContain('"Line one\nline two\nnext page after a bell');
  });
});
