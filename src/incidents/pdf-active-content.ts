import { inflateSync } from 'node:zlib';

/**
 * PDF features that run something or carry something when the file is opened: scripts,
 * automatic actions, launching programs, embedded files, forms that post data. A DSL opens
 * evidence on a school device, so a PDF with any of them is refused rather than stored.
 */
const ACTIVE_NAMES = [
  'JS',
  'JavaScript',
  'OpenAction',
  'AA',
  'Launch',
  'EmbeddedFile',
  'EmbeddedFiles',
  'RichMedia',
  'XFA',
  'SubmitForm',
  'ImportData',
  'GoToE',
] as const;

/** Names may hide letters as #xx escapes ("/J#61vaScript"); undo them before comparing. */
function decodeNames(text: string): string {
  return text.replace(
    /\/([^\s/<>[\]()%{}]+)/g,
    (_, name: string) =>
      `/${name.replace(/#([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))}`,
  );
}

const NAME = new RegExp(`/(${ACTIVE_NAMES.join('|')})(?![A-Za-z0-9#])`);

/** Compressed object streams can hold the dictionaries too; inflate each, up to a bounded total. */
function inflatedStreams(bytes: Buffer, budget: number): string[] {
  const out: string[] = [];
  const text = bytes.toString('latin1');
  const stream = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  let used = 0;
  while ((match = stream.exec(text)) && used < budget) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    try {
      const inflated = inflateSync(bytes.subarray(start, end), { maxOutputLength: budget - used });
      used += inflated.length;
      out.push(inflated.toString('latin1'));
    } catch {
      // Not Flate data (an image, say), or past the budget: nothing to read in it.
    }
    stream.lastIndex = end;
  }
  return out;
}

const INFLATE_BUDGET = 64 * 1024 * 1024;

/** The first active feature found, named as the PDF names it, or undefined for a passive document. */
export function pdfActiveContent(bytes: Uint8Array): string | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const part of [buffer.toString('latin1'), ...inflatedStreams(buffer, INFLATE_BUDGET)]) {
    const found = NAME.exec(decodeNames(part));
    if (found) return found[1];
  }
  return undefined;
}
