/**
 * The user's own practice problems, kept in this browser (localStorage) as problem files and read
 * back through the strict parse: storage is outside the app's control, so an entry that no longer
 * parses is dropped rather than trusted.
 */
import { parseProblemValue } from '../model/practice/problemRecord';
import type { Problem } from '../model/practice/problemRecord';
import { toProblemFile } from '../model/practice/serializeProblemFile';

const KEY = 'archflow.practice.problems';

export interface ProblemStorage {
  list(): Problem[];
  /** Adds the problems, each replacing a kept one of the same id; false when storage refused (full). */
  put(problems: readonly Problem[]): boolean;
  remove(id: string): void;
}

export function createProblemStorage(storage: Pick<Storage, 'getItem' | 'setItem'> | null = globalThis.localStorage ?? null): ProblemStorage {
  let memory: Problem[] = [];
  /** The text last read and its problems: each parse runs the diagram parser, so it is done once per change. */
  let cached: { text: string; problems: Problem[] } | null = null;
  const read = (): Problem[] => {
    try {
      const text = storage?.getItem(KEY);
      if (!text) return memory;
      if (cached?.text === text) return cached.problems;
      const value: unknown = JSON.parse(text);
      if (!Array.isArray(value)) return memory;
      const out: Problem[] = [];
      for (const item of value) {
        const parsed = parseProblemValue(item);
        if (parsed.ok) out.push(parsed.value);
      }
      cached = { text, problems: out };
      return out;
    } catch {
      return memory;
    }
  };
  const write = (next: Problem[]): boolean => {
    memory = next;
    try {
      storage?.setItem(KEY, JSON.stringify(next.map(toProblemFile)));
      return true;
    } catch {
      return false;
    }
  };
  return {
    list: read,
    put(problems) {
      const ids = new Set(problems.map((p) => p.id));
      return write([...read().filter((p) => !ids.has(p.id)), ...problems]);
    },
    remove(id) {
      write(read().filter((p) => p.id !== id));
    },
  };
}
