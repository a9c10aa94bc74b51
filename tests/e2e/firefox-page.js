// Waiting on a web page in Firefox (tests/e2e/firefox-harness.js drives one tab over Marionette).

/**
 * Evaluates `body` in the tab until it returns something other than null or undefined (a document
 * being replaced by a navigation is retried), at most `timeout` ms.
 * @param {import('./firefox-harness.js').FirefoxExtension} firefox
 * @param {string} body an async function body, as firefox.evaluate takes it
 * @param {number} [timeout]
 */
export async function waitInPage(firefox, body, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  let last = null;
  while (Date.now() < deadline) {
    try {
      last = await firefox.evaluate(body);
      if (last !== null && last !== undefined) return last;
    } catch (e) {
      if (!/unloaded|navigat|discarded|context/i.test(String(e))) throw e;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting in the page for: ${body} (last: ${JSON.stringify(last)})`);
}
