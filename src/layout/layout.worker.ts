/**
 * The layout worker (a module worker, started by layoutClient.ts). elkjs's bundle runs ELK
 * synchronously here, which is the point: the blocking happens off the page's main thread.
 */
import { answerLayoutRequest } from './answerLayoutRequest';
import { createElk } from './nodeElk';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const elk = createElk();

// elkjs's bundle installs its own message handler when it loads inside a worker; this one
// replaces it (imports run first), so the two never both answer.
scope.onmessage = (event: MessageEvent) => {
  void answerLayoutRequest(event.data, elk).then((response) => {
    if (response) scope.postMessage(response);
  });
};
