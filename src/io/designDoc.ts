/**
 * "Export design doc" and `archflow doc`: the design as one Markdown document that renders on
 * GitHub — the requirements with the back-of-the-envelope figures and their formulas, an API table
 * per service, a table per entity, the diagram as a Mermaid flowchart, each request path as a
 * Mermaid sequence diagram (synchronous calls solid `->>`, asynchronous hand-offs dashed `-->>`),
 * the notes and what the validator says.
 *
 * Pure: a diagram in, text out. Every piece of user text is escaped for where it lands: table
 * cells and headings get Markdown escapes (pipes, emphasis, links, HTML), Mermaid text gets
 * Mermaid's entity codes (mermaid.ts), so no label can break a table, a fence or a chart.
 */
import { roleOf } from '../model/catalog';
import { componentName } from '../model/componentName';
import { describeFinding } from '../model/describeFinding';
import { estimateScale, formatScaleField, hasScale, SCALE_FIELD_LABELS } from '../model/design/estimates';
import type { ScaleField } from '../model/design/estimates';
import type { Diagram, DiagramEdge, DiagramNode } from '../model/diagram';
import { edgeIsAsync } from '../model/analysis/figures';
import { endpointName } from '../model/validateDesign';
import { validateFlow } from '../model/validateFlow';
import { mermaidSequenceText, serializeMermaid } from './mermaid';

type Endpoint = NonNullable<Diagram['endpoints']>[number];
type Path = NonNullable<Diagram['paths']>[number];

const PRIORITY_WORDS = { must: 'Must', should: 'Should', could: 'Could' } as const;

export function serializeDesignDoc(diagram: Diagram): string {
  const nodes = new Map<string, DiagramNode>();
  for (const node of diagram.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
  const requirements = diagram.requirements ?? [];
  const endpoints = diagram.endpoints ?? [];
  const entities = diagram.entities ?? [];
  const paths = diagram.paths ?? [];
  const notes = diagram.notes ?? [];
  const requirementText = new Map(requirements.map((r) => [r.id, r.text]));
  const endpointById = new Map<string, Endpoint>();
  for (const endpoint of endpoints) if (!endpointById.has(endpoint.id)) endpointById.set(endpoint.id, endpoint);
  const nodeName = (id: string) => {
    const node = nodes.get(id);
    return node === undefined ? `"${id}"` : componentName(node);
  };

  const out: string[] = [];
  const flowWords = diagram.flow === 'top-down' ? 'top-down (datastores → servers → clients)' : 'bottom-up (clients → servers → datastores)';
  out.push(`# ${md(diagram.title)}`, '', `A system design drawn in Archflow; flow: ${flowWords}.`);

  const requirementsSection = (): string[] => {
    const lines = ['## Requirements', ''];
    lines.push('### Functional', '');
    if (requirements.length === 0) lines.push('None recorded.', '');
    else {
      lines.push('| # | Requirement | Priority |', '|---|---|---|');
      requirements.forEach((r, i) => lines.push(row([String(i + 1), md(r.text), PRIORITY_WORDS[r.priority]])));
      lines.push('');
    }
    lines.push('### Scale', '');
    const scale = diagram.scale ?? {};
    if (!hasScale(scale)) {
      lines.push('None recorded.', '');
      return lines;
    }
    lines.push('| Requirement | Value |', '|---|---|');
    for (const field of Object.keys(SCALE_FIELD_LABELS) as ScaleField[]) {
      const value = scale[field];
      if (typeof value === 'number' && Number.isFinite(value)) lines.push(row([SCALE_FIELD_LABELS[field], formatScaleField(field, value)]));
    }
    lines.push('', '### Back-of-the-envelope estimates', '');
    lines.push('| Figure | Value | Formula |', '|---|---|---|');
    for (const e of estimateScale(scale)) {
      const needs = e.missing.length === 0 ? '' : ` (needs ${e.missing.map((f) => SCALE_FIELD_LABELS[f].toLowerCase()).join(', ')})`;
      lines.push(row([e.label, e.text, `${md(e.formula)}${needs}`]));
    }
    lines.push(
      '',
      'Days of 86,400 s with the load spread evenly (the peak factor corrects for peaks); one stored object per write; five years = 1,825 days, capped by the retention; decimal units (1 KB = 1,000 bytes); payload only, no replication.',
      '',
    );
    return lines;
  };

  const apiSection = (): string[] => {
    const lines = ['## APIs', ''];
    if (endpoints.length === 0) return [...lines, 'None recorded.', ''];
    const byNode = new Map<string, Endpoint[]>();
    for (const endpoint of endpoints) byNode.set(endpoint.node, [...(byNode.get(endpoint.node) ?? []), endpoint]);
    // Services in the diagram's order, so the document reads like the drawing.
    const order = [...new Set([...diagram.nodes.map((n) => n.id).filter((id) => byNode.has(id)), ...byNode.keys()])];
    for (const id of order) {
      lines.push(`### ${md(nodeName(id))}`, '');
      lines.push('| Method | Path | Summary | Request | Response | Serves |', '|---|---|---|---|---|---|');
      for (const e of byNode.get(id)!) {
        const serves = (e.requirements ?? []).map((r) => md(requirementText.get(r) ?? r)).join('; ');
        lines.push(row([`\`${e.method}\``, md(e.path), md(e.summary ?? ''), md(e.request ?? ''), md(e.response ?? ''), serves]));
      }
      lines.push('');
    }
    return lines;
  };

  const dataSection = (): string[] => {
    const lines = ['## Data', ''];
    if (entities.length === 0) return [...lines, 'None recorded.', ''];
    for (const entity of entities) {
      lines.push(`### ${md(entity.name)} in ${md(nodeName(entity.node))}`, '');
      if (entity.fields.length === 0) lines.push('No fields recorded.', '');
      else {
        lines.push('| Field | Type | Key |', '|---|---|---|');
        for (const f of entity.fields) {
          const keys = [f.primaryKey ? 'primary key' : '', f.partitionKey ? 'partition key' : '', f.indexed ? 'indexed' : ''].filter((k) => k !== '');
          lines.push(row([md(f.name), md(f.type), keys.join(', ')]));
        }
        lines.push('');
      }
      const users = (entity.endpoints ?? []).map((id) => endpointById.get(id)).filter((e): e is Endpoint => e !== undefined);
      if (users.length > 0) lines.push(`Read or written by: ${users.map((e) => md(endpointName(e))).join('; ')}.`, '');
    }
    return lines;
  };

  const steps = [requirementsSection, apiSection, dataSection];
  for (const section of diagram.flow === 'top-down' ? steps.reverse() : steps) out.push('', ...section());

  out.push('## Architecture', '', '```mermaid', serializeMermaid(diagram, { title: false }).trimEnd(), '```', '');

  out.push('## Request paths', '');
  if (paths.length === 0) out.push('None recorded.', '');
  const edges = requestEdges(diagram, nodes);
  for (const path of paths) {
    out.push(`### ${md(path.name.trim() === '' ? path.id : path.name)}`, '');
    const serves: string[] = [];
    if (path.requirement !== undefined) serves.push(`requirement ${md(requirementText.get(path.requirement) ?? path.requirement)}`);
    const endpoint = path.endpoint === undefined ? undefined : endpointById.get(path.endpoint);
    if (endpoint !== undefined) serves.push(`endpoint ${md(endpointName(endpoint))} on ${md(nodeName(endpoint.node))}`);
    if (serves.length > 0) out.push(`Serves ${serves.join(' and ')}.`, '');
    out.push('```mermaid', ...sequenceDiagram(path, endpoint, nodes, edges), '```', '');
  }

  if (notes.length > 0) {
    out.push('## Notes', '');
    for (const note of notes) {
      const pinned = note.pin === undefined ? '' : ` (on ${md(nodeName(note.pin))})`;
      out.push(`- ${md(note.text)}${pinned}`);
    }
    out.push('');
  }

  const report = validateFlow(diagram);
  out.push('## Checks', '');
  if (report.findings.length === 0) out.push(`Valid in the ${diagram.flow} flow: no errors, no warnings.`);
  else {
    out.push(`${report.valid ? 'Valid' : 'Not valid'} in the ${diagram.flow} flow: ${count(report.errorCount, 'error')}, ${count(report.warningCount, 'warning')}.`, '');
    for (const finding of report.findings) {
      const { title } = describeFinding(finding, diagram);
      out.push(`- **${finding.severity === 'error' ? 'Error' : 'Warning'}: ${md(title)}.** ${md(finding.message)}.`);
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The edge a request takes from one component to the next: along it bottom-up, against it top-down. */
function requestEdges(diagram: Diagram, nodes: ReadonlyMap<string, DiagramNode>): Map<string, DiagramEdge> {
  const along = diagram.flow !== 'top-down';
  const edges = new Map<string, DiagramEdge>();
  const add = (from: string, to: string, edge: DiagramEdge) => {
    const key = `${from}\u0000${to}`;
    if (!edges.has(key)) edges.set(key, edge);
  };
  for (const edge of diagram.edges) {
    if (!nodes.has(edge.source) || !nodes.has(edge.target) || edge.source === edge.target) continue;
    if (along) add(edge.source, edge.target, edge);
    else add(edge.target, edge.source, edge);
    if (edge.bidirectional === true) {
      if (along) add(edge.target, edge.source, edge);
      else add(edge.source, edge.target, edge);
    }
  }
  return edges;
}

/** Sequence-diagram text, never blank (a blank message or alias would not parse). */
function sequenceText(value: string, fallback: string): string {
  return mermaidSequenceText(value.trim() === '' ? fallback : value);
}

function sequenceDiagram(
  path: Path,
  endpoint: Endpoint | undefined,
  nodes: ReadonlyMap<string, DiagramNode>,
  edges: ReadonlyMap<string, DiagramEdge>,
): string[] {
  const lines = ['sequenceDiagram'];
  // Participant ids are p1, p2, …: never a keyword, whatever the components are called.
  const ids = new Map<string, string>();
  for (const step of path.steps) {
    if (ids.has(step)) continue;
    const id = `p${ids.size + 1}`;
    ids.set(step, id);
    const node = nodes.get(step);
    const shape = node !== undefined && roleOf(node) === 'client' ? 'actor' : 'participant';
    const label = node === undefined ? step : node.tech ? `${node.label} (${node.tech})` : node.label;
    lines.push(`  ${shape} ${id} as ${sequenceText(label, step)}`);
  }
  let endpointShown = false;
  for (let k = 0; k + 1 < path.steps.length; k++) {
    const from = path.steps[k]!;
    const to = path.steps[k + 1]!;
    const edge = from === to ? undefined : edges.get(`${from}\u0000${to}`);
    let message: string;
    let arrow: string;
    if (edge === undefined) {
      arrow = '-x';
      message = 'no edge: the path is broken here';
    } else {
      const sender = nodes.get(from);
      arrow = edgeIsAsync(edge.mode === undefined ? undefined : { mode: edge.mode }, sender?.kind ?? '') ? '-->>' : '->>';
      if (endpoint !== undefined && !endpointShown && to === endpoint.node) {
        endpointShown = true;
        message = endpointName(endpoint);
      } else {
        message = [edge.label, edge.protocol].filter((t): t is string => t !== undefined && t !== '').join(' ') || 'request';
      }
    }
    lines.push(`  ${ids.get(from)!}${arrow}${ids.get(to)!}: ${sequenceText(message, 'request')}`);
  }
  if (path.steps.length === 1) lines.push(`  Note over ${ids.get(path.steps[0]!)!}: ${sequenceText('one step: no calls', 'request')}`);
  return lines;
}

/** A table row; every cell already escaped. */
function row(cells: readonly string[]): string {
  return `| ${cells.map((cell) => (cell === '' ? ' ' : cell)).join(' | ')} |`;
}

// eslint-disable-next-line no-control-regex -- control characters are what is being removed
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * User text for a Markdown table cell, heading or list item on GitHub: HTML characters as
 * entities; the punctuation that starts emphasis, code, links, headings, strikethrough or math
 * backslash-escaped, pipes included (they would split a table cell); a leading list marker
 * escaped; line breaks as `<br>`, tabs as spaces, other control characters dropped.
 */
export function md(value: string): string {
  return value
    .replace(/\t/g, ' ')
    .replace(CONTROL, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]#|~$]/g, (ch) => `\\${ch}`)
    // A list marker or a numbered item at the start would nest a list in a list item.
    .replace(/^(\s*)([-+]|\d+[.)])(?=\s|$)/, (_, space: string, marker: string) => `${space}${marker.replace(/[-+.)]$/, (ch) => `\\${ch}`)}`)
    .replace(/\r\n?|\n|\u2028|\u2029/g, '<br>')
    .replace(/\s+$/, '');
}
