// What the canvas draws from the capacity view: numbers held still while the multiplier moves
// (only colours follow the thumb), and a group marked down greying its members (issue 13).
import { describe, expect, it } from 'vitest';
import { selectEdgeRate, selectGroupDown, selectNodeOverlay } from '../../src/store/selectors';
import { chain } from '../fixtures/diagramBuilder';
import { figuredDesign } from '../fixtures/figuredDesign';
import { createTestStore } from './testStore';

describe('the canvas while the multiplier moves', () => {
  it('keeps ρ and the rates as they were, follows the status, and catches up when it rests', () => {
    const editor = createTestStore({ initial: chain() });
    editor.s.showCapacity(true);
    expect(selectNodeOverlay('api')(editor.s)).toBe('ok|0.1|spof');
    editor.s.setMultiplierMoving(true);
    editor.s.setLoadMultiplier(10);
    expect(selectNodeOverlay('api')(editor.s)).toBe('overloaded|0.1|spof');
    expect(selectEdgeRate('e1')(editor.s)).toBe('100/s');
    // The panel and the Inspector read the live analysis.
    expect(editor.s.capacity!.nodeById.get('api')!.load).toBe(1000);
    editor.s.setLoadMultiplier(20);
    expect(selectNodeOverlay('api')(editor.s)).toBe('overloaded|0.1|spof');
    editor.s.setMultiplierMoving(false);
    expect(selectNodeOverlay('api')(editor.s)).toBe('overloaded|2|spof');
    expect(selectEdgeRate('e1')(editor.s)).toBe('2,000/s');
  });
});

describe('a group marked down', () => {
  it('greys the group, the groups inside it and every member; the panel lists the group', () => {
    const editor = createTestStore({ initial: figuredDesign() });
    editor.s.showCapacity(true);
    editor.s.setDown('zone-b', true);
    for (const id of ['zone-b', 'data']) expect(selectGroupDown(id)(editor.s)).toBe(true);
    expect(selectGroupDown('zone-a')(editor.s)).toBe(false);
    for (const id of ['api-b', 'cache', 'db']) expect(selectNodeOverlay(id)(editor.s)).toBe('down||');
    expect(selectNodeOverlay('web')(editor.s)).toBe('cutoff||');
    expect([...editor.s.capacity!.marked]).toEqual(['zone-b']);
    editor.s.setDown('zone-b', false);
    expect(selectGroupDown('zone-b')(editor.s)).toBe(false);
    expect(selectNodeOverlay('db')(editor.s)).not.toBe('down||');
  });
});
