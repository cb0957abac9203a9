import { describe, expect, it } from 'vitest';
import { createProblemStorage } from '../../src/io/problemStorage';
import { parseProblemsFile } from '../../src/model/practice/problemPack';
import { loadShippedProblem } from '../../src/model/practice/problemLibrary';
import type { Problem } from '../../src/model/practice/problemRecord';
import { serializeProblemFile, serializeProblemPack } from '../../src/model/practice/serializeProblemFile';
import { createEditorStore } from '../../src/store/editorStore';
import { fakeWorkspace } from './fakeWorkspace';

async function shipped(id: string): Promise<Problem> {
  const parsed = await loadShippedProblem(id);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** A shipped problem under a new id and title, as a coach would write one. */
const own = async (from: string, id: string, title: string): Promise<Problem> => ({ ...(await shipped(from)), id, title });

function setup(memory = new Map<string, string>()) {
  const downloads: { blob: Blob; name: string }[] = [];
  const storage = { getItem: (k: string) => memory.get(k) ?? null, setItem: (k: string, v: string) => void memory.set(k, v) };
  const workspace = fakeWorkspace(undefined, { download: (blob, name) => void downloads.push({ blob, name }), problems: createProblemStorage(storage) });
  const store = createEditorStore({ workspace });
  return { store, downloads, memory };
}

const file = (text: string, name: string) => Object.assign(new Blob([text]), { name });

describe('the user’s own practice problems', () => {
  it('adds a pack, lists it beside the shipped ones after a reload, starts a session on one, exports and removes', async () => {
    const { store, downloads, memory } = setup();
    await store.getState().start();
    const a = await own('url-shortener', 'team-shortener', 'Team shortener');
    const b = await own('chat', 'team-chat', 'Team chat');
    const added = await store.getState().addPracticeProblems(file(serializeProblemPack('Team', [a, b]), 'team.problems.json'));
    expect(added).toEqual({ ok: true, added: [{ id: 'team-shortener', title: 'Team shortener' }, { id: 'team-chat', title: 'Team chat' }] });

    // Kept in this browser: a new page reads them back.
    const again = setup(memory).store;
    expect(again.getState().practiceUserProblems.map((p) => p.title)).toEqual(['Team shortener', 'Team chat']);

    await again.getState().start();
    expect(await again.getState().startPractice({ problemId: 'team-chat', flow: 'top-down', lengthMinutes: 30 })).toBe(true);
    expect(again.getState().meta.practice?.problemTitle).toBe('Team chat');

    await store.getState().exportPracticeProblem('team-chat');
    const one = downloads.at(-1)!;
    expect(one.name).toBe('team-chat.problem.json');
    const back = parseProblemsFile(await one.blob.text());
    expect(back.ok && back.value).toEqual([b]);

    await store.getState().exportPracticePack(['team-shortener', 'url-shortener']);
    const packed = parseProblemsFile(await downloads.at(-1)!.blob.text());
    expect(packed.ok && packed.value.map((p) => p.id)).toEqual(['team-shortener', 'url-shortener']);

    store.getState().removePracticeProblem('team-shortener');
    expect(store.getState().practiceUserProblems.map((p) => p.id)).toEqual(['team-chat']);
  });

  it('refuses a broken file with its place, and a shipped problem’s id, keeping nothing', async () => {
    const { store, memory } = setup();
    const broken = JSON.parse(serializeProblemFile(await own('pastebin', 'mine', 'Mine'))) as { endpoints: { method: string }[] };
    broken.endpoints[0]!.method = 'FETCH';
    const refused = await store.getState().addPracticeProblems(file(JSON.stringify(broken), 'mine.json'));
    expect(refused.ok === false && refused.message).toMatch(/^endpoints\[0\]\.method: "FETCH" is not a method/);

    const clash = await store.getState().addPracticeProblems(file(serializeProblemPack('x', [await own('pastebin', 'ok-one', 'Ok'), await shipped('chat')]), 'x.json'));
    expect(clash.ok === false && clash.message).toBe('problems[1].id: "chat" is the id of a shipped problem; give yours another id.');
    expect(store.getState().practiceUserProblems).toEqual([]);
    expect(memory.size).toBe(0);
  });
});

describe('failure drills in the store', () => {
  it('marks the counterpart down, records what the user changed on Done, and lifts the mark', async () => {
    const { store } = setup();
    await store.getState().start();
    await store.getState().startPractice({ problemId: 'url-shortener', flow: 'bottom-up', lengthMinutes: 45 });
    const s = () => store.getState();
    const [web, api, cache, db] = ['web-client', 'api-server', 'cache', 'nosql-database'].map((kind) => s().addComponent(kind, { center: { x: 0, y: 0 } })!);
    for (const [a, b] of [[web, api], [api, cache], [cache, db]] as const) s().connect({ source: a!, target: b!, sourceHandle: null, targetHandle: null });
    s().switchPracticeStep('deep-dive');
    s().startDrill();
    expect([...s().down]).toEqual([cache]);
    expect(s().capacityShown).toBe(true);
    expect(s().meta.practice?.drills?.[0]?.drill).toBe('cache-down');
    // One drill at a time: a second start does nothing while this one runs.
    s().startDrill();
    expect(s().meta.practice?.drills).toHaveLength(1);

    s().connect({ source: api!, target: db!, sourceHandle: null, targetHandle: null });
    s().finishDrill();
    const run = s().meta.practice!.drills![0]!;
    expect(run).toMatchObject({ drill: 'cache-down', down: [cache], served: true });
    expect(run.changes?.edgesAdded).toHaveLength(1);
    expect(run.baseline).toBeUndefined();
    expect(s().down.size).toBe(0);
    // The session change is not an undo step: undo takes back the edge, not the drill.
    s().undo();
    expect(s().meta.practice?.drills?.[0]?.served).toBe(true);
  });
});
