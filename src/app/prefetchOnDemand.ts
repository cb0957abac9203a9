/**
 * The code the store loads on first use (exports, the share-link codec, PNG/SVG readers, practice
 * reviews and problem files) is fetched once the page is idle after its first paint: the first
 * paint stays light, and an open app still exports or reviews after the server or the network
 * went away (live rooms keep working offline, so must the rest). A failed fetch is left to the
 * first use, which tries again.
 */
import { whenIdle } from '../panels/whenIdle';

export function prefetchOnDemand(): void {
  whenIdle(() => {
    for (const load of [
      () => import('../io/paintPng'),
      () => import('../io/shareLink'),
      () => import('../io/shareLinkInWorker'),
      () => import('../io/parseDiagramText'),
      () => import('../io/mermaid'),
      () => import('../io/designDoc'),
      () => import('../io/pngMetadata'),
      () => import('../io/svgMetadata'),
      () => import('../io/openProblemFile'),
      () => import('../model/practice/review/reviewAttempt'),
      () => import('../model/practice/review/formatReviewMarkdown'),
      () => import('../model/practice/compareWithReference'),
    ]) {
      void load().catch(() => {});
    }
  });
}
