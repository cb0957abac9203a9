import { describe, expect, it } from 'vitest';
import type { Diagram } from '../../src/model/diagram';
import { answerLayoutRequest } from '../../src/layout/answerLayoutRequest';
import { createElk } from '../../src/layout/nodeElk';

const elk = createElk();
const diagram: Diagram = {
  title: 'w',
  flow: 'bottom-up',
  nodes: [
    { id: 'u', kind: 'user', label: 'U' },
    { id: 's', kind: 'service', label: 'S' },
  ],
  edges: [{ id: 'e', source: 'u', target: 's' }],
};

describe('answerLayoutRequest (the worker protocol)', () => {
  it('answers a request with the same id and a layout that honours its options', async () => {
    const sizes = new Map([['u', { width: 100, height: 40 }]]);
    const response = await answerLayoutRequest({ id: 7, diagram, options: { direction: 'right', sizes } }, elk);
    expect(response?.id).toBe(7);
    const outcome = response!.outcome;
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.direction).toBe('right');
    const u = outcome.diagram.nodes.find((n) => n.id === 'u')!;
    const s = outcome.diagram.nodes.find((n) => n.id === 's')!;
    expect(u.size).toEqual({ width: 100, height: 40 });
    expect(u.position!.x + u.size!.width).toBeLessThan(s.position!.x);
  });

  it('falls back to the flow for an unknown direction', async () => {
    const response = await answerLayoutRequest({ id: 1, diagram, options: { direction: 'diagonal' } }, elk);
    expect(response?.outcome).toMatchObject({ ok: true, direction: 'up' });
  });

  it('answers a request without a diagram with a failure', async () => {
    const response = await answerLayoutRequest({ id: 3, diagram: { nodes: 'no' } }, elk);
    expect(response).toEqual({ id: 3, outcome: { ok: false, error: { code: 'failed', message: expect.any(String) } } });
  });

  it('ignores messages that are not requests', async () => {
    for (const data of [null, 'layout', 42, {}, { id: '1' }, { cmd: 'layout' }]) {
      expect(await answerLayoutRequest(data, elk)).toBeUndefined();
    }
  });
});
