/** The example diagrams kept in the repo's examples/ folder (copies of the shared examples). */
import { readFileSync } from 'node:fs';

export function readExample(name: string): string {
  return readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8');
}
