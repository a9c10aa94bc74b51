// An HTTP CONNECT proxy that tunnels HTTPS for a fixed set of hostnames to one local port: how
// Firefox (which has no --host-resolver-rules) reaches a local HTTPS server under real hostnames.
// Any other host is refused (403), so nothing leaves the machine.

import { createServer } from 'node:http';
import { connect } from 'node:net';

/**
 * @typedef {object} ConnectProxy
 * @property {number} port
 * @property {Record<string, string | number | boolean>} firefoxPrefs the profile preferences that
 *   send Firefox's HTTPS through this proxy
 * @property {() => Promise<void>} close
 */

/**
 * @param {{hosts: string[], targetPort: number}} options `hosts` may hold `*.example.com` wildcards
 * @returns {Promise<ConnectProxy>}
 */
export async function startConnectProxy({ hosts, targetPort }) {
  /** @param {string} host */
  const allowed = (host) =>
    hosts.some((h) => (h.startsWith('*.') ? host.endsWith(h.slice(1)) && host.length > h.length - 1 : host === h));
  /** @type {Set<import('node:stream').Duplex>} */
  const sockets = new Set();
  const server = createServer((_req, res) => {
    res.writeHead(403, { 'content-type': 'text/plain' });
    res.end('this test proxy only tunnels HTTPS (CONNECT) to the fixture hosts');
  });
  server.on('connect', (req, client, head) => {
    const [host, port] = (req.url ?? '').split(':');
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    if (port !== '443' || !allowed(host ?? '')) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no TCP port');
  const { port } = address;
  return {
    port,
    firefoxPrefs: {
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // The real domains may be on the HSTS preload list, where a certificate error cannot be
      // overridden: the test certificate is self-signed.
      'network.stricttransportsecurity.preloadlist': false,
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
