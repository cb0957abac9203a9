/**
 * A fast path for the record schemas, compiled from the schemas' own zod definitions
 * (`schema._zod.def`: its type, shape, element, checks…), so each record is still defined once.
 * It handles the kinds the records use (objects, lists, strings, numbers, flags, enums, optional
 * fields, pipes and transforms, with their checks) with plain loops, without zod's per-field
 * payloads and issue lists: about half the cost of a 10,000-node parse was that machinery
 * (issue 11). Any other kind (unions, defaults, tuples…) is delegated: zod's own `run` parses
 * that part in place.
 *
 * It only ever answers for valid input. On the first value that fails a check, or anything it is
 * unsure of, it returns MISMATCH, and the caller parses the whole value with zod's `safeParse`,
 * so every refusal, its place and its wording are zod's, exactly as before. No eval, no
 * `new Function`: the app's content security policy forbids both.
 * tests/model/fastParser.property.test.ts holds it to zod's result on valid and broken records.
 */
import type { z } from 'zod';

type Schema = z.core.$ZodType;
type Check = z.core.$ZodCheck;

/** "Not answered here": the caller asks zod. Never a parsed value. */
export const MISMATCH: unique symbol = Symbol('mismatch');

/** A parsed value, or MISMATCH. */
export type FastParse = (value: unknown) => unknown;

/** The parse context `safeParse` gives a schema. */
const CONTEXT = { async: false } as const;

interface Payload {
  value: unknown;
  issues: unknown[];
  addIssue?: (issue: unknown) => void;
}

interface Def {
  type: string;
  checks?: Check[];
  shape?: Record<string, Schema>;
  catchall?: Schema;
  element?: Schema;
  innerType?: Schema;
  in?: Schema;
  out?: Schema;
  entries?: Record<string, unknown>;
  coerce?: boolean;
  transform?: (value: unknown, payload: Payload) => unknown;
}

interface CheckDef {
  check: string;
  maximum?: number;
  tx?: (value: unknown) => unknown;
  fn?: (value: unknown) => unknown;
  when?: (payload: Payload) => boolean;
}

/**
 * Where the value comes from. `json`: straight from JSON.parse (or a spread of such objects), so
 * every object is plain data: own, enumerable, string-keyed data properties on Object.prototype.
 * Such objects are copied whole and checked field by field, several times faster than building
 * each one key by key. `owned`: the same, and handed over, nothing else holds it: an object or
 * list that parsing leaves unchanged is kept as it is, and copied only when a field changes
 * (50,000 copies and their garbage were a tenth of reading a 10,000-node file). The input itself
 * is never written to. `any`: anything at all; built key by key, as zod does.
 */
export type ValueSource = 'json' | 'owned' | 'any';

const compiled: Record<ValueSource, WeakMap<Schema, FastParse>> = { json: new WeakMap(), owned: new WeakMap(), any: new WeakMap() };

/** The fast parse of `schema` for values from `source`, compiled on first use and kept. */
export function fastParserFor(schema: Schema, source: ValueSource = 'any'): FastParse {
  let parse = compiled[source].get(schema);
  if (!parse) {
    const any = source === 'any' ? undefined : fastParserFor(schema, 'any');
    parse = guarded(compile(schema, source), any);
    compiled[source].set(schema, parse);
  }
  return parse;
}

/**
 * Anything thrown on the way (a getter, a proxy) is zod's to meet and report, not ours. A field
 * name made enumerable on Object.prototype would show in every copied object, so then the
 * `json` parse gives way to the `any` one.
 */
function guarded(parse: FastParse, any?: FastParse): FastParse {
  return (value) => {
    try {
      if (any && isPolluted()) return any(value);
      return parse(value);
    } catch {
      return MISMATCH;
    }
  };
}

function isPolluted(): boolean {
  for (const _key in Object.prototype) return true;
  return false;
}

function defOf(schema: Schema): Def {
  return schema._zod.def as unknown as Def;
}

function compile(schema: Schema, source: ValueSource): FastParse {
  const def = defOf(schema);
  const checks = def.checks?.length ? def.checks.map(compileCheck) : [];
  if (!def.coerce && (def.type === 'string' || def.type === 'number' || def.type === 'boolean')) {
    return leafWithChecks(def.type, checks);
  }
  return withChecks(compileType(schema, def, source), checks);
}

type Leaf = 'string' | 'number' | 'boolean';

/** zod's type test for a text, a number (finite) or a flag. Small, so it is inlined where used. */
function isLeaf(kind: Leaf, value: unknown): boolean {
  if (kind === 'string') return typeof value === 'string';
  if (kind === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === 'boolean';
}

/** A text, number or flag and its checks in one closure: most fields are one of these. */
function leafWithChecks(kind: Leaf, checks: readonly FastParse[]): FastParse {
  const [first, second, third] = checks;
  if (!first) return (value) => (isLeaf(kind, value) ? value : MISMATCH);
  if (!second) return (value) => (isLeaf(kind, value) ? first(value) : MISMATCH);
  if (!third) {
    return (value) => {
      if (!isLeaf(kind, value)) return MISMATCH;
      const out = first(value);
      return out === MISMATCH ? MISMATCH : second(out);
    };
  }
  if (checks.length === 3) {
    return (value) => {
      if (!isLeaf(kind, value)) return MISMATCH;
      let out = first(value);
      if (out !== MISMATCH) out = second(out);
      return out === MISMATCH ? MISMATCH : third(out);
    };
  }
  return withChecks((value) => (isLeaf(kind, value) ? value : MISMATCH), checks);
}

/**
 * The kind's parse followed by its checks, the usual one to three written out: a loop over a list
 * of closures was a third of the fast path's time (one call site for every schema).
 */
function withChecks(base: FastParse, checks: readonly FastParse[]): FastParse {
  const [first, second, third] = checks;
  if (!first) return base;
  if (!second) {
    return (value) => {
      const out = base(value);
      return out === MISMATCH ? MISMATCH : first(out);
    };
  }
  if (!third) {
    return (value) => {
      let out = base(value);
      if (out !== MISMATCH) out = first(out);
      return out === MISMATCH ? MISMATCH : second(out);
    };
  }
  if (checks.length === 3) {
    return (value) => {
      let out = base(value);
      if (out !== MISMATCH) out = first(out);
      if (out !== MISMATCH) out = second(out);
      return out === MISMATCH ? MISMATCH : third(out);
    };
  }
  return (value) => {
    let out = base(value);
    for (let i = 0; i < checks.length && out !== MISMATCH; i++) out = checks[i]!(out);
    return out;
  };
}

/** What zod does to a value before its checks, by kind (leaves are compiled above). */
function compileType(schema: Schema, def: Def, source: ValueSource): FastParse {
  if (def.coerce) return delegate(schema);
  switch (def.type) {
    case 'unknown':
      return (value) => value;
    case 'enum':
      return compileEnum(schema, def);
    case 'optional':
      return compileOptional(schema, def, source);
    case 'pipe':
      return compilePipe(schema, def, source);
    case 'transform':
      return compileTransform(schema, def);
    case 'array':
      return def.element ? compileArray(def.element, source) : delegate(schema);
    case 'object':
      return compileObject(schema, def, source);
    default:
      return delegate(schema);
  }
}

/** zod's own parse of `schema`, for a kind not compiled here. */
function delegate(schema: Schema): FastParse {
  return (value) => {
    const result = schema._zod.run({ value, issues: [] }, CONTEXT) as Payload | Promise<Payload>;
    if (result instanceof Promise || result.issues.length > 0) return MISMATCH;
    return result.value;
  };
}

function compileEnum(schema: Schema, def: Def): FastParse {
  const values = Object.values(def.entries ?? {});
  // Numeric enums list their names too; only plain lists of words are compiled.
  if (values.length === 0 || values.some((v) => typeof v !== 'string')) return delegate(schema);
  const allowed = new Set(values);
  return (value) => (allowed.has(value) ? value : MISMATCH);
}

function compileOptional(schema: Schema, def: Def, source: ValueSource): FastParse {
  const inner = def.innerType;
  if (!inner || inner._zod.optin === 'defaulted') return delegate(schema);
  const parse = compile(inner, source);
  return (value) => (value === undefined ? undefined : parse(value));
}

function compilePipe(schema: Schema, def: Def, source: ValueSource): FastParse {
  if (!def.in || !def.out) return delegate(schema);
  const first = compile(def.in, source);
  const then = compile(def.out, source);
  return (value) => {
    const mid = first(value);
    return mid === MISMATCH ? MISMATCH : then(mid);
  };
}

function compileTransform(schema: Schema, def: Def): FastParse {
  const transform = def.transform;
  if (!transform) return delegate(schema);
  return (value) => {
    const payload: Payload = { value, issues: [] };
    payload.addIssue = (issue) => payload.issues.push(issue);
    const out = transform(value, payload);
    if (out instanceof Promise || payload.issues.length > 0) return MISMATCH;
    return out;
  };
}

function compileArray(element: Schema, source: ValueSource): FastParse {
  const item = compile(element, source);
  if (source === 'owned') {
    return (value) => {
      if (!Array.isArray(value)) return MISMATCH;
      // The list itself until an item changes, then a copy.
      let out: unknown[] = value;
      for (let i = 0; i < value.length; i++) {
        const raw: unknown = value[i];
        const parsed = item(raw);
        if (parsed === MISMATCH) return MISMATCH;
        if (!Object.is(parsed, raw)) {
          if (out === value) out = value.slice();
          out[i] = parsed;
        }
      }
      return out;
    };
  }
  return (value) => {
    if (!Array.isArray(value)) return MISMATCH;
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const parsed = item(value[i]);
      if (parsed === MISMATCH) return MISMATCH;
      out[i] = parsed;
    }
    return out;
  };
}

interface Field {
  key: string;
  /** The parse of a value that is there (under a plain `.optional()`, of its inner schema). */
  parse: FastParse;
  /** zod's "optional in and out": an absent key is left out rather than refused. */
  optional: boolean;
  /** A plain `.optional()`: undefined stays undefined without asking the inner schema. */
  plainOptional: boolean;
}

function compileObject(schema: Schema, def: Def, source: ValueSource): FastParse {
  const shape = def.shape;
  if (!shape || def.catchall || Object.getOwnPropertySymbols(shape).length > 0 || Object.hasOwn(shape, '__proto__')) return delegate(schema);
  const fields: Field[] = [];
  for (const key of Object.keys(shape)) {
    const field = shape[key]!;
    const { optin, optout } = field._zod;
    // Other combinations (defaults, a required field that accepts undefined) stay with zod.
    if (optin === undefined && optout === undefined) fields.push({ key, parse: compile(field, source), optional: false, plainOptional: false });
    else if (optin === 'optional' && optout === 'optional') {
      const inner = plainOptionalInner(field);
      fields.push({ key, parse: compile(inner ?? field, source), optional: true, plainOptional: inner !== undefined });
    } else return delegate(schema);
  }
  const keyed: FastParse = (value) => {
    // zod's test for an object: anything but null and lists.
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return MISMATCH;
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!;
      const key = field.key;
      // Read as zod reads them (`input[key]`, and `key in input` to tell absent from undefined),
      // so both see the same value; JSON never holds undefined, so `in` is seldom asked.
      const raw = input[key];
      if (raw === undefined && !(key in input)) {
        if (field.optional) continue;
        return MISMATCH;
      }
      // An optional field given as undefined stays undefined (as `.optional()` leaves it).
      const parsed = raw === undefined && field.plainOptional ? undefined : field.parse(raw);
      if (parsed === MISMATCH) return MISMATCH;
      out[key] = parsed;
    }
    return out;
  };
  return source === 'any' ? keyed : copiedWhole(fields, keyed, source === 'owned');
}

/**
 * For plain data: a copy of the object (one step for the engine, keeping the input's layout),
 * then each field parsed in place and written back only if parsing changed it; when `owned`, the
 * object itself, copied only on the first field that parsing changes. It applies when the object
 * holds only fields of the shape, in the shape's order, every required one among them (as a file
 * Archflow wrote does); any other object is built key by key by `keyed`.
 */
function copiedWhole(fields: readonly Field[], keyed: FastParse, owned: boolean): FastParse {
  const required = fields.filter((field) => !field.optional).length;
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return MISMATCH;
    const input = value as Record<string, unknown>;
    let out = owned ? input : { ...input };
    // Each key is looked for after the previous one's field: in order, or not a field at all.
    let next = 0;
    let seen = 0;
    for (const key in input) {
      while (next < fields.length && fields[next]!.key !== key) next++;
      if (next === fields.length) return keyed(value);
      const field = fields[next++]!;
      if (!field.optional) seen++;
      const raw = input[key];
      const parsed = raw === undefined && field.plainOptional ? undefined : field.parse(raw);
      if (parsed === MISMATCH) return MISMATCH;
      // Object.is: -0 becomes 0 in a coordinate, and that is a change.
      if (!Object.is(parsed, raw)) {
        if (out === input) out = { ...input };
        out[key] = parsed;
      }
    }
    return seen === required ? out : keyed(value);
  };
}

/**
 * The inner schema of a plain `.optional()` (no checks of its own, no default inside), which
 * adds nothing for a value that is there: compiled without the wrapper, one call less per field.
 */
function plainOptionalInner(field: Schema): Schema | undefined {
  const def = defOf(field);
  const inner = def.innerType;
  if (def.type !== 'optional' || def.checks?.length || !inner || inner._zod.optin === 'defaulted') return undefined;
  return inner;
}

/** One check on a value of the right kind: the value it leaves, or MISMATCH on any issue. */
function compileCheck(check: Check): FastParse {
  const def = check._zod.def as unknown as CheckDef;
  if (def.check === 'max_length' && def.maximum !== undefined) {
    const maximum = def.maximum;
    // zod counts a string's code points, not its UTF-16 units; anything over in units is left to it.
    return (value) => ((value as { length: number }).length <= maximum ? value : MISMATCH);
  }
  if (def.check === 'overwrite' && def.tx) {
    const tx = def.tx;
    return (value) => tx(value);
  }
  if (def.check === 'custom' && def.fn && !def.when && (check._zod as { traits?: Set<string> }).traits?.has('$ZodCustom') === true) {
    // A `refine`: its function says yes or no.
    const fn = def.fn;
    return (value) => {
      const ok = fn(value);
      return ok instanceof Promise || !ok ? MISMATCH : value;
    };
  }
  // Everything else (`superRefine`, patterns) runs zod's own check on a payload of its own.
  return (value) => {
    const payload: Payload = { value, issues: [] };
    if (def.when && !def.when(payload)) return value;
    const result = (check._zod.check as (payload: Payload) => unknown)(payload);
    if (result instanceof Promise || payload.issues.length > 0) return MISMATCH;
    return payload.value;
  };
}
