import { isLoopback, type Config } from '../src/config/config.ts';
import type { IncomingFile, RefusedFile } from '../src/incidents/evidence.ts';
import { MAX_FILE_BYTES } from '../src/store/store.ts';
import type { BotTurn, IncomingActivity } from './activity.ts';

/** Teams' description of a file sent to a bot in personal chat (manifest: supportsFiles). */
const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';
const DOWNLOAD_TIMEOUT_MS = 20_000;
const MAX_FILES_PER_MESSAGE = 10;

interface FileToFetch {
  name: string;
  url: string;
  /** Pasted images live with the bot connector and need the bot's token; file links are pre-authorised. */
  withBotToken: boolean;
}

/** The attachments of a message that are files a person sent, ignoring cards and the HTML copy of the text. */
export function filesIn(activity: IncomingActivity): FileToFetch[] {
  const files: FileToFetch[] = [];
  for (const a of activity.attachments ?? []) {
    const content = (a.content ?? {}) as { downloadUrl?: unknown };
    if (a.contentType === FILE_DOWNLOAD_INFO && typeof content.downloadUrl === 'string') {
      files.push({ name: a.name ?? 'file', url: content.downloadUrl, withBotToken: false });
    } else if (a.contentType.startsWith('image/') && a.contentUrl) {
      files.push({ name: a.name ?? 'pasted image', url: a.contentUrl, withBotToken: true });
    }
  }
  return files;
}

/** Only HTTPS to the configured Microsoft hosts (or loopback when embedded), so a crafted activity cannot make the server fetch elsewhere. */
export function mayFetch(rawUrl: string, evidence: Config['evidence']): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (evidence.allowLoopback && isLoopback(host)) return url.protocol === 'http:' || url.protocol === 'https:';
  return url.protocol === 'https:' && evidence.hosts.some((h) => host === h || host.endsWith(`.${h}`));
}

/** Reads a response body, giving up as soon as it passes the size limit. */
async function readCapped(res: Response): Promise<Uint8Array | undefined> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > MAX_FILE_BYTES || !res.body) return declared > MAX_FILE_BYTES ? undefined : new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > MAX_FILE_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Downloads what a message carries. Each failure is named, so the person knows which file to send again. */
export async function downloadFiles(
  turn: BotTurn,
  evidence: Config['evidence'],
): Promise<{ files: IncomingFile[]; refused: RefusedFile[] }> {
  const files: IncomingFile[] = [];
  const refused: RefusedFile[] = [];
  const wanted = filesIn(turn.activity);
  for (const [i, file] of wanted.entries()) {
    if (i >= MAX_FILES_PER_MESSAGE) {
      refused.push({ name: file.name, why: `send at most ${MAX_FILES_PER_MESSAGE} files in one message` });
      continue;
    }
    if (!mayFetch(file.url, evidence)) {
      refused.push({ name: file.name, why: 'it did not come from Teams' });
      continue;
    }
    try {
      const init: RequestInit = { redirect: 'error', signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) };
      const res = file.withBotToken ? await turn.fetchWithBotToken(file.url, init) : await fetch(file.url, init);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const bytes = await readCapped(res);
      if (!bytes) refused.push({ name: file.name, why: 'it is larger than 10 MB' });
      else if (bytes.byteLength === 0) refused.push({ name: file.name, why: 'it was empty' });
      else files.push({ name: file.name, bytes });
    } catch {
      refused.push({ name: file.name, why: 'it could not be downloaded from Teams; please send it again' });
    }
  }
  return { files, refused };
}
