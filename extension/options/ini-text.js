// Pure helpers over profile INI text: positions (line:column <-> offset), import format
// detection, and merging imported profiles into the user's own text without losing its comments.

/**
 * The parts of a core Profile these helpers read.
 * @typedef {{id: string, line: number}} ProfileAt
 */

/**
 * The UTF-16 offset of a 1-based line and column (columns count characters, as the core does).
 * Out-of-range values clamp to the nearest position.
 * @param {string} text @param {number} line @param {number} column
 */
export function offsetOf(text, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const end = text.indexOf('\n', offset);
  const lineEnd = end < 0 ? text.length : end;
  // Walk code points, so a character outside the BMP counts once.
  let at = offset;
  for (let c = 1; c < column && at < lineEnd; c++) at += (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
  return at;
}

/** @param {string} text */
export function lineCount(text) {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * 'aliyun-cli' when the text looks like the aliyun CLI's config.json (a JSON object), else 'ini'.
 * @param {string} text
 * @returns {'ini' | 'aliyun-cli'}
 */
export function detectFormat(text) {
  return text.trimStart().startsWith('{') ? 'aliyun-cli' : 'ini';
}

/** @param {string} id */
const idKey = (id) => id.toLowerCase(); // profile ids are unique case-insensitively

/**
 * Which imported profiles are new and which replace one of the same id (case-insensitive).
 * @param {ProfileAt[]} current @param {ProfileAt[]} imported
 */
export function compareIds(current, imported) {
  const existing = new Set(current.map((p) => idKey(p.id)));
  return {
    added: imported.filter((p) => !existing.has(idKey(p.id))).map((p) => p.id),
    replaced: imported.filter((p) => existing.has(idKey(p.id))).map((p) => p.id),
  };
}

/**
 * The user's text with the sections of `replacedIds` removed and `importedText` appended.
 * A section runs from its header line to the line before the next profile's header; its
 * comment lines stay (a merge never deletes what the user wrote as a note), its header, keys
 * and blank lines go.
 * @param {string} text the current (error-free) INI text
 * @param {ProfileAt[]} profiles its parsed profiles (with header lines)
 * @param {string} importedText error-free INI text of the imported profiles
 * @param {string[]} replacedIds
 */
export function mergeIni(text, profiles, importedText, replacedIds) {
  const replace = new Set(replacedIds.map(idKey));
  const lines = text.split('\n');
  const headers = profiles.map((p) => ({ id: p.id, line: p.line })).sort((a, b) => a.line - b.line);
  const drop = new Uint8Array(lines.length);
  headers.forEach((header, i) => {
    if (!replace.has(idKey(header.id))) return;
    const end = i + 1 < headers.length ? headers[i + 1].line - 1 : lines.length;
    for (let l = header.line; l <= end; l++) drop[l - 1] = /^\s*[#;]/.test(lines[l - 1]) ? 0 : 1;
  });
  const kept = lines.filter((_, i) => !drop[i]).join('\n').replace(/\s+$/, '');
  const added = importedText.replace(/\s+$/, '');
  if (!kept) return `${added}\n`;
  return `${kept}\n\n${added}\n`;
}
