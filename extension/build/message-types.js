// The service worker's message types, written from its one message schema (WORKER_MESSAGES and
// PORT_MESSAGES in background/messages.js) into shared/generated/messages.d.ts, which
// shared/contract.d.ts re-exports.
//   node extension/build/message-types.js   writes the file (`./build.sh types` runs it)
// tests/unit/message-types.test.js fails when the tracked file differs from what this writes now.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { PORT_MESSAGES, readField, WORKER_MESSAGES } from '../background/messages.js';

/** The tracked declarations. */
export const MESSAGE_TYPES_FILE = fileURLToPath(new URL('../shared/generated/messages.d.ts', import.meta.url));

/** TypeScript's own generic types, which need no import. */
const GLOBAL_TYPES = new Set(['Record', 'Array', 'Partial', 'Readonly', 'Pick', 'Omit']);

/** @typedef {import('../background/messages.js').MessageSpec} MessageSpec */

/** The type names a TypeScript type refers to, as its parser reads them. @param {string} type */
export function namesIn(type) {
  const source = ts.createSourceFile('type.ts', `type T = ${type};`, ts.ScriptTarget.Latest);
  /** @type {string[]} */
  const names = [];
  /** @param {ts.Node} node */
  const visit = (node) => {
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && !GLOBAL_TYPES.has(node.typeName.text)) names.push(node.typeName.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** A JSDoc comment at `indent`, or nothing. @param {string | undefined} doc @param {string} indent */
function comment(doc, indent) {
  return doc ? [`${indent}/** ${doc} */`] : [];
}

/**
 * The union of the messages of `table`, one member a line.
 * @param {Readonly<Record<string, MessageSpec>>} table
 */
function union(table) {
  return Object.entries(table).flatMap(([type, { doc, fields }]) => {
    const members = [`type: ${JSON.stringify(type)}`];
    for (const [name, spec] of Object.entries(fields)) {
      const field = readField(spec);
      members.push(`${name}${field.optional ? '?' : ''}: ${field.type}`);
    }
    return [...comment(doc, '  '), `  | { ${members.join('; ')} }`];
  });
}

/** `lines` as one statement: a semicolon after the last. @param {string[]} lines */
function statement(lines) {
  return [...lines.slice(0, -1), `${lines.at(-1)};`];
}

/** The text of shared/generated/messages.d.ts. */
export function messageDeclarations() {
  /** @type {Readonly<Record<string, MessageSpec>>} */
  const worker = WORKER_MESSAGES;
  /** @type {Readonly<Record<string, MessageSpec>>} */
  const port = PORT_MESSAGES;
  const types = [worker, port].flatMap((table) =>
    Object.values(table).flatMap(({ fields, reply }) => [...Object.values(fields).map((spec) => readField(spec).type), ...(reply ? [reply] : [])]),
  );
  const imported = [...new Set(types.flatMap(namesIn))].sort();
  const replies = Object.entries(worker).flatMap(([type, { reply }]) => [`  ${JSON.stringify(type)}: ${reply};`]);
  return [
    '// GENERATED from the service worker\'s message schema (WORKER_MESSAGES and PORT_MESSAGES in',
    '// extension/background/messages.js) by extension/build/message-types.js: do not edit. Regenerate',
    '// with `./build.sh types`. The types it names are declared in ../contract.d.ts, which re-exports this.',
    '',
    `import type { ${imported.join(', ')} } from '../contract';`,
    '',
    '/** Every message the service worker understands (chrome.runtime.sendMessage); extra or missing fields are refused. */',
    'export type Message =',
    ...statement(union(worker)),
    '',
    'export type MessageType = Message["type"];',
    '',
    '/** The answer to each message type when it succeeds. */',
    'export interface Replies {',
    ...replies,
    '}',
    '',
    '/** Messages a page sends on a `rolehop.run` port: runs that stream their progress back, and the confirmations "Do it for me" waits for. */',
    'export type PortMessage =',
    ...statement(union(port)),
    '',
    'export type PortMessageType = PortMessage["type"];',
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(MESSAGE_TYPES_FILE, messageDeclarations());
}
