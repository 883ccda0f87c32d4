/**
 * Turns a policy's plain text (from Markdown, a .txt file, or text extracted from .docx or PDF)
 * into sections and passages: a heading path plus one point each. Real documents are messy, so
 * this copes with numbered and ALL-CAPS headings, "·", "o", "-" and numbered bullets, lines broken
 * mid-sentence by PDF export, and clause numbers such as "2.1".
 */

export interface Passage {
  /** Stable within a version: the section's slug and the passage's position in it. */
  id: string;
  sectionId: string;
  headingPath: string[];
  /** The clause number as printed ("6.1"), when there is one. */
  clause?: string;
  /** The document's own words, whitespace normalised, bullet markers and clause numbers removed. */
  text: string;
  /** For a list item quoted on its own, the words that introduce its list: they help find it but are not quoted. */
  context?: string;
}

export interface Section {
  id: string;
  headingPath: string[];
  passages: Passage[];
}

const MD_HEADING = /^(#{1,6})\s+(.+?)\s*#*$/;
/** One or more list markers: nested lists exported as text often read "- o item". */
const BULLET = /^\s*(?:(?:[•·▪◦●‣∙*o–—-]|\(?[a-z0-9]{1,3}[.)])\s+)+(?=\S)/u;
const BULLET_ONLY = /^\s*[•·▪◦●‣∙*–—-]\s*$/u;
const CLAUSE = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(?=\S)/;
/** "3. Opening an account" or "3 Opening an account": a numbered heading, short and without a full stop. */
const NUMBERED_HEADING = /^(\d{1,2}(?:\.\d{1,2})*)\.?\s+([^.!?:;]{2,90})$/;
const SENTENCE_END = /[.!?:;]["'’”)]?$/;
const MAX_GROUP_CHARS = 700;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const indentOf = (line: string) => /^\s*/.exec(line)![0].length;

function isAllCapsHeading(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return (
    letters.length >= 4 &&
    letters === letters.toUpperCase() &&
    line.split(/\s+/).length <= 12 &&
    !SENTENCE_END.test(line)
  );
}

/** A heading line's level and title, or undefined for body text. */
function headingOf(
  line: string,
  previousBlank: boolean,
  nextBlank: boolean,
  /** The line before finished a sentence, so this one starts something new. */
  previousEnded: boolean,
  afterHeading = false,
  nextStartsSentence = false,
): { level: number; title: string } | undefined {
  const md = MD_HEADING.exec(line);
  if (md) return { level: md[1]!.length, title: squash(md[2]!) };
  const trimmed = line.trim();
  const numbered = NUMBERED_HEADING.exec(trimmed);
  // A numbered line is a heading only when it reads like a title: short, capitalised, and set apart.
  if (
    numbered &&
    /^\p{Lu}/u.test(numbered[2]!) &&
    numbered[2]!.split(/\s+/).length <= 10 &&
    (previousBlank || nextBlank || previousEnded)
  ) {
    return { level: 1 + numbered[1]!.split('.').length, title: squash(trimmed) };
  }
  if (isAllCapsHeading(trimmed) && (previousBlank || nextBlank)) return { level: 2, title: squash(trimmed) };
  // An unnumbered title ("Process for creating new accounts"): short, unpunctuated, on a line of its
  // own; in text from PDFs, which has no blank lines, one that follows a finished sentence or another
  // heading and is followed by a new sentence.
  const setApart = (previousBlank && nextBlank) || ((previousEnded || afterHeading) && nextStartsSentence);
  if (
    setApart &&
    /^\p{Lu}/u.test(trimmed) &&
    trimmed.length <= 70 &&
    trimmed.split(/\s+/).length <= 8 &&
    !/[.!?:;,]["'’”)]?$/.test(trimmed)
  ) {
    return { level: 2, title: squash(trimmed) };
  }
  return undefined;
}

type Block =
  | { kind: 'heading'; level: number; title: string }
  | { kind: 'paragraph'; text: string; clause?: string }
  /** depth: indentation plus the number of markers ("- o item" is deeper than "- item"). */
  | { kind: 'bullet'; text: string; depth: number };

/** Reads lines into headings, paragraphs and bullets, re-joining lines broken mid-sentence. */
function blocksOf(text: string): Block[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n');
  const blocks: Block[] = [];
  let open: Extract<Block, { kind: 'paragraph' | 'bullet' }> | undefined;
  lines.forEach((raw, i) => {
    const line = raw.trimEnd();
    if (!line.trim()) {
      open = undefined;
      return;
    }
    const previous = i === 0 ? '' : lines[i - 1]!.trim();
    const next = lines[i + 1]?.trim() ?? '';
    const heading = headingOf(
      line,
      !previous,
      !next,
      SENTENCE_END.test(previous) || i === 0,
      open === undefined && blocks.at(-1)?.kind === 'heading',
      /^\p{Lu}/u.test(next),
    );
    if (heading) {
      blocks.push({ kind: 'heading', ...heading });
      open = undefined;
      return;
    }
    const clause = CLAUSE.exec(line.trim());
    if (clause) {
      open = { kind: 'paragraph', text: line.trim().slice(clause[0].length), clause: clause[1] };
      blocks.push(open);
      return;
    }
    if (BULLET_ONLY.test(line)) {
      // A marker alone on its line: the item's words follow on the next line.
      open = { kind: 'bullet', text: '', depth: indentOf(line) + 1 };
      blocks.push(open);
      return;
    }
    if (open?.kind === 'bullet' && open.text === '') {
      open.text = line.trim();
      return;
    }
    if (BULLET.test(line)) {
      const markers = BULLET.exec(line)![0].trim().split(/\s+/).length;
      open = { kind: 'bullet', text: line.replace(BULLET, '').trim(), depth: indentOf(line) + markers };
      blocks.push(open);
      return;
    }
    // A capitalised lead-in ("The school will not post:") after an unfinished bullet starts afresh.
    const leadIn = open?.kind === 'bullet' && /^\s*\p{Lu}.*:$/u.test(line);
    // A continuation: the previous line did not finish its sentence, or this one starts in lower case.
    if (open && !leadIn && (!SENTENCE_END.test(open.text) || /^\s*[\p{Ll}(]/u.test(line))) {
      open.text = `${open.text} ${line.trim()}`;
      return;
    }
    open = { kind: 'paragraph', text: line.trim() };
    blocks.push(open);
  });
  return blocks;
}

/**
 * A bullet that labels the ones under it: a few capitalised words, no sentence, and shallower than
 * the bullets after it or the ones before it ("- SLT" then " - o Approve accounts"). A short item
 * in a list of short items is not a label.
 */
function isLabel(bullet: Extract<Block, { kind: 'bullet' }>, before: Block | undefined, after: Block | undefined) {
  const { text, depth } = bullet;
  if (!/^\p{Lu}/u.test(text) || text.split(/\s+/).length > 4 || /[.!?;,]["'’”)]?$/.test(text)) return false;
  if (after?.kind !== 'bullet') return false;
  return after.depth > depth || (before?.kind === 'bullet' && before.depth > depth && after.depth >= depth);
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'section';

/** Splits a policy into sections of passages. Text before the first heading is its own section. */
export function parsePolicy(text: string): Section[] {
  const sections: Section[] = [];
  const path: { level: number; title: string; label?: boolean }[] = [];
  let current: Section | undefined;
  const usedIds = new Set<string>();
  const startSection = () => {
    const headingPath = path.map((h) => h.title);
    let id = slug(headingPath.at(-1) ?? 'introduction');
    for (let n = 2; usedIds.has(id); n++) id = `${slug(headingPath.at(-1) ?? 'introduction')}-${n}`;
    usedIds.add(id);
    current = { id, headingPath, passages: [] };
    sections.push(current);
  };
  const add = (passageText: string, clause?: string, context?: string) => {
    if (!current) startSection();
    const section = current!;
    const cleaned = squash(passageText);
    if (!cleaned) return;
    section.passages.push({
      id: `${section.id}/${section.passages.length + 1}`,
      sectionId: section.id,
      headingPath: section.headingPath,
      ...(clause ? { clause } : {}),
      text: cleaned,
      ...(context ? { context: squash(context) } : {}),
    });
  };

  const blocks = blocksOf(text);
  // The paragraphs just before a run of bullets, which introduce it ("The school will post:").
  let introduction: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind !== 'bullet' && blocks[i - 1]?.kind === 'bullet') introduction = [];
    if (block.kind === 'heading') {
      while (path.length && path.at(-1)!.level >= block.level) path.pop();
      path.push({ level: block.level, title: block.title });
      current = undefined;
      introduction = [];
      continue;
    }
    if (block.kind === 'bullet' && isLabel(block, blocks[i - 1], blocks[i + 1])) {
      // A bullet that only names who or what the bullets under it are about ("- SLT", then its
      // duties) heads them, a level below the heading it sits in; the next such label replaces it.
      const top = path.at(-1);
      const level = top?.label ? top.level : (top?.level ?? 1) + 1;
      while (path.length && path.at(-1)!.level >= level) path.pop();
      path.push({ level, title: block.text.replace(/:$/, ''), label: true });
      current = undefined;
      introduction = [];
      continue;
    }
    if (block.kind === 'paragraph' && block.text.trimEnd().endsWith(':')) {
      // A lead-in and its bullets make one point ("the business case states: ..."), unless too long to quote.
      const bullets: string[] = [];
      while (blocks[i + 1]?.kind === 'bullet') bullets.push((blocks[++i] as { text: string }).text);
      const whole = [block.text, ...bullets].join(' ');
      if (bullets.length === 0) introduction = [...introduction.slice(-1), block.text];
      if (bullets.length === 0 || whole.length <= MAX_GROUP_CHARS) add(whole, block.clause);
      else {
        add(block.text, block.clause);
        bullets.forEach((b) => add(b, undefined, block.text));
      }
      continue;
    }
    if (block.kind === 'paragraph') {
      add(block.text, block.clause);
      introduction = [...introduction.slice(-1), block.text];
    } else add(block.text, undefined, introduction.join(' '));
  }
  return sections.filter((s) => s.passages.length > 0);
}
