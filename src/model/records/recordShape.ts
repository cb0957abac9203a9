/**
 * What a record's schema says about its saved form, read from the schema itself so no field list
 * is ever written twice: the fields in their saved order, which are optional, which hold a
 * nested record or a list of them, and a writer that copies a record in that order.
 */
import type { z } from 'zod';

type Schema = z.core.$ZodType;
export type Shape = Readonly<Record<string, Schema>>;

/** The schema a value is checked by, under `optional()` wrappers and `transform()` steps. */
function core(schema: Schema): Schema {
  const def = schema._zod.def as z.core.$ZodTypeDef & { innerType?: Schema; in?: Schema; out?: Schema };
  if (def.type === 'optional' && def.innerType) return core(def.innerType);
  if (def.type === 'pipe' && def.in && def.out) {
    // `.transform(fn)` is a pipe into a transform: the checking half is `in`. A list is a pipe
    // from "any list" into "a list of items": the items are described by `out`.
    return core(def.out._zod.def.type === 'transform' ? def.in : def.out);
  }
  return schema;
}

export interface FieldInfo {
  name: string;
  optional: boolean;
  /** The keys of a nested record whose fields are all required (a point, a size). */
  tupleKeys?: readonly string[];
  /** The same, for each record in a list of them (a route's points). */
  listOfTupleKeys?: readonly string[];
}

function shapeOf(schema: Schema): Shape | undefined {
  const c = core(schema);
  return c._zod.def.type === 'object' ? (c._zod.def as z.core.$ZodObjectDef).shape : undefined;
}

function elementOf(schema: Schema): Schema | undefined {
  const c = core(schema);
  return c._zod.def.type === 'array' ? (c._zod.def as z.core.$ZodArrayDef).element : undefined;
}

function isOptional(schema: Schema): boolean {
  return schema._zod.optin === 'optional';
}

/** The keys of a nested record that always has every one of them, else undefined. */
function tupleKeysOf(schema: Schema): string[] | undefined {
  const nested = shapeOf(schema);
  if (!nested || Object.values(nested).some(isOptional)) return undefined;
  return Object.keys(nested);
}

/** The fields of a record shape in saved order. */
export function fieldsOf(shape: Shape): FieldInfo[] {
  return Object.entries(shape).map(([name, schema]) => {
    const info: FieldInfo = { name, optional: isOptional(schema) };
    const tupleKeys = tupleKeysOf(schema);
    if (tupleKeys) info.tupleKeys = tupleKeys;
    const element = elementOf(schema);
    const listOfTupleKeys = element && tupleKeysOf(element);
    if (listOfTupleKeys) info.listOfTupleKeys = listOfTupleKeys;
    return info;
  });
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === '' || value === false || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

type Copier = (value: unknown) => unknown;
type Writer = (value: Readonly<Record<string, unknown>>) => Record<string, unknown>;

const identity: Copier = (value) => value;

/** How one field's value is copied, worked out once per schema rather than once per value. */
function copierFor(schema: Schema): Copier {
  const nested = shapeOf(schema);
  if (nested) {
    const write = writerFor(nested);
    return (value) => (typeof value === 'object' && value !== null ? write(value as Record<string, unknown>) : value);
  }
  const element = elementOf(schema);
  if (element) {
    const item = copierFor(element);
    return (value) => (Array.isArray(value) ? value.map(item) : value);
  }
  return identity;
}

// Writers are built on first use and kept per shape: reading zod's definitions for every field of
// every record made saving a 10,000-node diagram five times slower than copying it.
const writers = new WeakMap<Shape, Writer>();

function writerFor(shape: Shape): Writer {
  const known = writers.get(shape);
  if (known) return known;
  const fields = Object.entries(shape).map(([name, schema]) => ({ name, optional: isOptional(schema), copy: copierFor(schema) }));
  const write: Writer = (value) => {
    const out: Record<string, unknown> = {};
    for (const field of fields) {
      const raw = value[field.name];
      if (raw === undefined) continue;
      const copied = field.copy(raw);
      if (copied === undefined) continue;
      if (field.optional && isEmpty(copied)) continue;
      out[field.name] = copied;
    }
    return out;
  };
  writers.set(shape, write);
  return write;
}

/**
 * A plain copy of `value` with the shape's keys in the shape's order. Optional fields that say
 * nothing ('', false, an empty list or record) are left out, as parsing would drop them; keys
 * the shape does not know (view state such as `selected`) are never copied.
 */
export function writeRecord(shape: Shape, value: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return writerFor(shape)(value);
}
