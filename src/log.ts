import { pino, multistream, type DestinationStream, type Level, type Logger } from 'pino';
import { createStream } from 'rotating-file-stream';

export type { Logger };

/** Paths that may carry secrets or personal data; they never reach the log. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.password',
  '*.token',
  '*.secret',
  '*.text',
  'activity.text',
  'activity.value',
];

/** The embedded log's bound: five files of 10 MB, the oldest dropped as a new one starts. */
export const LOG_FILE = { name: 'hub.log', size: '10M', files: 5 } as const;

/**
 * Where an embedded server logs: everything to a rotated file beside its data, and only warnings
 * and errors to the terminal, so a server left running fills neither. In a tenant the log goes to
 * standard output, which is App Service's log stream (and Application Insights, when set).
 */
export function embeddedLogDestination(
  directory: string,
  level: string,
): { destination: DestinationStream; close(): Promise<void> } {
  const file = createStream(LOG_FILE.name, { path: directory, size: LOG_FILE.size, maxFiles: LOG_FILE.files });
  return {
    destination: multistream([
      { level: 'warn', stream: process.stdout },
      { level: level as Level, stream: file },
    ]),
    // The file is written asynchronously: what is buffered is written before the process exits.
    close: () => new Promise<void>((resolve) => file.end(() => resolve())),
  };
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'social-media-policy-hub' },
      redact: { paths: REDACT, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
