/**
 * The problems and templates shipped with Archflow, read on demand (each file is its own chunk in
 * the browser) through the same parsers as any user's file.
 */
import type { Diagram, ParseResult } from '../diagram';
import { parseDiagramValue } from '../parseDiagramFile';
import { refusal } from '../plainData';
import { parseProblemValue } from './problemRecord';
import type { Problem } from './problemRecord';
import { SHIPPED_PROBLEMS, SHIPPED_TEMPLATES } from './shippedFiles';

export interface ShippedEntry {
  id: string;
  title: string;
}

export const PROBLEM_LIST: readonly ShippedEntry[] = SHIPPED_PROBLEMS.map(({ id, title }) => ({ id, title }));
export const TEMPLATE_LIST: readonly (ShippedEntry & { description: string })[] = SHIPPED_TEMPLATES.map(({ id, title, description }) => ({ id, title, description }));

export async function loadShippedProblem(id: string): Promise<ParseResult<Problem>> {
  const entry = SHIPPED_PROBLEMS.find((p) => p.id === id);
  if (!entry) return refusal('invalid', '', `There is no shipped problem "${id}".`);
  const module = await entry.load();
  return parseProblemValue(module.default);
}

export async function loadTemplate(id: string): Promise<ParseResult<Diagram>> {
  const entry = SHIPPED_TEMPLATES.find((t) => t.id === id);
  if (!entry) return refusal('invalid', '', `There is no template "${id}".`);
  const module = await entry.load();
  return parseDiagramValue(module.default);
}
