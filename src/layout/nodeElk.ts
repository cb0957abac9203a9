/**
 * The one place that loads elkjs's synchronous bundle. Only the worker and Node code paths
 * import this file, so the app's first paint never downloads ELK.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkLike } from './layoutTypes';

export function createElk(): ElkLike {
  return new ELK();
}
