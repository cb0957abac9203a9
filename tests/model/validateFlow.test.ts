import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagram } from '../../src/model/diagram';
import { validateFlow } from '../../src/model/validateFlow';
import { CHAT_BROKEN_FINDINGS, diagram, examplePath, summary } from './validateFlow.fixtures';

// Kinds by role: user = client, service = server, sql-database = datastore, dns = support.
const run = (...args: Parameters<typeof diagram>) => summary(validateFlow(diagram(...args)));

describe('validateFlow: a well-formed flow', () => {
  it('accepts client → service → datastore bottom-up and datastore → service → client top-down', () => {
    expect(run('bottom-up', ['u:user', 's:service', 'd:sql-database'], ['u>s', 's>d'])).toEqual([]);
    expect(run('top-down', ['u:user', 's:service', 'd:sql-database'], ['d>s', 's>u'])).toEqual([]);
    const report = validateFlow(diagram('bottom-up', ['u:user', 's:service', 'd:sql-database'], ['u>s', 's>d']));
    expect(report).toEqual({ valid: true, flow: 'bottom-up', findings: [], errorCount: 0, warningCount: 0 });
  });

  it('follows edges as drawn, so the same arrows fail in the other flow', () => {
    expect(run('top-down', ['u:user', 's:service', 'd:sql-database'], ['u>s', 's>d'])).toEqual([
      'unreachable u',
      'unreachable s',
      'dead-end s',
      'dead-end d',
      'against-flow e1',
      'against-flow e2',
    ]);
  });

  it('uses the flow argument over the diagram\u2019s own flow', () => {
    const d = diagram('bottom-up', ['u:user', 's:service', 'd:sql-database'], ['d>s', 's>u']);
    const report = validateFlow(d, 'top-down');
    expect(report.flow).toBe('top-down');
    expect(report.valid).toBe(true);
    expect(validateFlow(d).valid).toBe(false);
  });
});

describe('validateFlow: empty', () => {
  it('reports only empty when there is no node', () => {
    const report = validateFlow(diagram('bottom-up', []));
    expect(report.findings).toEqual([
      { rule: 'empty', severity: 'error', message: 'The diagram has no components', nodes: [], edges: [] },
    ]);
    expect(report).toMatchObject({ valid: false, errorCount: 1, warningCount: 0 });
  });

  it('counts groups as no component, even connected ones, in both flows', () => {
    const groups = ['g:group', 'h:group', 'x:service:group'];
    expect(run('bottom-up', groups, ['g>h', 'h>x'])).toEqual(['empty']);
    expect(run('top-down', groups, ['g>h'])).toEqual(['empty']);
  });
});

describe('validateFlow: missing-entry and missing-exit', () => {
  it('needs a client to start and a datastore to end bottom-up', () => {
    expect(run('bottom-up', ['s:service', 'd:sql-database'], ['s>d'])).toEqual([
      'missing-entry',
      'unreachable s',
      'unreachable d',
    ]);
    expect(run('bottom-up', ['u:user', 's:service'], ['u>s'])).toEqual(['missing-exit', 'dead-end u', 'dead-end s']);
  });

  it('needs a datastore to start and a client to end top-down', () => {
    expect(run('top-down', ['u:user', 's:service'], ['s>u'])).toEqual([
      'missing-entry',
      'unreachable u',
      'unreachable s',
    ]);
    expect(run('top-down', ['s:service', 'd:sql-database'], ['d>s'])).toEqual([
      'missing-exit',
      'dead-end s',
      'dead-end d',
    ]);
  });

  it('reports both, in that order, with plain messages', () => {
    const report = validateFlow(diagram('bottom-up', ['a:service', 'b:service'], ['a>b']));
    expect(report.findings.slice(0, 2)).toEqual([
      {
        rule: 'missing-entry',
        severity: 'error',
        message: 'There is no client, so the bottom-up flow has nowhere to start',
        nodes: [],
        edges: [],
      },
      {
        rule: 'missing-exit',
        severity: 'error',
        message: 'There is no datastore, so the bottom-up flow has nowhere to end',
        nodes: [],
        edges: [],
      },
    ]);
  });

  it('counts an isolated client or datastore as present', () => {
    expect(run('bottom-up', ['u:user', 'd:sql-database'])).toEqual(['isolated u', 'isolated d']);
  });
});

describe('validateFlow: isolated', () => {
  it('reports each component with no counted edge, and nothing else about it', () => {
    const d = diagram(
      'bottom-up',
      ['u:user', 's:service', 'd:sql-database', 'lone:service', 'dns:dns', 'g:group', 'loop:service'],
      ['u>s', 's>d', 'lone>g', 'loop>loop', 'lone>ghost'],
    );
    expect(summary(validateFlow(d))).toEqual(['isolated lone', 'isolated dns', 'isolated loop']);
    expect(validateFlow(d).findings[0]).toEqual({
      rule: 'isolated',
      severity: 'error',
      message: '"lone" (Service) is not connected to anything',
      nodes: ['lone'],
      edges: [],
    });
  });

  it('makes every component isolated when the only edges are self-loops', () => {
    expect(run('top-down', ['u:user', 'd:sql-database'], ['u>u', 'd<>d'])).toEqual(['isolated u', 'isolated d']);
  });
});

describe('validateFlow: disconnected', () => {
  it('lists the components outside the largest part, in file order', () => {
    const d = diagram(
      'bottom-up',
      ['a:user', 'x:user', 'b:service', 'y:sql-database', 'c:sql-database', 'z:dns', 'w:dns'],
      ['a>b', 'b>c', 'x>y', 'z<>w'],
    );
    const report = validateFlow(d);
    expect(summary(report)).toEqual(['disconnected x,y,z,w', 'client-to-datastore e3']);
    expect(report.findings[0]!.message).toBe(
      'The diagram falls into 3 separate parts: "x" (User), "y" (SQL Database), "z" (DNS) and 1 more are cut off from the main part',
    );
  });

  it('on a tie keeps the part holding the earliest node', () => {
    const nodes = ['s2:service', 'u1:user', 'd1:sql-database', 'u2:user'];
    expect(run('bottom-up', nodes, ['u1>d1', 'u2>s2'])).toEqual([
      'disconnected u1,d1',
      'dead-end s2',
      'dead-end u2',
      'client-to-datastore e1',
    ]);
    expect(run('bottom-up', ['u1:user', 'd1:sql-database', 'u2:user', 's2:service'], ['u1>d1', 'u2>s2'])).toEqual([
      'disconnected u2,s2',
      'dead-end u2',
      'dead-end s2',
      'client-to-datastore e1',
    ]);
  });

  it('is a single finding that ignores isolated components and edge direction', () => {
    expect(
      run('bottom-up', ['u:user', 's:service', 'd:sql-database', 'lone:service'], ['s>u', 'd>s']),
    ).toEqual([
      'isolated lone',
      'unreachable s',
      'unreachable d',
      'dead-end u',
      'dead-end s',
      'against-flow e1',
      'against-flow e2',
    ]);
  });

  it('names the cut-off components by label', () => {
    const report = validateFlow(
      diagram('bottom-up', ['u:user', 's:service', 'd:sql-database', 'm:dns', 'n:dns'], ['u>s', 's>d', 'm>n']),
    );
    expect(report.findings.map((f) => f.message)).toEqual([
      'The diagram falls into 2 separate parts: "m" (DNS) and "n" (DNS) are cut off from the main part',
    ]);
  });
});

describe('validateFlow: unreachable and dead-end', () => {
  it('reports a service with no path from a client, and one with no path to a datastore (bottom-up)', () => {
    const report = validateFlow(
      diagram(
        'bottom-up',
        ['app:user', 'gw:api-gateway', 'presence:service', 'cron:worker', 'db:sql-database'],
        ['app>gw', 'gw>db', 'gw>presence', 'cron>db'],
      ),
    );
    expect(summary(report)).toEqual(['unreachable cron', 'dead-end presence']);
    expect(report.findings.map((f) => f.message)).toEqual([
      '"cron" (Worker) cannot be reached from any client',
      '"presence" (Service) cannot reach any datastore',
    ]);
    expect(report).toMatchObject({ valid: false, errorCount: 2, warningCount: 0 });
  });

  it('reads the same diagram top-down from datastores to clients', () => {
    const report = validateFlow(
      diagram(
        'top-down',
        ['app:user', 'gw:api-gateway', 'feed:service', 'orphan:worker', 'db:sql-database'],
        ['db>gw', 'gw>app', 'db>feed', 'orphan>app'],
      ),
    );
    expect(summary(report)).toEqual(['unreachable orphan', 'dead-end feed']);
    expect(report.findings.map((f) => f.message)).toEqual([
      '"orphan" (Worker) cannot be reached from any datastore',
      '"feed" (Service) cannot reach any client',
    ]);
  });

  it('lets an entry reach itself and an exit reach itself', () => {
    // The client only has an incoming edge, the datastore only an outgoing one.
    expect(run('bottom-up', ['u:user', 's:service', 'd:sql-database'], ['s>u', 'd>s'])).toContain('dead-end u');
    expect(run('bottom-up', ['u:user', 's:service', 'd:sql-database'], ['s>u', 'd>s'])).not.toContain(
      'unreachable u',
    );
    expect(run('bottom-up', ['u:user', 's:service', 'd:sql-database'], ['s>u', 'd>s'])).not.toContain('dead-end d');
  });

  it('follows a bidirectional edge both ways', () => {
    expect(run('bottom-up', ['u:user', 's:service', 'd:sql-database'], ['s<>u', 'd<>s'])).toEqual([]);
    expect(run('top-down', ['u:user', 's:service', 'd:sql-database'], ['u<>s', 's<>d'])).toEqual([]);
    expect(run('bottom-up', ['u:user', 's:service', 't:service', 'd:sql-database'], ['u>s', 't<>s', 't>d'])).toEqual(
      [],
    );
  });

  it('walks through cycles and long chains', () => {
    expect(
      run('bottom-up', ['u:user', 'a:service', 'b:service', 'c:service', 'd:sql-database'], [
        'u>a',
        'a>b',
        'b>c',
        'c>a',
        'c>d',
      ]),
    ).toEqual([]);
    const length = 20_000;
    const nodes = ['u:user', ...Array.from({ length }, (_, i) => `n${i}:service`), 'd:sql-database'];
    const ids = nodes.map((spec) => spec.split(':')[0]!);
    const edges = ids.slice(1).map((id, i) => `${ids[i]!}>${id}`);
    expect(validateFlow(diagram('bottom-up', nodes, edges)).valid).toBe(true);
    // Cut in the middle: two equal halves, the client's half counts as the main part.
    const broken = validateFlow(diagram('bottom-up', nodes, edges.filter((_, i) => i !== length / 2)));
    const count = (rule: string) => broken.findings.filter((f) => f.rule === rule).length;
    expect(broken.findings[0]!.rule).toBe('disconnected');
    expect(broken.findings[0]!.nodes).toHaveLength(length / 2 + 1);
    expect(broken.findings[0]!.nodes[0]).toBe('n10000');
    expect([count('unreachable'), count('dead-end'), broken.findings.length]).toEqual([
      length / 2 + 1,
      length / 2 + 1,
      length + 3,
    ]);
  });
});

describe('validateFlow: support components', () => {
  it('may be sinks or sources without findings, and paths pass through them', () => {
    expect(
      run(
        'bottom-up',
        ['u:user', 'dns:dns', 'fw:firewall', 's:service', 'd:sql-database', 'push:external-service', 'mon:monitoring'],
        ['u>dns', 'u>fw', 'fw>s', 's>d', 's>push', 'mon>s'],
      ),
    ).toEqual([]);
  });

  it('raises no against-flow on edges touching them', () => {
    expect(
      run('bottom-up', ['u:user', 's:service', 'd:sql-database', 'x:dns', 'y:dns'], [
        'u>s',
        's>d',
        'x>u',
        'd>y',
      ]),
    ).toEqual([]);
  });
});

describe('validateFlow: role overrides', () => {
  it('uses the node\u2019s role over its kind\u2019s', () => {
    // A service marked datastore ends the flow; a user marked support starts nothing.
    expect(run('bottom-up', ['u:user', 'store:service:datastore'], ['u>store'])).toEqual([
      'client-to-datastore e1',
    ]);
    expect(run('bottom-up', ['bot:user:support', 's:service', 'd:sql-database'], ['bot>s', 's>d'])).toEqual([
      'missing-entry',
      'unreachable s',
      'unreachable d',
    ]);
    expect(
      run('bottom-up', ['u:user', 's:service', 'd:sql-database', 'x:service:support'], ['u>s', 's>d', 's>x']),
    ).toEqual([]);
    expect(run('top-down', ['d:sql-database', 'kiosk:service:client'], ['d>kiosk'])).toEqual([
      'client-to-datastore e1',
    ]);
  });

  it('treats an unknown kind as a server and names it by its kind id', () => {
    const report = validateFlow(diagram('bottom-up', ['u:user', 'q:quantum-thing'], ['u>q']));
    expect(report.findings.map((f) => f.message)).toEqual([
      'There is no datastore, so the bottom-up flow has nowhere to end',
      '"u" (User) cannot reach any datastore',
      '"q" (quantum-thing) cannot reach any datastore',
    ]);
  });
});

describe('validateFlow: against-flow', () => {
  it('warns on an edge into a client from a non-client, or out of a datastore into a non-datastore (bottom-up)', () => {
    const d = diagram(
      'bottom-up',
      ['u:user', 'v:user', 's:service', 'd:sql-database', 'r:cache'],
      ['u>s', 's>d', 's>u', 'd>s', 'u>v', 'd>r', 'd<>s', 'v>s'],
    );
    const report = validateFlow(d);
    expect(summary(report)).toEqual(['against-flow e3', 'against-flow e4']);
    expect(report.findings).toEqual([
      {
        rule: 'against-flow',
        severity: 'warning',
        message: 'The edge from "s" (Service) to "u" (User) points into a client, against the bottom-up flow',
        nodes: ['s', 'u'],
        edges: ['e3'],
      },
      {
        rule: 'against-flow',
        severity: 'warning',
        message: 'The edge from "d" (SQL Database) to "s" (Service) leaves a datastore, against the bottom-up flow',
        nodes: ['d', 's'],
        edges: ['e4'],
      },
    ]);
    expect(report).toMatchObject({ valid: true, errorCount: 0, warningCount: 2 });
  });

  it('warns on an edge into a datastore from a non-datastore, or out of a client (top-down)', () => {
    const report = validateFlow(
      diagram('top-down', ['u:user', 's:service', 'd:sql-database'], ['d>s', 's>u', 's>d', 'u>s']),
    );
    expect(summary(report)).toEqual(['against-flow e3', 'against-flow e4']);
    expect(report.findings.map((f) => f.message)).toEqual([
      'The edge from "s" (Service) to "d" (SQL Database) points into a datastore, against the top-down flow',
      'The edge from "u" (User) to "s" (Service) leaves a client, against the top-down flow',
    ]);
  });

  it('is reported once for an edge that both points into an entry and leaves an exit', () => {
    const report = validateFlow(diagram('bottom-up', ['u:user', 's:service', 'd:sql-database'], ['u>s', 's>d', 'd>u']));
    expect(summary(report)).toEqual(['against-flow e3', 'client-to-datastore e3']);
    expect(report.findings[0]!.message).toContain('points into a client');
  });
});

describe('validateFlow: client-to-datastore', () => {
  it('warns on a direct edge either way, bidirectional too, with nodes as [source, target]', () => {
    const report = validateFlow(
      diagram('bottom-up', ['u:user', 's:service', 'd:sql-database'], ['u>s', 's>d', 'u>d', 'x=d<>u']),
    );
    expect(summary(report)).toEqual(['client-to-datastore e3', 'client-to-datastore x']);
    expect(report.findings[1]).toEqual({
      rule: 'client-to-datastore',
      severity: 'warning',
      message: '"u" (User) and "d" (SQL Database) are connected directly; a client should reach data through an API',
      nodes: ['d', 'u'],
      edges: ['x'],
    });
  });
});

describe('validateFlow: robustness', () => {
  it('ignores edges to unknown nodes and later duplicates of an id', () => {
    const d = diagram('bottom-up', ['u:user', 'u:sql-database', 's:service', 'd:sql-database'], [
      'u>s',
      's>d',
      'u>nowhere',
      'nowhere>d',
    ]);
    expect(summary(validateFlow(d))).toEqual([]);
  });

  it('names a component by its id when its label is blank', () => {
    const report = validateFlow({
      flow: 'bottom-up',
      nodes: [{ id: 'svc-1', kind: 'service', label: '  ' }],
      edges: [],
    });
    expect(report.findings.map((f) => f.message)).toContain('"svc-1" (Service) is not connected to anything');
  });
});

describe('validateFlow: shared examples', () => {
  const load = (name: string) => JSON.parse(readFileSync(examplePath(name), 'utf8')) as Diagram;

  it('finds the two mistakes in chat-broken', () => {
    // Presence only receives from the WebSocket service and stores nothing; the app uploads
    // straight to object storage. The push provider is support, so its being a sink is fine.
    const report = validateFlow(load('chat-broken.archflow.json'));
    expect(report).toEqual({
      valid: false,
      flow: 'bottom-up',
      errorCount: 1,
      warningCount: 1,
      findings: CHAT_BROKEN_FINDINGS,
    });
  });

  it('accepts url-shortener bottom-up and reads it backwards top-down', () => {
    const diagramFile = load('url-shortener.archflow.json');
    expect(validateFlow(diagramFile)).toEqual({
      valid: true,
      flow: 'bottom-up',
      findings: [],
      errorCount: 0,
      warningCount: 0,
    });
    expect(summary(validateFlow(diagramFile, 'top-down'))).toEqual([
      'unreachable browser',
      'unreachable mobile',
      'unreachable lb',
      'unreachable api',
      'dead-end lb',
      'dead-end api',
      'dead-end cache',
      'dead-end db',
      'against-flow e1',
      'against-flow e2',
      'against-flow e5',
      'against-flow e6',
    ]);
  });
});
