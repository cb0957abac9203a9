/**
 * Ids that two editors cannot both take: a readable prefix and a short random suffix
 * (`api-server-k3x9qz`, edges `e-…`). Two people adding an API server at the same moment get
 * different ids, where "the smallest free number" gave both `api-server-3`. A new id is never
 * derived by appending to an old one, so copies of a copy never grow past the id limit; share
 * links rename ids compactly anyway.
 */
import { customAlphabet } from 'nanoid';
import { LIMITS } from './limits';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
/** 36^6 ≈ 2 billion suffixes per prefix: two editors colliding is vanishingly rare, and checked. */
export const ID_SUFFIX_LENGTH = 6;
/** Long enough to read, short enough that files and links stay compact. */
export const MAX_ID_PREFIX = 40;

const randomChars = customAlphabet(ALPHABET, ID_SUFFIX_LENGTH);

/**
 * Six random letters and digits, at least one a digit: that is how a suffix is told from a word
 * (`api-server` keeps its `-server`; a copy of `cache-k3x9qz` is `cache-…`).
 */
export function randomIdSuffix(): string {
  for (;;) {
    const suffix = randomChars();
    if (/\d/.test(suffix)) return suffix;
  }
}

/** A readable prefix from a kind or an old id: lower-case letters, digits and single dashes. */
export function idPrefix(source: string, fallback = 'node'): string {
  const words = source
    .toLowerCase()
    // An id this module made: drop its suffix, so a copy of `cache-k3x9qz` is `cache-…`.
    .replace(new RegExp(`-(?=[a-z]*\\d)[0-9a-z]{${ID_SUFFIX_LENGTH}}$`), '')
    // An id from before random suffixes (`cache-2`, `e12`).
    .replace(/-\d+$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = words.slice(0, MAX_ID_PREFIX).replace(/-+$/, '');
  return cut === '' ? fallback : cut;
}

/**
 * A new id `prefix-suffix` that `taken` does not hold. The prefix is cleaned and cut (see
 * `idPrefix`), so the id is always within LIMITS.maxIdLength.
 */
export function createId(
  prefix: string,
  taken: (id: string) => boolean,
  suffix: () => string = randomIdSuffix,
): string {
  const clean = idPrefix(prefix).slice(0, LIMITS.maxIdLength - ID_SUFFIX_LENGTH - 1);
  for (let attempt = 0; ; attempt++) {
    // After a collision (or a deterministic suffix source in tests), lengthen the suffix.
    const extra = attempt === 0 ? '' : randomIdSuffix().slice(0, Math.min(ID_SUFFIX_LENGTH, attempt));
    const id = `${clean}-${suffix()}${extra}`.slice(0, LIMITS.maxIdLength);
    if (!taken(id)) return id;
  }
}

/** Edge ids: `e-` and a suffix. */
export function createEdgeId(taken: (id: string) => boolean, suffix: () => string = randomIdSuffix): string {
  return createId('e', taken, suffix);
}
