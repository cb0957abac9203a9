/**
 * Failure drills run one at a time in the last step (issue 14): a drill marks the candidate's
 * counterpart of the failed reference components down, the candidate edits the design, and
 * "Done" records what changed since the drill began, how long it took on the practice clock and
 * whether every client is still served with those components down. Pure functions of the
 * session, the design and the time; the session keeps the records (meta.practice.drills).
 */
import { analyzeCapacity } from '../analysis/analyzeCapacity';
import type { Diagram, DiagramEdge, DiagramNode } from '../diagram';
import type { DrillChanges, DrillRun, PracticeSession } from '../records/practiceSession';
import { analysisInputOf } from '../analysis/analysisInput';
import { elapsedMs } from './practiceClock';
import type { Problem, ProblemDrill } from './problemRecord';
import { purposesOf } from './componentPurpose';

type Baseline = NonNullable<DrillRun['baseline']>;
const MAX_NAMES = 50;

/** FNV-1a over the text: a short fingerprint that tells whether an element changed. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** What a component is, without where it sits: moving one is not a change to the design. */
const nodeSig = ({ position: _p, size: _s, ...rest }: DiagramNode) => fingerprint(JSON.stringify(rest));
const edgeSig = ({ route: _r, ...rest }: DiagramEdge & { route?: unknown }) => fingerprint(JSON.stringify(rest));
const nameOf = (node: Pick<DiagramNode, 'label' | 'kind'>) => node.label || node.kind;

export function baselineOf(design: Diagram): Baseline {
  return {
    nodes: design.nodes.map((n) => ({ id: n.id, label: nameOf(n), sig: nodeSig(n) })),
    edges: design.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, sig: edgeSig(e) })),
  };
}

/** The components and connections added, removed and edited between the baseline and the design. */
export function changesSince(baseline: Baseline, design: Diagram): DrillChanges {
  const before = new Map(baseline.nodes.map((n) => [n.id, n]));
  const after = new Map(design.nodes.map((n) => [n.id, n]));
  const label = (id: string) => (after.get(id) ? nameOf(after.get(id)!) : (before.get(id)?.label ?? id));
  const edgeName = (e: { source: string; target: string }) => `${label(e.source)} → ${label(e.target)}`;
  const out = { added: [] as string[], removed: [] as string[], changed: [] as string[], edgesAdded: [] as string[], edgesRemoved: [] as string[], edgesChanged: [] as string[] };
  for (const n of design.nodes) {
    const old = before.get(n.id);
    if (!old) out.added.push(nameOf(n));
    else if (old.sig !== nodeSig(n)) out.changed.push(nameOf(n));
  }
  for (const n of baseline.nodes) if (!after.has(n.id)) out.removed.push(n.label);
  const oldEdges = new Map(baseline.edges.map((e) => [e.id, e]));
  const newEdges = new Set(design.edges.map((e) => e.id));
  for (const e of design.edges) {
    const old = oldEdges.get(e.id);
    if (!old) out.edgesAdded.push(edgeName(e));
    else if (old.sig !== edgeSig(e)) out.edgesChanged.push(edgeName(e));
  }
  for (const e of baseline.edges) if (!newEdges.has(e.id)) out.edgesRemoved.push(edgeName(e));
  const total = Object.values(out).reduce((sum, list) => sum + list.length, 0);
  const cap = (list: string[]) => list.slice(0, MAX_NAMES);
  return {
    added: cap(out.added), removed: cap(out.removed), changed: cap(out.changed),
    edgesAdded: cap(out.edgesAdded), edgesRemoved: cap(out.edgesRemoved), edgesChanged: cap(out.edgesChanged),
    total,
  };
}

/** Whether every client still reaches a datastore with `down` failed, at `totalRps`. */
export function everyClientServed(design: Diagram, totalRps: number, down: readonly string[]): boolean {
  const analysis = analyzeCapacity(analysisInputOf(design, { peakRps: totalRps, down: down.filter((id) => design.nodes.some((n) => n.id === id)) }));
  return analysis.clients.length > 0 && analysis.cutOff.length === 0;
}

/** The drill running now (begun, not done), if any. */
export function activeDrill(session: PracticeSession): DrillRun | undefined {
  return session.drills?.find((d) => d.spentMs === undefined);
}

/** The next drill to run: none while one runs; the problem's first not yet done. */
export function nextDrill(problem: Pick<Problem, 'drills'>, session: PracticeSession): ProblemDrill | undefined {
  if (activeDrill(session)) return undefined;
  const done = new Set((session.drills ?? []).map((d) => d.drill));
  return problem.drills.find((d) => !done.has(d.id));
}

/** The candidate's counterpart of a reference component: one of the same kind, else of the same purpose. */
export function counterpartOf(reference: DiagramNode, design: Pick<Diagram, 'nodes'>): DiagramNode | undefined {
  const sameKind = design.nodes.find((n) => n.kind === reference.kind);
  if (sameKind) return sameKind;
  const purpose = purposesOf(reference)[0];
  return purpose === undefined ? undefined : design.nodes.find((n) => purposesOf(n).includes(purpose));
}

/** The candidate's components a drill fails: the counterparts of its reference components. */
export function drillTargets(problem: Pick<Problem, 'reference'>, drill: ProblemDrill, design: Diagram): string[] {
  const ids: string[] = [];
  for (const refId of drill.components) {
    const ref = problem.reference.nodes.find((n) => n.id === refId);
    const mine = ref ? counterpartOf(ref, design) : undefined;
    if (mine && !ids.includes(mine.id)) ids.push(mine.id);
  }
  return ids;
}

export function beginDrill(session: PracticeSession, drill: ProblemDrill, down: readonly string[], design: Diagram, now: number): PracticeSession {
  if (activeDrill(session) || session.finishedAt !== undefined) return session;
  const run: DrillRun = { drill: drill.id, down: [...down], startElapsedMs: elapsedMs(session, now), baseline: baselineOf(design) };
  return { ...session, drills: [...(session.drills ?? []).filter((d) => d.drill !== drill.id), run] };
}

/** "Done": the running drill's time, changes and outcome recorded; its baseline dropped. */
export function endDrill(session: PracticeSession, design: Diagram, totalRps: number, now: number): PracticeSession {
  const run = activeDrill(session);
  if (!run) return session;
  const { baseline, ...rest } = run;
  const done: DrillRun = {
    ...rest,
    spentMs: Math.max(0, elapsedMs(session, now) - run.startElapsedMs),
    changes: changesSince(baseline ?? { nodes: [], edges: [] }, design),
    served: everyClientServed(design, totalRps, run.down),
  };
  return { ...session, drills: (session.drills ?? []).map((d) => (d === run ? done : d)) };
}

/** "1 component added (Replica DB), 2 connections added" — or "no change". */
export function describeChanges(c: DrillChanges): string {
  const parts: string[] = [];
  const say = (list: readonly string[], one: string, verb: string) => {
    if (list.length === 0) return;
    parts.push(`${list.length} ${one}${list.length === 1 ? '' : 's'} ${verb} (${list.join(', ')})`);
  };
  say(c.added, 'component', 'added');
  say(c.removed, 'component', 'removed');
  say(c.changed, 'component', 'edited');
  say(c.edgesAdded, 'connection', 'added');
  say(c.edgesRemoved, 'connection', 'removed');
  say(c.edgesChanged, 'connection', 'edited');
  return parts.length === 0 ? 'no change to the design' : parts.join('; ');
}
