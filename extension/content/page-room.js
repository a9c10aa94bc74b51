// Room on the page for RoleHop's docked UI (the identity strip, the Switch Role banner, the RAM
// panel). Each piece is docked at an edge of the window and takes room there (takeRoom):
// - the page gets padding of the same size on <html> on that side (inline, !important, put back
//   when the page changes it), so its content is laid out beside the UI, never under it;
// - the page's own bars fixed or stuck to that edge (a console's top navigation is often
//   `position: fixed; top: 0`), which padding does not move, are moved in by the same amount, and
//   given back their own values when the room is given back.
// Loaded before rolehop-ui.js, which hands these functions on as RoleHopUI's.
const RoleHopRoom = (() => {
  const MAX_RESTORES = 30;
  /** At most this often, look again for the page's fixed bars after the page changes. */
  const EDGE_CHECK_MS = 500;
  /** Distance between the points sampled along each edge to find the page's bars there. */
  const SAMPLE_STEP = 32;

  /** @typedef {'top' | 'right' | 'bottom'} Side */
  const SIDES = /** @type {const} */ (['top', 'right', 'bottom']);
  /** @type {Map<string, Partial<Record<Side, number>>>} what each piece of UI takes, by its name */
  const reserved = new Map();
  /** @type {Set<() => void>} */
  const roomListeners = new Set();
  /** The page's own inline values of the properties RoleHop sets, to give back when it is done. */
  /** @type {Map<string, {value: string, priority: string}>} */
  const pageValues = new Map();
  /** @type {MutationObserver | null} */
  let roomWatch = null;
  let roomRewrites = 0;
  let roomWindowStart = 0;

  /**
   * The room taken on each side by every piece of UI but `except`.
   * @param {string} [except]
   * @returns {Record<Side, number>}
   */
  function roomTaken(except) {
    const totals = { top: 0, right: 0, bottom: 0 };
    for (const [name, sides] of reserved) {
      if (name === except) continue;
      for (const side of SIDES) totals[side] += Math.max(0, sides[side] ?? 0);
    }
    return totals;
  }

  /** The inline declarations on <html> that make the room (empty when none is taken). */
  function roomDeclarations() {
    const totals = roomTaken();
    const any = SIDES.some((side) => totals[side] > 0);
    /** @type {Record<string, string>} */
    const out = { 'box-sizing': any ? 'border-box' : '', 'scroll-padding-top': totals.top > 0 ? `${Math.ceil(totals.top)}px` : '' };
    for (const side of SIDES) out[`padding-${side}`] = totals[side] > 0 ? `${Math.ceil(totals[side])}px` : '';
    return out;
  }

  function applyRoom() {
    const style = document.documentElement.style;
    for (const [property, value] of Object.entries(roomDeclarations())) {
      const current = style.getPropertyValue(property);
      if (value) {
        if (!pageValues.has(property)) pageValues.set(property, { value: current, priority: style.getPropertyPriority(property) });
        if (current !== value || style.getPropertyPriority(property) !== 'important') style.setProperty(property, value, 'important');
      } else if (pageValues.has(property)) {
        const own = /** @type {{value: string, priority: string}} */ (pageValues.get(property));
        pageValues.delete(property);
        if (own.value) style.setProperty(property, own.value, own.priority);
        else style.removeProperty(property);
      }
    }
    moveEdgeBars();
  }

  /** Puts the room back when the page rewrites <html>'s style (at most MAX_RESTORES times a minute). */
  function watchRoom() {
    if (roomWatch) return;
    roomWatch = new MutationObserver(() => {
      const style = document.documentElement.style;
      const changed = Object.entries(roomDeclarations()).some(([p, v]) => v && style.getPropertyValue(p) !== v);
      if (!changed) return;
      const now = Date.now();
      if (now - roomWindowStart > 60_000) {
        roomWindowStart = now;
        roomRewrites = 0;
      }
      roomRewrites += 1;
      if (roomRewrites <= MAX_RESTORES) applyRoom();
    });
    roomWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
    // A page may add, replace or restyle its bars at any time (single-page apps re-render them).
    let scheduled = false;
    new MutationObserver(() => {
      if (scheduled) return;
      scheduled = true;
      setTimeout(() => {
        scheduled = false;
        moveEdgeBars();
      }, EDGE_CHECK_MS);
    }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'style'] });
    addEventListener('resize', moveEdgeBars, { passive: true });
    // A sticky bar sticks to the edge only once the page scrolls: one look per frame at most.
    let framed = false;
    addEventListener(
      'scroll',
      () => {
        if (framed) return;
        framed = true;
        requestAnimationFrame(() => {
          framed = false;
          moveEdgeBars();
        });
      },
      { passive: true },
    );
  }

  // --- the page's bars fixed or stuck to an edge ------------------------------------------------

  /**
   * How RoleHop moved a bar from one edge: the page's own inline value of the property (`top`,
   * `right` or `bottom`) to give back, the offset the bar had before, and the room it was moved by.
   * @typedef {{own: {value: string, priority: string}, base: number, by: number}} Move
   */
  /** @type {Map<HTMLElement, Map<Side, Move>>} the bars RoleHop moved, and from which edges */
  const moved = new Map();

  /** Is `el` one of RoleHop's own hosts? @param {Element} el */
  const isRoleHop = (el) => el.hasAttribute('data-rolehop');

  /**
   * The element at (x, y) under RoleHop's own UI that is fixed (or, for the top, sticky), walking
   * up from what is drawn there; null when none is.
   * @param {number} x @param {number} y @param {Side} side
   */
  function edgeBarAt(x, y, side) {
    for (const hit of document.elementsFromPoint(x, y)) {
      if (isRoleHop(hit)) continue;
      for (let el = /** @type {Element | null} */ (hit); el && el !== document.body && el !== document.documentElement; el = el.parentElement) {
        const position = getComputedStyle(el).position;
        if (position === 'fixed' || (side === 'top' && position === 'sticky')) return el instanceof HTMLElement ? el : null;
      }
      return null;
    }
    return null;
  }

  /** Where a page's bar under RoleHop's UI would be: across each edge, at depths into the taken room. */
  function samplePoints(/** @type {Side} */ side, /** @type {number} */ room) {
    const length = side === 'right' ? innerHeight : innerWidth;
    const along = Array.from({ length: Math.ceil(length / SAMPLE_STEP) }, (_, i) => Math.min(length - 1, i * SAMPLE_STEP + SAMPLE_STEP / 2));
    const depths = [1, room / 2, room - 1].filter((d, i, all) => d >= 1 && all.indexOf(d) === i);
    return depths.flatMap((depth) =>
      along.map((a) => {
        if (side === 'top') return [a, depth];
        if (side === 'bottom') return [a, innerHeight - depth];
        return [innerWidth - depth, a];
      }),
    );
  }

  /**
   * Moves the page's bars at each edge where room is taken in by that room, and gives moved bars
   * back their own values where it is not (or no longer) taken.
   */
  function moveEdgeBars() {
    const totals = roomTaken();
    for (const [el, moves] of moved) {
      for (const [side, move] of moves) {
        // The page set its own value since: that is its value now, to move in again below.
        if (el.style.getPropertyValue(side) !== `${move.base + move.by}px`) moves.delete(side);
        else if (!el.isConnected || totals[side] !== move.by) giveBack(el, side, move);
      }
      if (moves.size === 0) moved.delete(el);
    }
    for (const side of SIDES) {
      const room = Math.ceil(totals[side]);
      if (room <= 0) continue;
      for (const [x, y] of samplePoints(side, room)) {
        const el = edgeBarAt(x, y, side);
        if (el && !moved.get(el)?.has(side)) moveIn(el, side, room);
      }
    }
  }

  /** @param {HTMLElement} el @param {Side} side @param {number} room */
  function moveIn(el, side, room) {
    const computed = parseFloat(getComputedStyle(el)[side]);
    const rect = el.getBoundingClientRect();
    // `auto` (a bar placed by its static position): its distance from the edge as drawn.
    const base = Number.isFinite(computed) ? computed : side === 'top' ? rect.top : side === 'bottom' ? innerHeight - rect.bottom : innerWidth - rect.right;
    const moves = moved.get(el) ?? new Map();
    moved.set(el, moves.set(side, { own: { value: el.style.getPropertyValue(side), priority: el.style.getPropertyPriority(side) }, base, by: room }));
    el.style.setProperty(side, `${base + room}px`, 'important');
  }

  /** @param {HTMLElement} el @param {Side} side @param {Move} move */
  function giveBack(el, side, move) {
    moved.get(el)?.delete(side);
    if (move.own.value) el.style.setProperty(side, move.own.value, move.own.priority);
    else el.style.removeProperty(side);
  }

  /**
   * Takes room on the page for the piece of UI `name` (replacing what it took before; all zeros
   * give it back) and tells the other pieces (see onRoomChange).
   * @param {string} name
   * @param {Partial<Record<Side, number>>} sides pixels on each side
   */
  function takeRoom(name, sides) {
    const before = JSON.stringify(reserved.get(name) ?? {});
    const clean = Object.fromEntries(SIDES.filter((side) => (sides[side] ?? 0) > 0).map((side) => [side, Math.ceil(sides[side] ?? 0)]));
    if (Object.keys(clean).length > 0) reserved.set(name, clean);
    else reserved.delete(name);
    if (JSON.stringify(clean) === before) return;
    applyRoom();
    if (reserved.size > 0) watchRoom();
    for (const listener of roomListeners) listener();
  }

  /** Runs `listener` whenever a piece of UI takes or gives back room. @param {() => void} listener */
  function onRoomChange(listener) {
    roomListeners.add(listener);
  }

  return Object.freeze({ takeRoom, roomTaken, onRoomChange });
})();
