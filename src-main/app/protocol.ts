import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { APP_SCHEME, contentTypeOf, resolveAppFile } from './app-files';
import { withSecurityHeaders } from './csp';

/**
 * Must run before `app.ready`: makes app:// a standard, secure origin (like https) for our files. Vite emits
 * `<script type="module" crossorigin>`, which Chromium fetches in CORS mode; `corsEnabled` keeps those loads
 * working on a custom scheme. It only lets other origins read these files — and no other origin ever runs here
 * (navigation is denied, network requests are blocked) and the files are the app's public code anyway.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

/** Serves `app://caredesk/<path>` from the built renderer folder, and nothing outside it. */
export function serveAppFiles(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    if (!file || request.method !== 'GET') return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      const headers = withSecurityHeaders({ 'Content-Type': contentTypeOf(file) });
      const flat = Object.fromEntries(
        Object.entries(headers).map(([name, values]) => [name, values.join(', ')]),
      );
      return new Response(body, { status: 200, headers: flat });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
