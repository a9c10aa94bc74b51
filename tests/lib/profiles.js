// Realistic profile INI files for tests and benchmarks: deterministic (seeded), varied like a
// real team's file (aliases, default domains, UIDs with role ARNs, groups, colours, both sites,
// notes), so compression is measured on text that is not artificially repetitive.

import { mulberry32 } from './prng.js';

const COMPANIES = ['acme', 'globex', 'initech', 'umbrella', 'hooli', 'stark', 'wayne', 'tyrell', 'cyberdyne', 'soylent'];
const ENVS = ['prod', 'staging', 'dev', 'audit', 'billing', 'logs', 'data', 'sandbox'];
const ROLES = ['admin-oss', 'readonly', 'oss-reader', 'ops', 'billing-viewer', 'security-audit', 'deployer', 'support'];
const COLOURS = ['#e8590c', '#1971c2', '#2f9e44', '#f08c00', '#9c36b5', '#c2255c', '#0c8599', '#5c940d', 'red', 'teal'];

/**
 * @param {number} count
 * @param {{seed?: number, prefix?: string}} [options]
 * @returns {string} INI text with `count` valid profiles
 */
export function profilesIni(count, { seed = 42, prefix = '' } = {}) {
  const next = mulberry32(seed); // the same file on every run
  /** @template T @param {T[]} list @returns {T} */
  const pick = (list) => list[Math.floor(next() * list.length)];
  const lines = ['# RoleHop profiles (generated for tests)', ''];
  for (let i = 0; i < count; i++) {
    const company = pick(COMPANIES);
    const env = pick(ENVS);
    const role = pick(ROLES);
    const id = `${prefix}${company}-${env}-${String(i).padStart(4, '0')}`;
    lines.push(`[profile ${id}]`);
    const kind = next();
    if (kind < 0.4) {
      lines.push(`account = ${company}${i}`, `role_name = ${role}`);
    } else if (kind < 0.7) {
      lines.push(`account = ${company}${i}.onaliyun.com`, `role_name = ${role}`);
    } else {
      const uid = `1${String(Math.floor(next() * 1e15)).padStart(15, '0')}`;
      lines.push(`role_arn = acs:ram::${uid}:role/${role}`);
    }
    lines.push(`display_name = ${company[0].toUpperCase()}${company.slice(1)} ${env} ${i} (${role})`);
    if (next() < 0.8) lines.push(`color = ${pick(COLOURS)}`);
    lines.push(`group = ${company[0].toUpperCase()}${company.slice(1)}`);
    if (next() < 0.3) lines.push('site = intl');
    if (next() < 0.2) lines.push(`note = ask ${pick(['ops', 'secops', 'finance'])}@${company}.example before writing`);
    lines.push('');
  }
  return lines.join('\n');
}
