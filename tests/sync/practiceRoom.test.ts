/**
 * Practising together in a live room: the clock and the current step travel with the diagram's
 * meta (`meta.practice`), while the problem's hints, follow-up questions, failure drills and
 * reference design stay on the editor that loads the problem by id: none of it enters the room.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { emptyDiagram } from '../../src/model/diagram';
import { newSession } from '../../src/model/practice/practiceClock';
import { loadShippedProblem, PROBLEM_LIST } from '../../src/model/practice/problemLibrary';
import { mirrorDrillMarks } from '../../src/sync/mirrorDrillMarks';
import { livePair } from './livePair';

async function practiceRoom() {
  const loaded = await loadShippedProblem('chat');
  if (!loaded.ok) throw new Error(loaded.error.message);
  const problem = loaded.value;
  const pair = livePair({ ...emptyDiagram(`Practice: ${problem.title}`), practice: newSession(problem, problem.flow, 45, 1_000) });
  return { problem, ...pair };
}

/** Every string the room's state holds, as the server stores it and every editor receives it. */
const roomText = (ydoc: Y.Doc) => Buffer.from(Y.encodeStateAsUpdate(ydoc)).toString('utf8');

describe('a practice session in a live room', () => {
  it('shares the clock and the step, and never the hints, follow-ups, drills or reference', async () => {
    const id = PROBLEM_LIST[0]!.id;
    const loaded = await loadShippedProblem(id);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const problem = loaded.value;
    const { a, b } = livePair({ ...emptyDiagram(`Practice: ${problem.title}`), practice: newSession(problem, problem.flow, 45, 1_000) });

    // The candidate (a) works through the session; the interviewer (b) sees the same clock and step.
    await a.s.loadPracticeProblem();
    a.s.switchPracticeStep('estimation');
    a.s.setPracticeNotes('estimation', 'about 1,000 writes a second');
    expect(a.s.takeHint()).toBe(problem.hints[0]);
    a.s.pausePractice();
    expect(b.s.meta.practice).toEqual(a.s.meta.practice);
    expect(b.s.meta.practice).toMatchObject({ problem: id, step: 'estimation', hintsUsed: 1 });
    expect(b.s.meta.practice?.runningSince).toBeUndefined();

    // The interviewer's extra content comes from the shipped problem, looked up by id locally.
    await b.s.loadPracticeProblem();
    expect(b.s.practiceProblem?.hints).toEqual(problem.hints);

    // What the server stores and every editor receives: the room's whole state, as bytes.
    const room = Buffer.from(Y.encodeStateAsUpdate(a.ydoc)).toString('utf8');
    expect(room).toContain(problem.title);
    const secrets = [
      ...problem.hints,
      ...problem.followUps,
      ...problem.drills.map((d) => d.prompt),
      ...problem.reference.nodes.map((n) => n.label).filter((label) => label.length > 3),
    ];
    expect(secrets.length).toBeGreaterThan(5);
    for (const secret of secrets) expect(room, secret).not.toContain(secret);
    expect(a.ydoc.getMap('nodes').size).toBe(0);
  });

  it('lets the interviewer give hints, start a drill that marks components down on both screens, and keep private notes, without any of that text in the room', async () => {
    const { problem, a: candidate, b: interviewer } = await practiceRoom();
    const stops = [mirrorDrillMarks(candidate.store), mirrorDrillMarks(interviewer.store)];
    // The candidate draws the chat gateway; the interviewer sees it.
    const gateway = candidate.s.addComponent('service', { center: { x: 200, y: 200 } })!;
    candidate.s.updateNodeData(gateway, { label: 'Gateway' });
    expect(interviewer.s.doc.nodes.byId.has(gateway)).toBe(true);
    await interviewer.s.loadPracticeProblem();
    await candidate.s.loadPracticeProblem();

    // Hints are given by count: the interviewer reads the text aloud, the room holds only the number.
    expect(interviewer.s.takeHint()).toBe(problem.hints[0]);
    expect(interviewer.s.takeHint()).toBe(problem.hints[1]);
    expect(candidate.s.meta.practice?.hintsUsed).toBe(2);

    // The interviewer breaks the gateway: it is down in both analyses; the candidate's Done lifts it on both.
    interviewer.s.switchPracticeStep('deep-dive');
    interviewer.s.startDrill();
    expect(candidate.s.meta.practice?.step).toBe('deep-dive');
    expect(interviewer.s.down.has(gateway)).toBe(true);
    expect(candidate.s.down.has(gateway)).toBe(true);
    expect(candidate.s.capacityShown).toBe(true);
    const room = roomText(candidate.ydoc);
    candidate.s.finishDrill();
    expect(interviewer.s.meta.practice?.drills?.[0]?.spentMs).toBeDefined();
    expect(interviewer.s.down.has(gateway)).toBe(false);
    expect(candidate.s.down.has(gateway)).toBe(false);

    // The interviewer's own notes stay in this editor's session state.
    interviewer.s.setPrivateNotes('Candidate skipped the fan-out question: PRIVATE-NOTE-7');
    expect(interviewer.s.live.privateNotes).toContain('PRIVATE-NOTE-7');

    const secrets = [
      ...problem.hints,
      ...problem.followUps,
      ...problem.drills.map((d) => d.prompt),
      ...problem.reference.nodes.map((n) => n.label).filter((label) => label.length > 3),
      'PRIVATE-NOTE-7',
    ];
    for (const text of [room, roomText(candidate.ydoc), roomText(interviewer.ydoc)]) {
      expect(text).toContain('deep-dive');
      for (const secret of secrets) expect(text, secret).not.toContain(secret);
    }
    for (const stop of stops) stop();
  });
});
