// Runs in the console page's OWN world (manifest `world: "MAIN"`): the page's globals are not
// visible to RoleHop's isolated content scripts, so this reads window.ALIYUN_CONSOLE_CONFIG and
// posts the three fields RoleHop needs, as strings, to this same window. It holds nothing secret
// and changes nothing; the isolated script (console-identity.js) checks the origin, the source
// and the shape of what arrives, because the page could post the same message itself.
// The message is ONE STRING ("rolehop-page-identity:" + JSON): a string crosses from the page's
// world into the content script's as a plain value in every browser (Firefox would otherwise hand
// over a page-compartment object seen through an Xray wrapper).
(() => {
  const OUT = 'rolehop-page-identity:';
  const ASK = 'rolehop-identity-request';
  const FIELDS = ['ACCOUNT_TYPE', 'CURRENT_PK', 'MAIN_ACCOUNT_PK'];

  function start() {
    window.addEventListener('message', (event) => {
      if (event.source === window && event.origin === location.origin && event.data === ASK) post();
    });
    post();
  }

  /** The config's fields RoleHop reads, as strings (null when the page defines no config). */
  function read() {
    let config;
    try {
      config = /** @type {any} */ (window).ALIYUN_CONSOLE_CONFIG;
    } catch {
      return null;
    }
    if (typeof config !== 'object' || config === null) return null;
    /** @type {Record<string, string>} */
    const out = {};
    for (const name of FIELDS) {
      let value;
      try {
        value = config[name];
      } catch {
        continue;
      }
      if (typeof value === 'string' || typeof value === 'number') out[name] = String(value).slice(0, 64);
    }
    return out;
  }

  function post() {
    window.postMessage(`${OUT}${JSON.stringify({ config: read() })}`, location.origin);
  }

  start();
})();
