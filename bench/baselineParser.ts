/**
 * The hand-written parser Archflow had before the record schemas (src/model/parseDiagramFile.ts at
 * commit 7c1c644), kept frozen as the benchmark's same-run baseline for "parse + check" (issue 11:
 * no regression against it). Not used by the app. Its hot path (the depth scan, the field-by-field
 * checks, the reference pass) is the old code as it was; only what a valid file never reaches
 * (JSON syntax messages) and the small shared helpers are imported, and the migration step is the
 * current one, since the current file version is one the old chain did not know. It is a copy on
 * purpose: a baseline that followed the code it measures would measure nothing. One file, as the
 * old parser was, hence its length.
 */
import { COMPONENT_ROLES, GROUP_KIND, ROLES, isKnownKind } from '../src/model/catalog';
import type { Role } from '../src/model/catalog';
import { FLOWS, LAYOUT_DIRECTIONS } from '../src/model/diagram';
import type {
  Diagram,
  DiagramEdge,
  DiagramError,
  DiagramErrorCode,
  DiagramLayout,
  DiagramNode,
  Flow,
  LayoutDirection,
  ParseResult,
  Point,
  Size,
} from '../src/model/diagram';
import { jsonErrorMessage, lineColumn } from '../src/model/jsonSyntax';
import { LIMITS } from '../src/model/limits';
import { migrateDiagramFile } from '../src/model/migrateDiagramFile';
import { describeValue as describe, isPlainObject as isObject, own, quoteText as quote } from '../src/model/plainData';

// ---------------------------------------------------------------------------------------------
// Text → JSON value

/** Parses untrusted text into a diagram. Never throws. */
export function parseDiagramFileByHand(text: string): ParseResult<Diagram> {
  if (typeof text !== 'string') return failure('not-json', '', 'The input is not text.');
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

  const bytes = utf8LengthOver(body, LIMITS.maxFileBytes);
  if (bytes !== undefined) {
    return failure(
      'too-large',
      '',
      `The file is ${megabytes(bytes)} MB; the largest Archflow opens is ${megabytes(LIMITS.maxFileBytes)} MB.`,
    );
  }
  if (body.trim() === '') return failure('empty', '', 'The file is empty.');

  const nul = body.indexOf('\u0000');
  if (nul !== -1) {
    return failure(
      'not-json',
      '',
      `The file contains a NUL byte at ${lineColumn(body, nul)}: it looks like a binary file, not a diagram.`,
    );
  }

  const scan = scanJson(body);
  if (scan.tooDeep) {
    return failure(
      'limit',
      '',
      `The JSON nests deeper than ${LIMITS.maxJsonDepth} levels at ${lineColumn(body, scan.at)}; a diagram never does.`,
    );
  }

  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (err) {
    return failure('not-json', '', jsonErrorMessage(body, err));
  }
  return parseDiagramValueByHand(value);
}

/**
 * UTF-8 length of `text` when it is over `limit` bytes, else undefined. The exact count is only
 * needed in the narrow band where UTF-16 length cannot decide it.
 */
function utf8LengthOver(text: string, limit: number): number | undefined {
  if (text.length * 3 <= limit) return undefined;
  if (text.length > limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes > limit ? bytes : undefined;
}

function megabytes(bytes: number): string {
  // Rounded up, so a file just over the limit never reads as "20.0 MB; the limit is 20 MB".
  const mb = Math.ceil((bytes / (1024 * 1024)) * 10) / 10;
  return String(mb);
}

/**
 * One linear pass over the text before JSON.parse, which would otherwise recurse as deep as the
 * input asks. Brackets inside strings do not count.
 */
function scanJson(text: string): { tooDeep: boolean; at: number } {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > LIMITS.maxJsonDepth) return { tooDeep: true, at: i };
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return { tooDeep: false, at: -1 };
}

// ---------------------------------------------------------------------------------------------
// JSON value → Diagram

/** Migrates and strictly checks an already-parsed value. Never throws. */
export function parseDiagramValueByHand(value: unknown): ParseResult<Diagram> {
  try {
    if (!isObject(value)) {
      return failure(
        'not-archflow',
        '',
        `The file holds ${describe(value)}, not an Archflow diagram (expected an object with "format": "archflow").`,
      );
    }
    const migrated = migrateDiagramFile(value);
    if (!migrated.ok) return migrated;
    return { ok: true, value: checkV1(migrated.value), notices: migrated.notices };
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, error: err.error };
    // Reached only by values that did not come from JSON (getters, proxies, cycles).
    return failure('invalid', '', 'The diagram could not be read: it is not plain data.');
  }
}

class Refusal {
  readonly error: DiagramError;
  constructor(code: DiagramErrorCode, path: string, problem: string) {
    this.error = { code, path, message: path ? `${path}: ${problem}` : problem };
  }
}

function failure(code: DiagramErrorCode, path: string, message: string): ParseResult<never> {
  return { ok: false, error: { code, path, message } };
}

function refuse(path: string, problem: string, code: DiagramErrorCode = 'invalid'): never {
  throw new Refusal(code, path, problem);
}

type Obj = Record<string, unknown>;

function objectAt(value: unknown, path: string): Obj {
  if (value === undefined) refuse(path, 'is missing (expected an object)');
  if (!isObject(value)) refuse(path, `expected an object, found ${describe(value)}`);
  return value;
}

function listAt(value: unknown, path: string, limit?: { max: number; what: string }): unknown[] {
  if (value === undefined) refuse(path, 'is missing (expected a list)');
  if (!Array.isArray(value)) refuse(path, `expected a list, found ${describe(value)}`);
  if (limit && value.length > limit.max) {
    refuse(path, `has ${value.length} ${limit.what}; the limit is ${limit.max}`, 'limit');
  }
  return value;
}

function stringAt(value: unknown, path: string, max: number): string {
  if (value === undefined) refuse(path, 'is missing (expected a string)');
  if (typeof value !== 'string') refuse(path, `expected a string, found ${describe(value)}`);
  if (value.length > max) {
    refuse(path, `is ${value.length} characters long; the limit is ${max}`, 'limit');
  }
  return value;
}

function optionalText(obj: Obj, key: string, path: string, max: number): string | undefined {
  const value = own(obj, key);
  if (value === undefined) return undefined;
  const text = stringAt(value, `${path}.${key}`, max);
  // An empty optional field is the same as none: saving omits it, so reading drops it too.
  return text === '' ? undefined : text;
}

function idAt(value: unknown, path: string): string {
  const id = stringAt(value, path, LIMITS.maxIdLength);
  if (id === '') refuse(path, 'must not be empty');
  return id;
}

function oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[], what: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    const list = allowed.map((a) => `"${a}"`).join(', ');
    refuse(path, `${describe(value)} is not ${what} (expected one of ${list})`);
  }
  return value as T;
}

function coordinate(value: unknown, path: string): number {
  if (value === undefined) refuse(path, 'is missing (expected a number)');
  if (typeof value !== 'number') refuse(path, `expected a number, found ${describe(value)}`);
  if (!Number.isFinite(value)) refuse(path, `expected a finite number, found ${describe(value)}`);
  if (Math.abs(value) > LIMITS.maxCoordinate) {
    refuse(path, `${value} is beyond the limit of ±${LIMITS.maxCoordinate}`, 'limit');
  }
  // -0 would not survive a save (JSON writes it as 0), so it is 0 from the start.
  return value === 0 ? 0 : value;
}

function pointAt(value: unknown, path: string): Point {
  const obj = objectAt(value, path);
  return { x: coordinate(own(obj, 'x'), `${path}.x`), y: coordinate(own(obj, 'y'), `${path}.y`) };
}

function sizeAt(value: unknown, path: string): Size {
  const obj = objectAt(value, path);
  const dimension = (key: 'width' | 'height') => {
    const n = coordinate(own(obj, key), `${path}.${key}`);
    if (n <= 0) refuse(`${path}.${key}`, `must be greater than 0, found ${n}`);
    return n;
  };
  return { width: dimension('width'), height: dimension('height') };
}

function checkV1(file: Obj): Diagram {
  const title = stringAt(own(file, 'title'), 'title', LIMITS.maxLabelLength);
  const flow: Flow = oneOf(own(file, 'flow'), 'flow', FLOWS, 'a flow');
  const layout = checkLayout(own(file, 'layout'));
  const nodes = checkNodes(listAt(own(file, 'nodes'), 'nodes', { max: LIMITS.maxNodes, what: 'nodes' }));
  const edges = checkEdges(listAt(own(file, 'edges'), 'edges', { max: LIMITS.maxEdges, what: 'edges' }), nodes);
  const diagram: Diagram = { title, flow, nodes: nodes.list, edges };
  if (layout) diagram.layout = layout;
  return diagram;
}

function checkLayout(value: unknown): DiagramLayout | undefined {
  if (value === undefined) return undefined;
  const obj = objectAt(value, 'layout');
  const direction = own(obj, 'direction');
  if (direction === undefined) return undefined;
  const checked: LayoutDirection = oneOf(direction, 'layout.direction', LAYOUT_DIRECTIONS, 'a layout direction');
  return { direction: checked };
}

interface CheckedNodes {
  list: DiagramNode[];
  /** Node id → index, a Map so that ids like "constructor" are never found on a prototype. */
  index: Map<string, number>;
}

function checkNodes(raw: unknown[]): CheckedNodes {
  const list: DiagramNode[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < raw.length; i++) {
    const path = `nodes[${i}]`;
    const obj = objectAt(raw[i], path);
    const id = idAt(own(obj, 'id'), `${path}.id`);
    const seen = index.get(id);
    if (seen !== undefined) refuse(`${path}.id`, `${quote(id)} is already the id of nodes[${seen}]`);
    index.set(id, i);

    const kindValue = stringAt(own(obj, 'kind'), `${path}.kind`, LIMITS.maxIdLength);
    if (!isKnownKind(kindValue)) refuse(`${path}.kind`, `${quote(kindValue)} is not a known component kind`);
    const node: DiagramNode = {
      id,
      kind: kindValue,
      label: stringAt(own(obj, 'label'), `${path}.label`, LIMITS.maxLabelLength),
    };

    const role = own(obj, 'role');
    if (role !== undefined) {
      const checked: Role = oneOf(role, `${path}.role`, ROLES, 'a role');
      if (kindValue === GROUP_KIND && checked !== 'group') {
        refuse(`${path}.role`, `a group's role can only be "group", found ${quote(checked)}`);
      }
      if (kindValue !== GROUP_KIND && checked === 'group') {
        const list = COMPONENT_ROLES.map((r) => `"${r}"`).join(', ');
        refuse(`${path}.role`, `"group" is only for group nodes (expected one of ${list})`);
      }
      node.role = checked;
    }
    const parent = own(obj, 'parent');
    if (parent !== undefined) node.parent = idAt(parent, `${path}.parent`);
    const position = own(obj, 'position');
    if (position !== undefined) node.position = pointAt(position, `${path}.position`);
    const size = own(obj, 'size');
    if (size !== undefined) node.size = sizeAt(size, `${path}.size`);
    const tech = optionalText(obj, 'tech', path, LIMITS.maxLabelLength);
    if (tech !== undefined) node.tech = tech;
    const notes = optionalText(obj, 'notes', path, LIMITS.maxNotesLength);
    if (notes !== undefined) node.notes = notes;
    list.push(node);
  }
  checkParents(list, index);
  return { list, index };
}

/**
 * Every parent must be an existing group, without cycles and not nested too deep. Depths are
 * memoised so the whole check is linear even for long chains.
 */
function checkParents(nodes: DiagramNode[], index: Map<string, number>): void {
  for (let i = 0; i < nodes.length; i++) {
    const parent = nodes[i]?.parent;
    if (parent === undefined) continue;
    const at = index.get(parent);
    if (at === undefined) refuse(`nodes[${i}].parent`, `${quote(parent)} is not a node id`);
    if (nodes[at]?.kind !== GROUP_KIND) refuse(`nodes[${i}].parent`, `${quote(parent)} is not a group`);
  }

  const UNKNOWN = -1;
  const VISITING = -2;
  const depth = new Array<number>(nodes.length).fill(UNKNOWN);
  for (let start = 0; start < nodes.length; start++) {
    const chain: number[] = [];
    let at: number | undefined = start;
    let base = 0;
    while (at !== undefined) {
      const d = depth[at] ?? UNKNOWN;
      if (d >= 0) {
        base = d;
        break;
      }
      if (d === VISITING) {
        const cycleFrom = chain.indexOf(at);
        const ids = [...chain.slice(cycleFrom), at].map((n) => nodes[n]?.id ?? '');
        const first = chain[cycleFrom] ?? at;
        refuse(
          `nodes[${first}].parent`,
          `${quote(nodes[first]?.parent ?? '')} makes a cycle of groups (${ids.join(' → ')})`,
        );
      }
      depth[at] = VISITING;
      chain.push(at);
      const parent: string | undefined = nodes[at]?.parent;
      at = parent === undefined ? undefined : index.get(parent);
      if (at === undefined) base = -1;
    }
    // `base` is the depth of the first already-known ancestor, or -1 past the root.
    for (let k = chain.length - 1; k >= 0; k--) {
      const n = chain[k] ?? 0;
      base += 1;
      depth[n] = base;
      if (base > LIMITS.maxGroupDepth) {
        refuse(`nodes[${n}].parent`, `groups nest more than ${LIMITS.maxGroupDepth} deep here`, 'limit');
      }
    }
  }
}

function checkEdges(raw: unknown[], nodes: CheckedNodes): DiagramEdge[] {
  const edges: DiagramEdge[] = [];
  const seen = new Map<string, number>();
  const endpoint = (obj: Obj, key: 'source' | 'target', path: string): string => {
    const id = idAt(own(obj, key), `${path}.${key}`);
    if (!nodes.index.has(id)) refuse(`${path}.${key}`, `${quote(id)} is not a node id`);
    return id;
  };
  for (let i = 0; i < raw.length; i++) {
    const path = `edges[${i}]`;
    const obj = objectAt(raw[i], path);
    const id = idAt(own(obj, 'id'), `${path}.id`);
    const before = seen.get(id);
    if (before !== undefined) refuse(`${path}.id`, `${quote(id)} is already the id of edges[${before}]`);
    seen.set(id, i);
    const edge: DiagramEdge = {
      id,
      source: endpoint(obj, 'source', path),
      target: endpoint(obj, 'target', path),
    };
    const label = optionalText(obj, 'label', path, LIMITS.maxLabelLength);
    if (label !== undefined) edge.label = label;
    const protocol = optionalText(obj, 'protocol', path, LIMITS.maxLabelLength);
    if (protocol !== undefined) edge.protocol = protocol;
    const bidirectional = own(obj, 'bidirectional');
    if (bidirectional !== undefined) {
      if (typeof bidirectional !== 'boolean') {
        refuse(`${path}.bidirectional`, `expected true or false, found ${describe(bidirectional)}`);
      }
      // false is the default, and saving omits it.
      if (bidirectional) edge.bidirectional = true;
    }
    const route = own(obj, 'route');
    if (route !== undefined) {
      const points = listAt(route, `${path}.route`);
      const checked = points.map((p, k) => pointAt(p, `${path}.route[${k}]`));
      if (checked.length > 0) edge.route = checked;
    }
    edges.push(edge);
  }
  return edges;
}
