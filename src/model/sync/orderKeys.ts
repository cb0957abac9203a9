/**
 * File order in a live room (docs/sync-protocol.md, the `order` root): every record has a
 * position key, a fractional index (rocicorp's `fractional-indexing`), and records sort by key,
 * then by id. A move or an insert writes new keys for the records that moved only, so two
 * editors' moves of different records both survive, two concurrent moves of one record end with
 * one of them everywhere, and two records given the same key at once sort by id, the same way on
 * every editor.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/** Keys longer than this are read as no key; inserting over and over at one place makes keys grow. */
const MAX_KEY_LENGTH = 1024;
/** A key this long gets the whole table new, short keys on its next move. */
const REKEY_LENGTH = 256;
const KEY_CHARACTERS = /^[0-9A-Za-z]+$/;

/** A position key read from a room: a bounded base-62 string, or null (the record sorts last). */
export function parseOrderKey(value: unknown): string | null {
  return typeof value === 'string' && value.length <= MAX_KEY_LENGTH && KEY_CHARACTERS.test(value) ? value : null;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How a room orders two records: by key (no key last), then by id. */
export function compareByOrderKey(a: string, keyA: string | null, b: string, keyB: string | null): number {
  if (keyA !== keyB) {
    if (keyA === null) return 1;
    if (keyB === null) return -1;
    return keyA < keyB ? -1 : 1;
  }
  return compareIds(a, b);
}

/**
 * `ids` in the room's order. When `ids` already are (the usual case: nothing moved), the same
 * array comes back without sorting.
 */
export function sortByOrderKeys(ids: readonly string[], keyOf: (id: string) => string | null): readonly string[] {
  const keys = ids.map(keyOf);
  let sorted = true;
  for (let i = 1; i < ids.length && sorted; i++) sorted = compareByOrderKey(ids[i - 1]!, keys[i - 1]!, ids[i]!, keys[i]!) <= 0;
  if (sorted) return ids;
  const index = ids.map((_, i) => i);
  index.sort((i, j) => compareByOrderKey(ids[i]!, keys[i]!, ids[j]!, keys[j]!));
  return index.map((i) => ids[i]!);
}

/** A key the generator can work from (well-formed for fractional-indexing, and not the largest). */
function usable(key: string | null): key is string {
  if (key === null) return false;
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}

/** Indices of a longest run (not necessarily contiguous) of strictly increasing keys, nulls skipped. */
function longestIncreasing(keys: readonly (string | null)[]): Set<number> {
  const tails: number[] = [];
  const previous = new Array<number>(keys.length).fill(-1);
  keys.forEach((key, i) => {
    if (key === null) return;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[tails[mid]!]! < key) lo = mid + 1;
      else hi = mid;
    }
    previous[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
  });
  const kept = new Set<number>();
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) kept.add(i);
  return kept;
}

/**
 * The keys to write so that the room orders `order`'s records as `order` lists them: records
 * keep their keys where they can (the longest increasing run), the others get keys between
 * their kept neighbours. `keyOf` reads a record's current key. Never throws; when keys have
 * grown long, every record gets a new one.
 */
export function orderKeysFor(order: readonly string[], keyOf: (id: string) => string | null): Map<string, string> {
  const keys = order.map((id) => {
    const key = keyOf(id);
    return usable(key) ? key : null;
  });
  const kept = longestIncreasing(keys);
  const out = new Map<string, string>();
  let failed = false;
  try {
    let start = 0;
    while (start < order.length) {
      if (kept.has(start)) {
        start++;
        continue;
      }
      let end = start;
      while (end < order.length && !kept.has(end)) end++;
      const fresh = generateNKeysBetween(start > 0 ? keys[start - 1] : null, end < order.length ? keys[end] : null, end - start);
      fresh.forEach((key, k) => out.set(order[start + k]!, key));
      start = end;
    }
  } catch {
    failed = true;
  }
  if (failed || [...out.values()].some((key) => key.length > REKEY_LENGTH)) {
    const fresh = generateNKeysBetween(null, null, order.length);
    out.clear();
    order.forEach((id, i) => out.set(id, fresh[i]!));
  }
  return out;
}
