// Renders the checks' report (per check: status, evidence, fix, tutorial step) and the verdict,
// which opens with the chain picture (content/chain-picture.js, loaded by workbench.html).

import { coreMessage, t, tCount } from '../shared/i18n.js';
import { byId, el, codeBlock, setStatus } from './dom.js';

/**
 * @param {HTMLOListElement} list
 * @param {HTMLElement} verdictNode
 * @param {any} report CheckReport
 * @param {boolean} finished whether the run is over (pending checks then read "not run")
 */
export function renderReport(list, verdictNode, report, finished) {
  list.replaceChildren(...(report.checks ?? []).map((/** @type {any} */ check) => renderCheck(check)));
  const verdict = report.verdict;
  if (!finished || !verdict) {
    showChain(null);
    setStatus(verdictNode, 'running', t('workbenchVerifyRunning'));
    return;
  }
  showChain(report.chain ?? null, verdict.check);
  const result = verdict.status === 'pass' ? 'pass' : verdict.status === 'fail' ? 'fail' : 'could-not-check';
  // The core's sentence says it all ("Step 2 is broken: role admin-oss has no policy …"); the
  // fix follows on its own line.
  setStatus(verdictNode, result, coreMessage(verdict.summary) || t('workbenchVerdictPass'));
  verdictNode.dataset.verdict = verdict.status;
  if (verdict.cause) verdictNode.dataset.cause = verdict.cause;
  else delete verdictNode.dataset.cause;
  if (verdict.firstBrokenStep) verdictNode.dataset.step = String(verdict.firstBrokenStep);
  else delete verdictNode.dataset.step;
  const fix = coreMessage(verdict.fix?.text);
  if (fix) verdictNode.append(el('span', { class: 'verdict-fix', text: t('workbenchVerdictFix', fix) }));
  if (verdict.otherFailures) {
    verdictNode.append(el('span', { class: 'field-hint', text: tCount('workbenchVerdictOthers', verdict.otherFailures) }));
  }
  if (typeof report.clockSkewSeconds === 'number' && Math.abs(report.clockSkewSeconds) >= 60) {
    verdictNode.append(el('span', { class: 'field-hint', text: t('workbenchClockSkew', String(report.clockSkewSeconds)) }));
  }
  for (const warning of report.warnings ?? []) {
    verdictNode.append(el('span', { class: 'field-hint', text: coreMessage(warning.text) }));
  }
}

/**
 * The chain picture before the verdict's sentence (hidden while the checks run). The verdict says
 * its check's cause and fix right below: the picture says only those of other broken links.
 * @param {import('../shared/contract').ChainLink[] | null} chain
 * @param {string} [verdictCheck]
 */
export function showChain(chain, verdictCheck) {
  const node = byId('verdict-chain');
  node.hidden = !chain;
  node.replaceChildren(...(chain ? [RoleHopChainPicture.draw(chain, { t, coreMessage }, { explained: verdictCheck })] : []));
  if (chain && !document.getElementById('chain-picture-style')) {
    document.head.append(el('style', { id: 'chain-picture-style', text: RoleHopChainPicture.CSS }));
  }
}

/** @param {any} check */
function renderCheck(check) {
  const status = String(check.status);
  const item = el('li', { 'data-check': check.id, 'data-status': status, ...(check.cause ? { 'data-cause': check.cause } : {}) });
  item.append(el('div', { class: 'check-line' }, [
    el('span', { class: 'badge', 'data-result': status === 'pending' ? 'running' : status, text: t(`workbenchStatus_${status.replaceAll('-', '_')}`) }),
    el('strong', { text: coreMessage(check.title) }),
    check.tutorialStep ? el('a', { href: '#steps-heading', class: 'field-hint', text: t('workbenchTutorialStep', String(check.tutorialStep)) }) : null,
  ]));
  const details = el('dl', { class: 'check-details' });
  const summary = coreMessage(check.summary);
  if (summary) details.append(el('dt', { text: t('workbenchCheckWhat') }), el('dd', { text: summary }));
  const evidence = evidenceText(check.evidence);
  if (evidence) details.append(el('dt', { text: t('workbenchCheckEvidence') }), el('dd', {}, [el('code', { text: evidence })]));
  if (check.method) details.append(el('dt', { text: t('workbenchCheckMethod') }), el('dd', { text: t(`workbenchMethod_${check.method}`) }));
  const fix = coreMessage(check.fix?.text);
  if (fix) details.append(el('dt', { text: t('workbenchCheckFix') }), el('dd', { class: 'fix', text: fix }));
  if (details.childElementCount > 0) item.append(details);
  if (check.fix?.snippet) item.append(codeBlock(t('workbenchCheckSnippet'), check.fix.snippet));
  return item;
}

/** @param {any} evidence */
function evidenceText(evidence) {
  if (!evidence) return '';
  const parts = [];
  if (evidence.action) parts.push(evidence.action);
  if (evidence.httpStatus) parts.push(`HTTP ${evidence.httpStatus}`);
  if (evidence.code) parts.push(evidence.code);
  if (evidence.requestId) parts.push(`RequestId ${evidence.requestId}`);
  if (evidence.attempts && evidence.attempts > 1) parts.push(t('workbenchAttempts', String(evidence.attempts)));
  return parts.join(' · ');
}
