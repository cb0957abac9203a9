/**
 * "Copy as Mermaid": the diagram as a Mermaid flowchart for Markdown documents. Groups become
 * (nested) subgraphs, roles pick the node shape, edge labels and protocols are kept, and
 * asynchronous edges are dashed.
 *
 * Everything a user typed in the chart is written inside double quotes with every character
 * Mermaid or HTML could act on replaced by a Mermaid entity code (`#60;` for `<`), so a label can
 * neither end its statement, start a directive (`%%{init: …}%%`), nor become HTML in the
 * rendered chart; Mermaid decodes the codes in labels, subgraph titles, edge labels and sequence
 * messages, so they read back as typed. The front matter's title is different: it is YAML,
 * parsed before the chart, and Mermaid (12.3, rendered in Chromium) shows it as plain text with
 * entity codes undecoded ("Links #40;EU#41;") and never reads a directive in it, but lets its
 * sanitizer eat what looks like a tag ("a<b" shows "a"). So the title is a YAML double-quoted
 * string of the text as typed, with `<` and `>` as the angle quotation marks ‹ › (in every
 * Latin font, unlike the full-width forms).
 */
import { roleOf } from '../model/catalog';
import type { Role } from '../model/catalog';
import type { Diagram, DiagramNode, LayoutDirection } from '../model/diagram';

const DIRECTION: Readonly<Record<LayoutDirection, string>> = { up: 'BT', down: 'TB', left: 'RL', right: 'LR' };

/** Opening and closing brackets of each role's shape. */
const SHAPE: Readonly<Record<Exclude<Role, 'group'>, [string, string]>> = {
  client: ['([', '])'],
  server: ['[', ']'],
  datastore: ['[(', ')]'],
  support: ['(', ')'],
};

/** Words Mermaid reads as syntax where an id is expected. */
const RESERVED = new Set(
  [
    'end', 'graph', 'flowchart', 'subgraph', 'direction', 'style', 'linkstyle', 'classdef', 'class',
    'click', 'call', 'href', 'callback', 'default', 'interpolate', 'acctitle', 'accdescr',
    'tb', 'td', 'bt', 'lr', 'rl',
  ],
);

export interface MermaidOptions {
  /** Write the title as the chart's front matter (default true); a document with its own heading leaves it out. */
  title?: boolean;
}

export function serializeMermaid(diagram: Diagram, options: MermaidOptions = {}): string {
  const ids = mermaidIds(diagram.nodes);
  const byId = new Map<string, DiagramNode>();
  for (const node of diagram.nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  const children = new Map<string, DiagramNode[]>();
  const roots: DiagramNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parent === undefined ? undefined : byId.get(node.parent);
    if (parent && roleOf(parent) === 'group' && parent !== node) {
      const list = children.get(parent.id) ?? [];
      list.push(node);
      children.set(parent.id, list);
    } else {
      roots.push(node);
    }
  }

  const lines: string[] = [
    ...(options.title === false ? [] : ['---', `title: ${yamlString(diagram.title)}`, '---']),
    `flowchart ${directionOf(diagram)}`,
  ];
  const written = new Set<string>();
  const writeNode = (node: DiagramNode, indent: string) => {
    // A parent cycle cannot pass the parser; this guard keeps a broken diagram from looping.
    if (written.has(node.id)) return;
    written.add(node.id);
    const id = ids.get(node.id) ?? '';
    const role = roleOf(node);
    if (role === 'group') {
      lines.push(`${indent}subgraph ${id}["${mermaidText(node.label)}"]`);
      for (const child of children.get(node.id) ?? []) writeNode(child, `${indent}  `);
      lines.push(`${indent}end`);
      return;
    }
    const [open, close] = SHAPE[role];
    const label = node.tech ? `${mermaidText(node.label)}<br/>(${mermaidText(node.tech)})` : mermaidText(node.label);
    lines.push(`${indent}${id}${open}"${label}"${close}`);
  };
  for (const node of roots) writeNode(node, '  ');
  // Nodes left out above sit in a parent cycle; they still belong in the chart.
  for (const node of byId.values()) writeNode(node, '  ');

  for (const edge of diagram.edges) {
    const source = ids.get(edge.source);
    const target = ids.get(edge.target);
    if (source === undefined || target === undefined) continue;
    // An asynchronous hand-off (a queue) is drawn dashed, as on the canvas.
    const dashed = edge.mode === 'async';
    const arrow = edge.bidirectional ? (dashed ? '<-.->' : '<-->') : dashed ? '-.->' : '-->';
    const caption = edgeCaption(edge.label, edge.protocol);
    lines.push(`  ${source} ${arrow}${caption === '' ? '' : `|"${caption}"|`} ${target}`);
  }
  return `${lines.join('\n')}\n`;
}

function directionOf(diagram: Diagram): string {
  const direction = diagram.layout?.direction;
  if (direction) return DIRECTION[direction];
  return diagram.flow === 'top-down' ? 'TB' : 'BT';
}

function edgeCaption(label: string | undefined, protocol: string | undefined): string {
  if (label && protocol) return `${mermaidText(label)} (${mermaidText(protocol)})`;
  const only = label || protocol;
  return only ? mermaidText(only) : '';
}

/** Mermaid ids: letters, digits and `_`, never a keyword, unique. Kept close to the node id. */
export function mermaidIds(nodes: readonly DiagramNode[]): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  nodes.forEach((node, i) => {
    if (ids.has(node.id)) return;
    let base = node.id.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
    if (base === '') base = `n${i + 1}`;
    else if (/^[0-9]/.test(base) || RESERVED.has(base.toLowerCase())) base = `n_${base}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    ids.set(node.id, id);
  });
  return ids;
}

/** Characters that mean something to Mermaid's parser, its directives, Markdown strings or HTML. */
const SPECIAL = /["#&<>|`[\]{}()%\\]/g;

/** Control and line-separator characters, which would end a statement or garble it. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * In a sequence diagram text is not quoted: a message or an alias runs to the end of the line, and
 * `;` ends it as a line break would, `#` starts an entity code, `:` and `,` separate parts of a
 * statement; HTML and directives are as dangerous as in a flowchart.
 */
const SEQUENCE_SPECIAL = /["#&<>`%\\;:,]/g;

function entityCodes(value: string, special: RegExp = SPECIAL): string {
  return value.replace(special, (ch) => `#${ch.charCodeAt(0)};`);
}

/** User text for use inside double quotes. */
export function mermaidText(value: string): string {
  return lineText(entityCodes(value));
}

/** User text for a sequence diagram's participant alias or message. */
export function mermaidSequenceText(value: string): string {
  return lineText(entityCodes(value, SEQUENCE_SPECIAL));
}

function lineText(coded: string): string {
  const escaped = coded.replace(/\r\n?|\n/g, '<br/>').replace(CONTROL, ' ');
  return escaped.trim() === '' ? ' ' : escaped;
}

/**
 * The title as a YAML double-quoted scalar (JSON's escapes are all valid YAML), on one line: as
 * typed, since Mermaid shows the title's entity codes raw, but with `<` and `>` as ‹ › so
 * that nothing looks like a tag to its sanitizer.
 */
function yamlString(value: string): string {
  return JSON.stringify(value.replace(CONTROL, ' ').replace(/</g, '\u2039').replace(/>/g, '\u203a'));
}
