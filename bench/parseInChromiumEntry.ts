/**
 * The page side of bench/parseInChromium.ts: bundled for the browser, where zod runs without eval
 * (src/model/records/fields.ts), as it does in the app. Generates the 10,000-node file in the
 * page and times both parsers on it, interleaved.
 */
import { serializeDiagramFile } from '../src/model/serializeDiagramFile';
import { architectureDiagram } from './architecture';
import { parseAgainstBaseline, type ParseSamples } from './parseRatio';

declare global {
  interface Window {
    parseBench?: (rounds: number) => ParseSamples & { chars: number };
  }
}

window.parseBench = (rounds) => {
  const text = serializeDiagramFile(architectureDiagram(10_000));
  return { ...parseAgainstBaseline(text, rounds), chars: text.length };
};
