// The service worker's message types come from its one message schema (WORKER_MESSAGES and
// PORT_MESSAGES in extension/background/messages.js): extension/build/message-types.js writes
// extension/shared/generated/messages.d.ts from it. The tracked file must be what the schema gives
// now, and each field's TypeScript type must be of the JSON kind the validator checks, so that
// what tsc lets a page send is what the worker accepts.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { PORT_MESSAGES, readField, WORKER_MESSAGES } from '../../extension/background/messages.js';
import { MESSAGE_TYPES_FILE, messageDeclarations, namesIn } from '../../extension/build/message-types.js';

const OUT = fileURLToPath(new URL('../.tmp/message-types/', import.meta.url));

test('the tracked message declarations are what the schema gives now', () => {
  const tracked = readFileSync(MESSAGE_TYPES_FILE, 'utf8');
  const generated = messageDeclarations();
  if (tracked === generated) return;
  const [a, b] = [tracked.split('\n'), generated.split('\n')];
  const line = a.findIndex((text, i) => text !== b[i]) + 1 || Math.min(a.length, b.length) + 1;
  assert.fail(
    `extension/shared/generated/messages.d.ts is not what the message schema gives now (first difference at line ${line}): ` +
      'run `./build.sh types` and commit the file',
  );
});

test('every field is declared with a type of the JSON kind the validator checks', () => {
  /** The TypeScript of each JSON kind (an object field may hold any object type). */
  const KIND_TYPES = { object: 'object', string: 'string', number: 'number', boolean: 'boolean' };
  /** @type {Array<{where: string, line: string}>} */
  const fields = [];
  /** @type {string[]} */
  const declaredTypes = [];
  for (const [table, messages] of Object.entries({ WORKER_MESSAGES, PORT_MESSAGES })) {
    for (const [type, { fields: specs }] of Object.entries(messages)) {
      for (const [name, spec] of Object.entries(/** @type {Record<string, import('../../extension/background/messages.js').FieldSpec>} */ (specs))) {
        const { kind, type: declared } = readField(spec);
        const i = fields.length;
        declaredTypes.push(declared);
        fields.push({ where: `${table} ${type}.${name} (${spec})`, line: `export const field${i}: ${KIND_TYPES[kind]} = undefined as unknown as (${declared});` });
      }
    }
  }
  assert.ok(fields.length > 20, `expected the schema's fields, got ${fields.length}`);
  mkdirSync(OUT, { recursive: true });
  const file = `${OUT}kinds.ts`;
  const names = [...new Set(declaredTypes.flatMap(namesIn))].sort();
  const source = [`import type { ${names.join(', ')} } from '../../../extension/shared/contract';`, ...fields.map((f) => f.line), ''].join('\n');
  writeFileSync(file, source);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts'],
    types: [],
  });
  const problems = ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n  ');
    if (d.file?.fileName !== file || d.start === undefined) return `${d.file?.fileName ?? ''}: ${message}`;
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    const field = /field(\d+)/.exec(source.split('\n')[line])?.[1];
    return `${field === undefined ? `${file}:${line + 1}` : fields[Number(field)].where}: ${message}`;
  });
  assert.deepEqual(problems, [], `fields whose declared type is not of the kind the validator checks:\n${problems.join('\n')}`);
});
