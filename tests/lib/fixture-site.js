// What the fixture sites (tests/fixtures/*/server.js) share: the pages' own scripts and styles at
// /__fixture/<file> on every host, the page a site's router picks for the rest, nothing cached,
// and a 404 that names the route when there is no page, so a test failure says what was asked for.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CONTENT_TYPES = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', html: 'text/html; charset=utf-8' };

/** @typedef {{status: number, type: string, body: Buffer | string}} Reply */

/**
 * @typedef {object} FixtureSite
 * @property {string} dir where the site's files are
 * @property {RegExp} assets which /__fixture/ paths to serve from `dir`: captures the file's base
 *   name and its extension (js | css)
 * @property {(host: string, url: URL) => string | Reply | undefined} page for any other request: the
 *   HTML file in `dir` to serve, another reply, or undefined for 404
 */

/**
 * A handler for tests/lib/https-server.js that serves `site`.
 * @param {FixtureSite} site
 * @returns {import('./https-server.js').Handler}
 */
export function fixtureSiteHandler({ dir, assets, page }) {
  return (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${host}`);
    /** @param {number} status @param {string} type @param {Buffer | string} body */
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    const asset = assets.exec(url.pathname);
    if (asset) return send(200, CONTENT_TYPES[/** @type {'js' | 'css'} */ (asset[2])], readFileSync(join(dir, `${asset[1]}.${asset[2]}`)));
    const reply = page(host, url);
    if (typeof reply === 'string') return send(200, CONTENT_TYPES.html, readFileSync(join(dir, reply)));
    if (reply) return send(reply.status, reply.type, reply.body);
    return send(404, 'text/plain; charset=utf-8', `no fixture for ${host}${url.pathname}`);
  };
}
