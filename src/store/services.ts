/**
 * What the store needs from the outside world. The browser wires real ones
 * (src/store/browserServices.ts); tests pass fakes, so a store runs in Node without a DOM.
 */
import type { Diagram, LayoutDirection, Size } from '../model/diagram';

export type LayoutOutcome =
  | { ok: true; diagram: Diagram; direction: LayoutDirection }
  | { ok: false; error: { code: string; message: string } };

export interface LayoutService {
  layout(diagram: Diagram, options: { direction?: LayoutDirection; sizes?: ReadonlyMap<string, Size> }): Promise<LayoutOutcome>;
}

export interface EditorServices {
  layout?: LayoutService;
  now(): number;
}
