import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDiagramFile } from '../../../src/model/parseDiagramFile';
import { serializeDiagramFile } from '../../../src/model/serializeDiagramFile';
import { emptyDiagram } from '../../../src/model/diagram';
import {
  elapsedMs, finishSession, formatClock, newSession, pauseSession, remainingMs, resumeSession, setStepNotes, stepSpentMs, switchStep,
} from '../../../src/model/practice/practiceClock';
import { practiceSteps } from '../../../src/model/practice/practiceSteps';

const problem = { id: 'url-shortener', title: 'URL shortener' };
const MIN = 60_000;

describe('the practice clock', () => {
  it('counts down, pauses, resumes and banks time per step (fake clock)', () => {
    let s = newSession(problem, 'bottom-up', 45, 0);
    expect(remainingMs(s, 5 * MIN)).toBe(40 * MIN);
    s = switchStep(s, 'estimation', 5 * MIN);
    s = pauseSession(s, 7 * MIN);
    // Paused: nothing moves however long it stays paused.
    expect(elapsedMs(s, 60 * MIN)).toBe(7 * MIN);
    s = resumeSession(s, 60 * MIN);
    expect(stepSpentMs(s, 'requirements', 61 * MIN)).toBe(5 * MIN);
    expect(stepSpentMs(s, 'estimation', 61 * MIN)).toBe(3 * MIN);
    expect(formatClock(remainingMs(s, 61 * MIN))).toBe('37:00');
    s = finishSession(s, 100 * MIN);
    expect(formatClock(remainingMs(s, 200 * MIN))).toBe('-2:00');
    expect(resumeSession(s, 300 * MIN)).toBe(s);
  });

  it('survives a save and a reload mid-step, running or paused', () => {
    let s = newSession(problem, 'top-down', 30, 1_000);
    s = setStepNotes(switchStep(s, 'apis', 2 * MIN), 'apis', 'POST /urls\nGET /{code}');
    for (const session of [s, pauseSession(s, 4 * MIN)]) {
      const text = serializeDiagramFile({ ...emptyDiagram(), practice: session });
      const back = parseDiagramFile(text);
      if (!back.ok) throw new Error(back.error.message);
      const again = back.value.practice!;
      expect(again).toEqual(session);
      expect(elapsedMs(again, 9 * MIN)).toBe(elapsedMs(session, 9 * MIN));
    }
  });

  it('orders the steps by flow', () => {
    expect(practiceSteps('bottom-up').map((x) => x.title)).toEqual(['Requirements', 'Estimation', 'APIs', 'Data', 'Diagram', 'Deep dive and failures']);
    expect(practiceSteps('top-down').map((x) => x.title)).toEqual(['Data', 'APIs', 'Requirements', 'Estimation', 'Diagram', 'Deep dive and failures']);
  });

  it('never loses time: the steps always add up to the total', () => {
    const steps = practiceSteps('bottom-up').map((x) => x.id);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 10 * MIN })), { maxLength: 30 }), (ops) => {
        let now = 0;
        let s = newSession(problem, 'bottom-up', 45, now);
        for (const [op, step, dt] of ops) {
          now += dt;
          s = op === 0 ? pauseSession(s, now) : op === 1 ? resumeSession(s, now) : switchStep(s, steps[step]!, now);
        }
        const sum = steps.reduce((acc, id) => acc + stepSpentMs(s, id, now + 1), 0);
        expect(sum).toBe(elapsedMs(s, now + 1));
      }),
    );
  });
});
