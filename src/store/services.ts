/**
 * What the store needs from the outside world. The browser wires real ones
 * (src/app/browserServices.ts); tests pass fakes, so a store runs in Node without a DOM.
 */
import type { LayoutOutcome } from '../layout/layoutTypes';
import type { Diagram, LayoutDirection, Size } from '../model/diagram';

export type { LayoutOutcome };

export interface LayoutService {
  layout(diagram: Diagram, options: { direction?: LayoutDirection; sizes?: ReadonlyMap<string, Size> }): Promise<LayoutOutcome>;
}

export interface EditorServices {
  layout?: LayoutService;
  now(): number;
  /**
   * Runs `run` before the next frame is drawn, so work split across calls shows as animation.
   * `hurry` is set when the page is drawing no frames (a hidden tab): then nobody watches, and
   * waiting for frames would only stall. Without it, such work happens at once.
   */
  frame?(run: (hurry: boolean) => void): void;
  /**
   * Runs `run` in a task of its own once the page has drawn, for work that may lag a change
   * (checking a big diagram). Without it, such work happens at once, inside the change.
   */
  later?(run: () => void): void;
  /**
   * Ends the current task and resumes in a new one soon after (before any timer), so long work
   * in steps lets the page answer input and paint between them. Without it, the steps run at once.
   */
  yield?(): Promise<void>;
  /** The random part of new ids (src/model/ids.ts); tests pass a counter for readable ids. */
  idSuffix?(): string;
}
