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
import { livePair } from './livePair';

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
});
