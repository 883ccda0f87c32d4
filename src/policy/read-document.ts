import { extname } from 'node:path';

export type PolicyFormat = 'md' | 'txt' | 'docx' | 'pdf';

export class UnsupportedDocumentError extends Error {
  override name = 'UnsupportedDocumentError';
}

export function formatOf(fileName: string): PolicyFormat {
  const ext = extname(fileName).slice(1).toLowerCase();
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'txt' || ext === 'text') return 'txt';
  if (ext === 'docx' || ext === 'pdf') return ext;
  throw new UnsupportedDocumentError(`Policies can be imported from .docx, .pdf, .md or .txt files, not "${fileName}"`);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, code: string) => {
    if (code[0] === '#')
      return String.fromCodePoint(Number.parseInt(code.slice(code[1] === 'x' ? 2 : 1), code[1] === 'x' ? 16 : 10));
    return ENTITIES[code.toLowerCase()] ?? whole;
  });

/**
 * mammoth turns Word's structure into simple HTML (headings, paragraphs, lists); we keep that
 * structure as the Markdown-like text the passage reader understands.
 */
function fromMammothHtml(html: string): string {
  return decodeEntities(
    html
      .replace(/<h([1-6])[^>]*>/g, (_, level: string) => `\n\n${'#'.repeat(Number(level))} `)
      .replace(/<\/h[1-6]>/g, '\n\n')
      .replace(/<li[^>]*>/g, '\n- ')
      .replace(/<\/(p|li|ul|ol|table|tr)>/g, '\n')
      .replace(/<p[^>]*>/g, '\n\n')
      .replace(/<br\s*\/?>/g, '\n')
      .replace(/<\/t[dh]>/g, ' ')
      .replace(/<[^>]+>/g, ''),
  );
}

/** Markdown emphasis, links and escapes are formatting, not words: passages quote the words. */
function fromMarkdown(md: string): string {
  return md
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
}

/** The plain text of a policy document, ready for parsePolicy. */
export async function readPolicyDocument(bytes: Uint8Array, format: PolicyFormat): Promise<string> {
  switch (format) {
    case 'md':
      return fromMarkdown(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
    case 'txt':
      return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
    case 'docx': {
      // Loaded on demand: both are large, and most runs never read a Word or PDF file.
      const { default: mammoth } = await import('mammoth');
      const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
      return fromMammothHtml(value);
    }
    case 'pdf': {
      const { extractText, getDocumentProxy } = await import('unpdf');
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      const { text } = await extractText(pdf, { mergePages: false });
      return (Array.isArray(text) ? text : [text]).join('\n\n');
    }
  }
}
