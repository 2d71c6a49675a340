/**
 * A local HTTP server for real-browser tests that need the browser's own network stack: a request
 * answered by Playwright's interception (context.route) can stall when an extension page makes it
 * the moment it opens, and never reaches declarativeNetRequest's response stage.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FileServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  serve(path: string, body: Buffer | string, contentType: string, status?: number): void;
  close(): Promise<void>;
}

export async function startFileServer(): Promise<FileServer> {
  const files = new Map<string, { body: Buffer | string; contentType: string; status: number }>();
  const server = createServer((request, response) => {
    const file = files.get(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    response.writeHead(file?.status ?? 404, { 'content-type': file?.contentType ?? 'text/plain' });
    response.end(file?.body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    serve: (path, body, contentType, status = 200) => void files.set(path, { body, contentType, status }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
