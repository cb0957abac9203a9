/**
 * Issue 11: the schema-driven parser against the hand-written one it replaced (baselineParser.ts),
 * on the same text in one process, alternating which goes first each round so drift (heat, other
 * load) falls on both. Shared by the Node suite and the Chromium page (parseInChromium.ts), so it
 * uses nothing Node-only.
 */
import { parseDiagramFile } from '../src/model/parseDiagramFile';
import { parseDiagramFileByHand } from './baselineParser';
import { figure, now, ratioSpread, type Figure } from './stats';

export interface ParseSamples {
  /** ms per parse + check with the record schemas (the app's parser). */
  schemas: number[];
  /** ms per parse + check with the hand-written parser of 7c1c644. */
  byHand: number[];
}

export function parseAgainstBaseline(text: string, rounds: number): ParseSamples {
  const sides = {
    schemas: () => parseDiagramFile(text),
    byHand: () => parseDiagramFileByHand(text),
  };
  const samples = { schemas: [] as number[], byHand: [] as number[] };
  const once = (side: keyof typeof sides) => {
    const t = now();
    const r = sides[side]();
    const ms = now() - t;
    if (!r.ok) throw new Error(`${side}: ${r.error.message}`);
    return ms;
  };
  for (let i = 0; i < 3; i++) {
    once('schemas');
    once('byHand');
  }
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? (['schemas', 'byHand'] as const) : (['byHand', 'schemas'] as const);
    for (const side of order) samples[side].push(once(side));
  }
  return samples;
}


/** The table row: the app's parser against the hand-written one, with the same-run ratio target. */
export function parseRatioFigure(section: string, chars: number, samples: ParseSamples): Figure {
  const mb = (chars / 1024 / 1024).toFixed(1);
  return figure(section, `parse + check, 10,000-node file (${mb} MB), vs the hand-written parser`, 'ms', samples.schemas, {
    bareSamples: samples.byHand,
    // A same-run ratio: issue 11 asks for no regression against the parser the schemas replaced.
    target: { text: '≤ 1.1× hand-written', maxRatio: 1.1 },
    note: `bare = the hand-written parser of 7c1c644 (bench/baselineParser.ts) on the same text; ${samples.byHand.length} interleaved rounds, per-round ratio ${ratioSpread(samples.schemas, samples.byHand)}`,
  });
}
