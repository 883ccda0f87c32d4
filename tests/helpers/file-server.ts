import { createServer, type ServerResponse } from 'node:http';

// A 1x1 PNG: real image bytes, so the type is detected from content as it would be for a screenshot.
export const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export interface FileServer {
  base: string;
  /** Paths requested, in order. */
  hits: string[];
  stop(): Promise<void>;
}

/** Stands in for OneDrive and the bot connector: serves the files a Teams message would link to. */
export async function startFileServer(
  routes: Record<string, Buffer | ((res: ServerResponse) => void)>,
): Promise<FileServer> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const route = routes[req.url ?? ''];
    if (!route) {
      res.statusCode = 404;
      res.end();
    } else if (typeof route === 'function') route(res);
    else res.end(route);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    hits,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
