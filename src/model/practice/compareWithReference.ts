/**
 * The differences between a candidate's design and the problem's reference, shown beside the
 * reference when the candidate opens it: component purposes (so a Redis node counts as the
 * cache), endpoints (method and normalised path) and entities (name) that one has and the other
 * lacks. The same matching as the review, so the two never disagree.
 */
import type { AttemptDesign } from './attempt';
import { PURPOSE_PHRASES, purposesIn } from './componentPurpose';
import type { Purpose } from './componentPurpose';
import { normalizeName, normalizePath } from './review/matchText';

export interface PurposeDifference {
  purpose: Purpose;
  phrase: string;
  /** Labels of the components serving it in the design that has it. */
  components: string[];
}

export interface ReferenceDifferences {
  /** Purposes the reference serves and the candidate's design does not. */
  missingPurposes: PurposeDifference[];
  /** Purposes the candidate's design serves and the reference does not. */
  extraPurposes: PurposeDifference[];
  missingEndpoints: string[];
  extraEndpoints: string[];
  missingEntities: string[];
  extraEntities: string[];
  /** How many purposes, endpoints and entities both have. */
  shared: { purposes: number; endpoints: number; entities: number };
}

function purposeDiff(from: AttemptDesign, other: AttemptDesign): PurposeDifference[] {
  const mine = purposesIn(from);
  const theirs = purposesIn(other);
  const labels = new Map(from.nodes.map((n) => [n.id, n.label || n.kind]));
  return [...mine].filter(([p]) => !theirs.has(p)).map(([purpose, ids]) => ({ purpose, phrase: PURPOSE_PHRASES[purpose], components: ids.map((id) => labels.get(id)!) }));
}

/** Items of `a` whose key no item of `b` has, each matched at most once. */
function unmatched<T>(a: readonly T[], b: readonly T[], key: (t: T) => string): T[] {
  const left = new Map<string, number>();
  for (const t of b) left.set(key(t), (left.get(key(t)) ?? 0) + 1);
  return a.filter((t) => {
    const n = left.get(key(t)) ?? 0;
    if (n > 0) left.set(key(t), n - 1);
    return n === 0;
  });
}

export function compareWithReference(design: AttemptDesign, reference: AttemptDesign): ReferenceDifferences {
  const endpointKey = (e: { method: string; path: string }) => `${e.method.toUpperCase()} ${normalizePath(e.path)}`;
  const entityKey = (e: { name: string }) => normalizeName(e.name);
  const mineE = design.endpoints ?? [];
  const refE = reference.endpoints ?? [];
  const mineN = design.entities ?? [];
  const refN = reference.entities ?? [];
  const missingEndpoints = unmatched(refE, mineE, endpointKey);
  const missingEntities = unmatched(refN, mineN, entityKey);
  const missingPurposes = purposeDiff(reference, design);
  return {
    missingPurposes,
    extraPurposes: purposeDiff(design, reference),
    missingEndpoints: missingEndpoints.map((e) => `${e.method} ${e.path}`),
    extraEndpoints: unmatched(mineE, refE, endpointKey).map((e) => `${e.method} ${e.path}`),
    missingEntities: missingEntities.map((e) => e.name),
    extraEntities: unmatched(mineN, refN, entityKey).map((e) => e.name),
    shared: {
      purposes: purposesIn(reference).size - missingPurposes.length,
      endpoints: refE.length - missingEndpoints.length,
      entities: refN.length - missingEntities.length,
    },
  };
}
