/** Past practice attempts in localStorage (small summaries; the diagrams stay in My diagrams). */
import type { AttemptSummary } from '../model/practice/attemptHistory';
import { MAX_ATTEMPTS, parseAttempts } from '../model/practice/attemptHistory';

const KEY = 'archflow.practice.attempts';

export interface AttemptStorage {
  list(): AttemptSummary[];
  add(attempt: AttemptSummary): void;
}

export function createAttemptStorage(storage: Pick<Storage, 'getItem' | 'setItem'> | null = globalThis.localStorage ?? null): AttemptStorage {
  let memory: AttemptSummary[] = [];
  const read = (): AttemptSummary[] => {
    try {
      const text = storage?.getItem(KEY);
      return text ? parseAttempts(JSON.parse(text)) : memory;
    } catch {
      return memory;
    }
  };
  return {
    list: read,
    add(attempt) {
      const next = [...read(), attempt].slice(-MAX_ATTEMPTS);
      memory = next;
      try {
        storage?.setItem(KEY, JSON.stringify(next));
      } catch {
        // Storage full or refused: the attempt stays listed for this tab.
      }
    },
  };
}
