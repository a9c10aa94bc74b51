// The loader of a fixture page served with ?render=late (tests/lib/fixture-site.js), in the page's
// world: `lateMs` after the load event (when any document_idle content script has started), puts
// the page's content from <template id="fixture-late"> in place and runs its scripts in document
// order, each external one after the one before it has run (as the parser would have).
(() => {
  const template = /** @type {HTMLTemplateElement} */ (document.getElementById('fixture-late'));
  const lateMs = Number(template.dataset.lateMs);

  async function render() {
    const content = /** @type {DocumentFragment} */ (template.content.cloneNode(true));
    // Scripts taken out, to be run one by one (a cloned parser script would not run at all).
    const scripts = [...content.querySelectorAll('script')].map((old) => {
      const mark = document.createComment('fixture-late script');
      old.replaceWith(mark);
      return { old, mark };
    });
    template.replaceWith(content);
    for (const { old, mark } of scripts) {
      const script = document.createElement('script');
      for (const attr of [...old.attributes]) script.setAttribute(attr.name, attr.value);
      script.textContent = old.textContent;
      const ran = old.src
        ? new Promise((resolve) => {
          script.addEventListener('load', resolve, { once: true });
          script.addEventListener('error', resolve, { once: true });
        })
        : null;
      mark.replaceWith(script);
      if (ran) await ran;
    }
    document.documentElement.dataset.fixtureRendered = 'late';
  }

  const start = () => setTimeout(() => void render(), lateMs);
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
})();
