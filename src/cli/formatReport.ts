/** The two faces of a validation report: the exact JSON contract and the readable text. */
import type { Diagram } from '../model/diagram';
import { describeFinding } from '../model/describeFinding';
import type { FlowFix } from '../model/suggestFlowFix';
import { flowEnds, otherFlow } from '../model/validateFlow';
import type { FlowReport } from '../model/validateFlow';
import { terminalJson, terminalLines } from './terminalText';

/**
 * Exactly `{valid, flow, findings: [{rule, severity, message, nodes, edges}]}`, nothing more,
 * except that a design finding adds the ids of the records it is about (`path`, `requirement`,
 * `endpoint`, `entity`) after those five keys.
 */
export function reportJson(report: FlowReport): string {
  const body = {
    valid: report.valid,
    flow: report.flow,
    findings: report.findings.map(({ rule, severity, message, nodes, edges, path, requirement, endpoint, entity }) => ({
      rule,
      severity,
      message,
      nodes,
      edges,
      ...(path === undefined ? {} : { path }),
      ...(requirement === undefined ? {} : { requirement }),
      ...(endpoint === undefined ? {} : { endpoint }),
      ...(entity === undefined ? {} : { entity }),
    })),
  };
  return `${terminalJson(JSON.stringify(body, null, 2))}\n`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function reportText(
  path: string,
  diagram: Diagram,
  report: FlowReport,
  fix: FlowFix | null,
  notices: readonly string[],
): string {
  const { entry, exit } = flowEnds(report.flow);
  const lines = [`${diagram.title} (${path})`, `Flow: ${report.flow}, from ${entry}s to ${exit}s`];
  for (const notice of notices) lines.push(`Note: ${notice}`);
  lines.push('');
  for (const finding of report.findings) {
    const { title, hint } = describeFinding(finding, diagram, report.flow);
    lines.push(`  ${finding.severity.padEnd(7)}  ${title}: ${finding.message}`);
    lines.push(`           ${hint}`);
  }
  if (report.findings.length > 0) lines.push('');
  if (fix !== null) {
    const other = `try --flow ${otherFlow(report.flow)}`;
    const reverse = 'reverse every one-way edge';
    const [first, second] = fix === 'switch-flow' ? [other, reverse] : [reverse, other];
    lines.push(`The whole diagram points the other way: ${first}, or ${second}.`, '');
  }
  const warnings = plural(report.warningCount, 'warning');
  lines.push(report.valid ? `Valid: no errors, ${warnings}.` : `Not valid: ${plural(report.errorCount, 'error')}, ${warnings}.`);
  return terminalLines(lines);
}
