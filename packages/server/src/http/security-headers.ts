import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * Security headers on every answer (API, assets, index.html), by helmet.
 *
 * The CSP fits the built web app: vite's build has no inline script or style (index.html only loads
 * /assets/*), React's `style={...}` goes through the CSSOM (not covered by style-src), the upload
 * page previews photos from object URLs (blob:), and KPU's form photos are links that open KPU's site,
 * not images shown here, so no other host is needed. Frames: none (frame-ancestors and X-Frame-Options),
 * so no page of ours can be framed to trick a moderator into a click.
 *
 * `dev` (npm run dev, vite as middleware) relaxes what vite's dev client needs: its inline react-refresh
 * preamble, injected <style> tags and the hot-reload websocket (on its own port in middleware mode).
 *
 * `https` (COOKIE_SECURE=true: the operator says the site is only served over https) adds HSTS and
 * upgrade-insecure-requests. Not by default: on plain http (a laptop, a LAN) they would break the site,
 * and HSTS would stick in visitors' browsers for a year.
 */
export function securityHeaders({ dev, https }: { dev: boolean; https: boolean }): RequestHandler {
  const inDev = (...sources: string[]) => (dev ? sources : []);
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'script-src': ["'self'", ...inDev("'unsafe-inline'")],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", ...inDev("'unsafe-inline'")],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'", ...inDev('ws:', 'wss:')],
        'object-src': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    // No includeSubDomains: other hosts under the same domain are not ours to pin to https.
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
