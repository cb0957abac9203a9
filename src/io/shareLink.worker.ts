/**
 * Builds a share link off the page's main thread (started by shareLinkInWorker.ts): the column
 * layout, JSON and level-9 deflate of a 1,000-node diagram were one task of ~80 ms on the page
 * (~250 ms on a slow CPU), which froze it between the click and the dialog.
 */
import { serializeShareLink } from './shareLink';
import type { ShareLinkRequest } from './shareLinkInWorker';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<ShareLinkRequest>) => {
  let url: string | null = null;
  try {
    url = serializeShareLink(event.data.diagram, event.data.baseUrl);
  } catch {
    // The page builds it itself.
  }
  scope.postMessage(url);
};
