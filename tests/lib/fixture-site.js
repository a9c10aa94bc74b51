// What the fixture sites (tests/fixtures/*/server.js) share: the pages' own scripts and styles at
// /__fixture/<file> on every host, the page a site's router picks for the rest, nothing cached,
// and a 404 that names the route when there is no page, so a test failure says what was asked for.
//
// Every page can be served in two orders (`?render=`), because a content script must work whether
// the page's content is there when it is injected (run_at document_idle: after DOMContentLoaded,
// at the latest right after the load event) or rendered after it started:
// - `html` (the default): the page as its server writes it; what is in the HTML, and what its
//   parser-blocking scripts write while it is parsed, is in the document before the content
//   script runs (a document_idle script cannot tell the two apart);
// - `late`: the same page with its body's content and its head's scripts moved into a <template>
//   that a loader (late-render.js) puts in place, scripts run in order, `lateMs` (default 500)
//   after the load event: always after the content script started.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CONTENT_TYPES = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', html: 'text/html; charset=utf-8' };

/** The two orders every fixture page is served in (`?render=`), with what each means for tests. */
export const RENDER_ORDERS = Object.freeze(/** @type {const} */ ([
  { render: 'html', label: 'content in the HTML at injection' },
  { render: 'late', label: 'content rendered after injection' },
]));
/** @typedef {typeof RENDER_ORDERS[number]['render']} RenderOrder */

/**
 * `url` served in `order` (`?render=`).
 * @param {string} url
 * @param {RenderOrder} order
 */
export function inRenderOrder(url, order) {
  const out = new URL(url);
  out.searchParams.set('render', order);
  return out.toString();
}

const LATE_LOADER_PATH = '/__fixture-render/late-render.js';
const LATE_LOADER = join(dirname(fileURLToPath(import.meta.url)), 'late-render.js');
const DEFAULT_LATE_MS = 500;

/** @typedef {{status: number, type: string, body: Buffer | string, headers?: Record<string, string>}} Reply */

/**
 * @typedef {object} FixtureSite
 * @property {string} dir where the site's files are
 * @property {RegExp} assets which /__fixture/ paths to serve from `dir`: captures the file's base
 *   name and its extension (js | css)
 * @property {(host: string, url: URL) => string | Reply | undefined} page for any other request: the
 *   HTML file in `dir` to serve, another reply, or undefined for 404
 * @property {(host: string, url: URL) => Record<string, string>} [headers] extra response headers
 *   for a page (e.g. a Permissions-Policy the page is served with)
 */

/**
 * A handler for tests/lib/https-server.js that serves `site`.
 * @param {FixtureSite} site
 * @returns {import('./https-server.js').Handler}
 */
export function fixtureSiteHandler({ dir, assets, page, headers }) {
  return (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${host}`);
    /** @param {number} status @param {string} type @param {Buffer | string} body @param {Record<string, string>} [extra] */
    const send = (status, type, body, extra = {}) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra });
      res.end(body);
    };
    if (url.pathname === LATE_LOADER_PATH) return send(200, CONTENT_TYPES.js, readFileSync(LATE_LOADER));
    const asset = assets.exec(url.pathname);
    if (asset) return send(200, CONTENT_TYPES[/** @type {'js' | 'css'} */ (asset[2])], readFileSync(join(dir, `${asset[1]}.${asset[2]}`)));
    const found = page(host, url);
    /** @type {Reply | undefined} */
    const reply = typeof found === 'string' ? { status: 200, type: CONTENT_TYPES.html, body: readFileSync(join(dir, found)) } : found;
    if (!reply) return send(404, 'text/plain; charset=utf-8', `no fixture for ${host}${url.pathname}`);
    const order = url.searchParams.get('render') ?? 'html';
    if (!RENDER_ORDERS.some((o) => o.render === order)) return send(400, 'text/plain; charset=utf-8', `render=${order}: expected html or late`);
    const isPage = reply.type.startsWith('text/html');
    const body = isPage && order === 'late' ? renderLate(String(reply.body), Number(url.searchParams.get('lateMs') ?? DEFAULT_LATE_MS)) : reply.body;
    return send(reply.status, reply.type, body, { ...(isPage ? headers?.(host, url) : {}), ...reply.headers });
  };
}

/**
 * The page with its body's content and its head's scripts in a <template> rendered late.
 * @param {string} html
 * @param {number} lateMs
 */
export function renderLate(html, lateMs) {
  /** @type {string[]} */
  const headScripts = [];
  const withoutHeadScripts = html.replace(/(<head\b[^>]*>)([\s\S]*?)(<\/head>)/i, (_, open, inner, close) =>
    `${open}${inner.replace(/<script\b[\s\S]*?<\/script>/gi, (/** @type {string} */ script) => {
      headScripts.push(script);
      return '';
    })}${close}`);
  const late = withoutHeadScripts.replace(/(<body\b[^>]*>)([\s\S]*)(<\/body>)/i, (_, open, inner, close) =>
    `${open}<template id="fixture-late" data-late-ms="${lateMs}">${headScripts.join('')}${inner}</template>` +
    `<script src="${LATE_LOADER_PATH}"></script>${close}`);
  if (late === withoutHeadScripts) throw new Error('render=late: the fixture page has no <body>...</body>');
  return late;
}
