// The loader of a fixture page served with ?render=late (tests/lib/fixture-site.js), in the page's
// world: `lateMs` after the load event (when any document_idle content script has started), puts
// the page's content from <template id="fixture-late"> in place and runs its scripts in document
// order, all in one task, as an app renders its DOM and binds its handlers together: the external
// scripts are fetched first, then the content and every script go in synchronously.
(() => {
  const template = /** @type {HTMLTemplateElement} */ (document.getElementById('fixture-late'));
  const lateMs = Number(template.dataset.lateMs);

  async function render() {
    const content = /** @type {DocumentFragment} */ (template.content.cloneNode(true));
    const scripts = await Promise.all([...content.querySelectorAll('script')].map(async (old) => ({
      old,
      text: old.src ? `${await (await fetch(old.src)).text()}\n//# sourceURL=${old.src}` : (old.textContent ?? ''),
    })));
    // From here on synchronous: nothing of the page's (and no observer) runs in between.
    const marks = scripts.map(({ old, text }) => {
      const mark = document.createComment('fixture-late script');
      old.replaceWith(mark);
      return { mark, text };
    });
    template.replaceWith(content);
    for (const { mark, text } of marks) {
      const script = document.createElement('script');
      script.textContent = text;
      mark.replaceWith(script);
    }
    document.documentElement.dataset.fixtureRendered = 'late';
  }

  const start = () => setTimeout(() => void render(), lateMs);
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
})();
