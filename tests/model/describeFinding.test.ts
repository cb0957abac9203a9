import { describe, expect, it } from 'vitest';
import { describeFinding } from '../../src/model/describeFinding';
import type { FlowInput } from '../../src/model/flowGraph';
import { validateFlow } from '../../src/model/validateFlow';
import type { FindingRule } from '../../src/model/validateFlow';
import { diagram } from './validateFlow.fixtures';

/** The hint for the first finding of `rule` in the diagram's own flow. */
function hint(d: FlowInput, rule: FindingRule, nodeId?: string): { title: string; hint: string } {
  const finding = validateFlow(d).findings.find(
    (f) => f.rule === rule && (nodeId === undefined || f.nodes[0] === nodeId),
  );
  if (finding === undefined) throw new Error(`no ${rule} finding`);
  return describeFinding(finding, d);
}

describe('describeFinding', () => {
  it('tells a service that stops short to reach a datastore, or to become support (bottom-up)', () => {
    const d = diagram('bottom-up', ['u:user', 's:service', 'p:service', 'd:sql-database'], ['u>s', 's>d', 's>p']);
    expect(hint(d, 'dead-end')).toEqual({
      title: 'Dead end',
      hint: 'Connect it to a datastore, or mark it as support.',
    });
  });

  it('follows the flow: top-down, a dead end has to reach a client', () => {
    const d = diagram('top-down', ['u:user', 's:service', 'p:service', 'd:sql-database'], ['d>s', 's>u', 's>p']);
    expect(hint(d, 'dead-end').hint).toBe('Connect it to a client, or mark it as support.');
  });

  it('asks an entry that leads nowhere to reach the exit through a server', () => {
    const bottomUp = diagram('bottom-up', ['u:user', 's:service', 'd:sql-database', 'v:user'], ['u>s', 's>d', 's>v']);
    expect(hint(bottomUp, 'dead-end', 'v').hint).toBe('Connect it to a server that leads to a datastore.');
    const topDown = diagram('top-down', ['u:user', 's:service', 'd:sql-database', 'e:cache'], ['d>s', 's>u', 's>e']);
    expect(hint(topDown, 'dead-end', 'e').hint).toBe('Connect it to a server that leads to a client.');
  });

  it('explains unreachable from the flow\u2019s start, by role', () => {
    const bottomUp = diagram(
      'bottom-up',
      ['u:user', 's:service', 'd:sql-database', 'w:worker', 'lost:cache'],
      ['u>s', 's>d', 'w>d', 'lost>d'],
    );
    expect(hint(bottomUp, 'unreachable', 'w')).toEqual({
      title: 'Unreachable',
      hint: 'Add an edge into it from a client, or from a component a client reaches, or mark it as support.',
    });
    const topDown = diagram('top-down', ['u:user', 's:service', 'd:sql-database', 'w:worker'], ['d>s', 's>u', 'w>u']);
    expect(hint(topDown, 'unreachable', 'w').hint).toBe(
      'Add an edge into it from a datastore, or from a component a datastore reaches, or mark it as support.',
    );
    const lonelyClient = diagram('top-down', ['u:user', 's:service', 'd:sql-database', 'v:web-client', 'x:service'], [
      'd>s',
      's>u',
      'x>v',
    ]);
    expect(hint(lonelyClient, 'unreachable', 'v').hint).toBe('Add an edge into it from a server that a datastore reaches.');
  });

  it('describes the whole-diagram rules in the flow\u2019s terms', () => {
    const servers = diagram('bottom-up', ['a:service', 'b:service'], ['a>b']);
    expect(hint(servers, 'missing-entry')).toEqual({
      title: 'No starting point',
      hint: 'Add a client (a User, Web Client or Mobile Client) and connect it to the server it calls.',
    });
    expect(hint(servers, 'missing-exit').hint).toBe('Add a datastore and connect the server that keeps the data to it.');
    const serversTopDown = { ...servers, flow: 'top-down' as const };
    expect(hint(serversTopDown, 'missing-entry').hint).toBe('Add a datastore and connect it to the server it feeds.');
    expect(hint(serversTopDown, 'missing-exit').hint).toBe('Add a client and connect the server that serves it to it.');
    expect(hint(diagram('bottom-up', []), 'empty').title).toBe('Empty diagram');
  });

  it('gives isolated components a hint by role', () => {
    const d = diagram('bottom-up', ['u:user', 'd:sql-database', 's:service', 'x:dns']);
    expect(hint(d, 'isolated', 'u').hint).toBe('Connect it to the server it talks to, or delete it.');
    expect(hint(d, 'isolated', 'd').hint).toBe('Connect the server that uses it to it, or delete it.');
    expect(hint(d, 'isolated', 's').hint).toBe('Connect it on the way from a client to a datastore, or delete it.');
    expect(hint(d, 'isolated', 'x').hint).toBe('Connect it to the component that uses it, or delete it.');
  });

  it('says which way to turn an edge against the flow', () => {
    const d = diagram('bottom-up', ['u:user', 's:service', 'd:sql-database'], ['u>s', 's>d', 's>u', 'd>s']);
    const [into, out] = validateFlow(d).findings.map((f) => describeFinding(f, d));
    expect(into).toEqual({
      title: 'Edge against the flow',
      hint: 'Reverse the edge so it leaves the client (the bottom-up flow starts there), or make it bidirectional.',
    });
    expect(out!.hint).toBe(
      'Reverse the edge so it points into the datastore (the bottom-up flow ends there), or make it bidirectional.',
    );
  });

  it('uses the flow the finding was computed for when it differs from the diagram\u2019s', () => {
    const d = diagram('bottom-up', ['u:user', 's:service', 'p:service', 'd:sql-database'], ['d>s', 's>u', 's>p']);
    const finding = validateFlow(d, 'top-down').findings.find((f) => f.rule === 'dead-end')!;
    expect(describeFinding(finding, d, 'top-down').hint).toBe('Connect it to a client, or mark it as support.');
    expect(describeFinding(finding, d).hint).toBe('Connect it to a datastore, or mark it as support.');
  });

  it('covers the remaining rules', () => {
    const split = diagram('bottom-up', ['u:user', 's:service', 'd:sql-database', 'm:dns', 'n:dns'], [
      'u>s',
      's>d',
      'm>n',
      'u>d',
    ]);
    expect(hint(split, 'disconnected')).toEqual({
      title: 'Separate parts',
      hint: 'Connect these components to the main part of the diagram, or delete them.',
    });
    expect(hint(split, 'client-to-datastore')).toEqual({
      title: 'Client talks to a datastore',
      hint: 'Put an API server between the client and the datastore, and connect through it.',
    });
  });
});
