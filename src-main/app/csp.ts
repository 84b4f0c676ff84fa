/**
 * The renderer's Content-Security-Policy (DESIGN.md §4). No 'unsafe-eval' anywhere; 'unsafe-inline' only for
 * styles because MUI/emotion injects <style> tags at run time. frame-ancestors and form-action only work as a
 * header, which is why main sets it even though index.html carries a meta tag too.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // A PDF document is shown in an <iframe> from a blob: URL the page made itself (never a remote frame).
  'frame-src blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

type Headers = Record<string, string | string[]>;

/** Response headers with our CSP (replacing any other, whatever its case) and no MIME sniffing. */
export function withSecurityHeaders(headers: Headers): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'content-security-policy' || lower === 'content-security-policy-report-only') continue;
    if (lower === 'x-content-type-options') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  out['X-Content-Type-Options'] = ['nosniff'];
  return out;
}
