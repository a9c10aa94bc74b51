// The chain picture (issue 14): the path the checks walk, from B's RAM user through sts:AssumeRole
// (B's grant), A's role and its trust policy and the role's OSS permission to the bucket, each link
// proved, broken or not checked, drawn as SVG from the core's report (`report.chain`, crate/src/
// checks/chain.rs). The broken link's cause and fix follow the picture as text.
// One builder for the workbench's verdict and the RAM console panel: a classic script (the panel's
// content scripts cannot import modules; workbench.html loads it before its module), whose one
// global is RoleHopChainPicture. It draws only what it is given, through the caller's text
// functions, and builds every node with createElement(NS) (no markup from data reaches a parser).
// Two layouts, chosen by the width the picture has (a container query): a row when wide, a column
// when narrow; the hidden one is display:none, so a screen reader meets one picture.
const RoleHopChainPicture = (() => {
  const SVG = 'http://www.w3.org/2000/svg';
  /** At or above this width the links sit in a row; below it, in a column. */
  const ROW_MIN_WIDTH = 700;
  const FONT = 14;
  /** The theme's UI fonts (shared/theme.css --font-ui), for measuring titles as they are drawn. */
  const FONT_UI = 'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
  const SMALL = 13;
  const LINE = 18;
  /** A row's titles are a size smaller: five boxes side by side. */
  const ROW = { box: 140, gap: 20, pad: 8, font: 13 };
  const COLUMN = { width: 340, gap: 22, pad: 12, icon: 34 };
  /** The marks inside the status circle, drawn at r = 8. @type {Record<string, string>} */
  const ICONS = { pass: 'M-4 0l3 3 5-6', fail: 'M-4-4l8 8M4-4l-8 8', 'not-checked': 'M-4 0h8' };

  const CSS = `
    .chain { container-type: inline-size; margin: 12px 0 8px; }
    .chain svg { display: block; width: 100%; height: auto; font: ${FONT}px var(--font-ui, ${FONT_UI}); }
    .chain svg.chain-row { max-width: 840px; }
    .chain svg.chain-column { max-width: 400px; }
    @container (min-width: ${ROW_MIN_WIDTH}px) { .chain svg.chain-column { display: none; } }
    @container (max-width: ${ROW_MIN_WIDTH - 0.02}px) { .chain svg.chain-row { display: none; } }
    .chain .link-box { stroke-width: 1.5; }
    .chain [data-status="pass"] .link-box { fill: var(--pass-bg); stroke: var(--pass); }
    .chain [data-status="fail"] .link-box { fill: var(--fail-bg); stroke: var(--fail); stroke-width: 3; }
    .chain [data-status="not-checked"] .link-box { fill: var(--card); stroke: var(--muted); stroke-dasharray: 5 4; }
    .chain .link-title { fill: var(--ink); font-weight: 600; }
    .chain .link-state { fill: var(--ink); font-size: ${SMALL}px; }
    .chain .link-icon { stroke: none; }
    .chain [data-status="pass"] .link-icon { fill: var(--pass); }
    .chain [data-status="fail"] .link-icon { fill: var(--fail); }
    .chain [data-status="not-checked"] .link-icon { fill: var(--muted); }
    .chain .link-mark { fill: none; stroke: var(--bg); stroke-width: 2.2; stroke-linecap: round; stroke-linejoin: round; }
    .chain .arrow { stroke: var(--muted); stroke-width: 1.5; fill: none; }
    .chain .arrow-head { fill: var(--muted); }
    .chain .chain-broken { margin: 6px 0 0; padding: 6px 10px; border-left: 4px solid var(--fail); border-radius: 4px; background: var(--fail-bg); color: var(--ink); }
    .chain .chain-broken p { margin: 2px 0; }
  `;

  /**
   * @typedef {import('../shared/contract').ChainLink} ChainLink
   * @typedef {object} Words how the caller renders texts
   * @property {(key: string, substitutions?: string[]) => string} t a catalog entry
   * @property {(message: import('../shared/contract').CoreMessage | undefined) => string} coreMessage
   */

  /** Counts pictures, for ids unique in the document (title and desc references). */
  let drawn = 0;

  /**
   * @template {keyof SVGElementTagNameMap} K
   * @param {K} tag @param {Record<string, string | number>} [attributes] @param {Array<Node | string>} [children]
   * @returns {SVGElementTagNameMap[K]}
   */
  function s(tag, attributes = {}, children = []) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
    node.append(...children);
    return node;
  }

  /**
   * @param {string} tag @param {Record<string, string>} [attributes] @param {Array<Node | string>} [children]
   */
  function h(tag, attributes = {}, children = []) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  }

  /** @type {CanvasRenderingContext2D | null | undefined} */
  let measurer;

  /**
   * How wide `text` is in the titles' bold font at `size` px: measured on a canvas (SVG text does
   * not wrap, and an SVG not yet in the page has no layout to measure); estimated without one.
   * @param {string} text @param {number} size
   */
  function widthOf(text, size) {
    measurer ??= document.createElement('canvas').getContext('2d');
    if (measurer) {
      measurer.font = `600 ${size}px ${FONT_UI}`;
      return measurer.measureText(text).width;
    }
    return [...text].reduce((sum, c) => sum + (/[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? 1 : 0.64), 0) * size;
  }

  /**
   * Breaks `text` into lines at most `width` px wide at `size` px: at spaces, between Chinese
   * characters, or after a colon inside a word too long for a line (sts:AssumeRole).
   * @param {string} text @param {number} width @param {number} size
   */
  function wrap(text, width, size) {
    // Words: a Chinese character, or a Latin run up to a colon or a space (each with the space after it).
    const words = text.match(/[\u2e80-\u9fff\uff00-\uffef]\s*|[^\s:\u2e80-\u9fff\uff00-\uffef]+:?\s*|:\s*/g) ?? [text];
    /** @type {string[]} */
    const lines = [];
    let line = '';
    for (const word of words) {
      if (line && widthOf((line + word).trimEnd(), size) > width) {
        lines.push(line.trimEnd());
        line = word;
      } else line += word;
    }
    if (line.trim()) lines.push(line.trimEnd());
    return lines;
  }

  /** @param {ChainLink} link @param {Words} words */
  function stateText(link, words) {
    return words.t(`chainStatus_${link.status.replaceAll('-', '_')}`);
  }

  /** "Step 2" / "第 2 步". @param {ChainLink} link @param {Words} words */
  function stepText(link, words) {
    return words.t('workbenchTutorialStep', [String(link.step)]);
  }

  /**
   * The status mark: a filled circle with a tick, a cross or a dash.
   * @param {ChainLink} link @param {number} x @param {number} y @param {number} r
   */
  function icon(link, x, y, r) {
    return s('g', { transform: `translate(${x} ${y})`, 'aria-hidden': 'true' }, [
      s('circle', { class: 'link-icon', r }),
      s('path', { class: 'link-mark', d: ICONS[link.status] ?? ICONS['not-checked'], transform: `scale(${r / 8})` }),
    ]);
  }

  /** @param {string} cls @param {number} x @param {number} y @param {string[]} lines @param {string} [anchor] @param {number} [size] px, when not the class's */
  function text(cls, x, y, lines, anchor = 'start', size) {
    return s('text', { class: cls, x, y, 'text-anchor': anchor, ...(size ? { 'font-size': size } : {}) }, lines.map((line, i) => s('tspan', { x, dy: i === 0 ? 0 : LINE }, [line])));
  }

  /** An arrow from (x1, y1) to (x2, y2), its head at the end. @param {number} x1 @param {number} y1 @param {number} x2 @param {number} y2 */
  function arrow(x1, y1, x2, y2) {
    const angle = (Math.atan2(y2 - y1, x2 - x1) * 180) / Math.PI;
    return s('g', { 'aria-hidden': 'true' }, [
      s('line', { class: 'arrow', x1, y1, x2: x2 - (x2 - x1) * 0.25, y2: y2 - (y2 - y1) * 0.25 }),
      s('path', { class: 'arrow-head', d: 'M0 0l-8-5v10z', transform: `translate(${x2} ${y2}) rotate(${angle})` }),
    ]);
  }

  /**
   * The svg root: role img, named by its title and described link by link in words.
   * @param {string} layout `row` or `column` @param {number} width @param {number} height
   * @param {ChainLink[]} chain @param {Words} words
   */
  function root(layout, width, height, chain, words) {
    const id = `rolehop-chain-${++drawn}`;
    const svg = s('svg', { class: `chain-${layout}`, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`, 'data-layout': layout });
    svg.append(
      s('title', { id: `${id}-title` }, [words.t('chainPictureTitle')]),
      s('desc', { id: `${id}-desc` }, [chain.map((link) => words.t('chainPictureLink', [words.coreMessage(link.title), stateText(link, words), stepText(link, words)])).join(' ')]),
    );
    return svg;
  }

  /** A link's group, for styling and tests: data-link, data-status, data-step. @param {ChainLink} link */
  function group(link) {
    return s('g', { 'data-link': link.link, 'data-status': link.status, 'data-step': String(link.step) });
  }

  /** The links in a row, arrows between them. @param {ChainLink[]} chain @param {Words} words */
  function row(chain, words) {
    const inner = ROW.box - 2 * ROW.pad;
    const titles = chain.map((link) => wrap(words.coreMessage(link.title), inner, ROW.font));
    const lines = Math.max(...titles.map((t) => t.length));
    const height = ROW.pad + lines * LINE + 8 + 20 + 18 + ROW.pad;
    const width = chain.length * ROW.box + (chain.length - 1) * ROW.gap;
    const svg = root('row', width + 2, height + 2, chain, words);
    chain.forEach((link, i) => {
      const x = 1 + i * (ROW.box + ROW.gap);
      const g = group(link);
      const stateY = 1 + ROW.pad + lines * LINE + 8 + 10;
      g.append(
        s('rect', { class: 'link-box', x, y: 1, width: ROW.box, height, rx: 8 }),
        text('link-title', x + ROW.pad, 1 + ROW.pad + ROW.font, titles[i], 'start', ROW.font),
        icon(link, x + ROW.pad + 8, stateY, 8),
        text('link-state', x + ROW.pad + 22, stateY + 4, [stateText(link, words)]),
        text('link-state', x + ROW.pad, stateY + 24, [stepText(link, words)]),
      );
      svg.append(g);
      if (i > 0) svg.append(arrow(x - ROW.gap + 3, 1 + height / 2, x - 3, 1 + height / 2));
    });
    return svg;
  }

  /** The links in a column, arrows down. @param {ChainLink[]} chain @param {Words} words */
  function column(chain, words) {
    const inner = COLUMN.width - COLUMN.icon - 2 * COLUMN.pad;
    let y = 1;
    /** @type {SVGGElement[]} */
    const parts = [];
    chain.forEach((link, i) => {
      const title = wrap(words.coreMessage(link.title), inner, FONT);
      const height = COLUMN.pad + title.length * LINE + 20 + COLUMN.pad - 4;
      if (i > 0) {
        parts.push(arrow(1 + COLUMN.width / 2, y - COLUMN.gap + 3, 1 + COLUMN.width / 2, y - 3));
      }
      const g = group(link);
      const x = 1 + COLUMN.pad + COLUMN.icon;
      g.append(
        s('rect', { class: 'link-box', x: 1, y, width: COLUMN.width, height, rx: 8 }),
        icon(link, 1 + COLUMN.pad + 10, y + height / 2, 10),
        text('link-title', x, y + COLUMN.pad + FONT, title),
        text('link-state', x, y + COLUMN.pad + title.length * LINE + 12, [`${stateText(link, words)} · ${stepText(link, words)}`]),
      );
      parts.push(g);
      y += height + COLUMN.gap;
    });
    const svg = root('column', COLUMN.width + 2, y - COLUMN.gap + 1, chain, words);
    svg.append(...parts);
    return svg;
  }

  /**
   * The picture: both layouts, and after them each broken link's cause and fix as text.
   * @param {ChainLink[]} chain @param {Words} words
   * @param {{explained?: string}} [options] `explained`: the check whose cause and fix the page
   *   already says right after the picture (the workbench's verdict), not said twice
   * @returns {HTMLElement}
   */
  function draw(chain, words, { explained } = {}) {
    const figure = h('figure', { class: 'chain', 'data-chain': chain.map((l) => `${l.link}:${l.status}`).join(' ') });
    figure.append(row(chain, words), column(chain, words));
    for (const link of chain.filter((l) => l.status === 'fail' && !(explained && l.check === explained))) {
      const box = h('div', { class: 'chain-broken', 'data-link': link.link }, [
        h('p', {}, [h('strong', {}, [words.t('chainBrokenAt', [words.coreMessage(link.title), stepText(link, words)])])]),
      ]);
      const cause = words.coreMessage(link.cause);
      if (cause) box.append(h('p', { class: 'chain-cause' }, [cause]));
      const fix = words.coreMessage(link.fix);
      if (fix) box.append(h('p', { class: 'chain-fix' }, [words.t('workbenchVerdictFix', [fix])]));
      figure.append(box);
    }
    return figure;
  }

  return Object.freeze({ draw, CSS });
})();
