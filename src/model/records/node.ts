/**
 * A node: a component or a group. Its type, its parse (with the place in every message), its
 * defaults (empty optional text and the like are dropped) and its saved fields in their order
 * all come from NodeRecord; the file, share links and the store read this one definition.
 */
import { COMPONENT_ROLES, GROUP_KIND, ROLES, isKnownKind } from '../catalog';
import type { Role } from '../catalog';
import { LIMITS } from '../limits';
import { quoteText } from '../plainData';
import { PointRecord, SizeRecord } from './geometry';
import type { z } from './fields';
import { boundedString, figure, id, oneOf, optionalText, record, text, withoutUndefined } from './fields';

const kind = boundedString(LIMITS.maxIdLength).refine(isKnownKind, {
  error: (issue) => `${quoteText(String(issue.input))} is not a known component kind`,
});

const fraction = () => figure({ min: 0, max: 1, what: 'a fraction from 0 to 1' }).optional();
const amount = () => figure({ min: 0, max: LIMITS.maxFigure, what: 'a number of at least 0' }).optional();

/**
 * The capacity model's figures for one component (docs/capacity-model.md). Each is optional: an
 * absent one is the catalog's typical value for the kind (src/model/analysis/figures.ts).
 */
export const FIGURES_SHAPE = {
  /** Requests per second a client sends (clients only). */
  rps: amount(),
  instances: figure({ min: 1, max: 1_000_000, integer: true, what: 'a whole number from 1 to 1,000,000' }).optional(),
  /** Requests per second one instance completes at full load. */
  capacityRps: figure({ min: 0.000001, max: LIMITS.maxFigure, what: 'a number greater than 0' }).optional(),
  serviceTimeMs: figure({ min: 0.000001, max: LIMITS.maxFigure, what: 'a number greater than 0' }).optional(),
  availability: fraction(),
  hitRatio: fraction(),
};
export const FiguresRecord = record(FIGURES_SHAPE).transform((value) =>
  Object.values(value).some((v) => v !== undefined) ? withoutUndefined(value) : undefined,
);
export type ComponentFigures = NonNullable<z.output<typeof FiguresRecord>>;

/** The shape, in the order a file writes the fields. */
export const NODE_SHAPE = {
  id: id(),
  kind,
  label: text(LIMITS.maxLabelLength),
  /** Overrides the kind's role. `group` is only valid for the group kind. */
  role: oneOf(ROLES as readonly [Role, ...Role[]], 'a role').optional(),
  /** Id of a group node. */
  parent: id().optional(),
  /** Relative to the parent group when `parent` is set. */
  position: PointRecord.optional(),
  size: SizeRecord.optional(),
  tech: optionalText(LIMITS.maxLabelLength),
  notes: optionalText(LIMITS.maxNotesLength, { multiline: true }),
  figures: FiguresRecord.optional(),
};

/** Fields of a node that hold another node's id. */
export const NODE_REFERENCES = ['parent'] as const satisfies readonly (keyof typeof NODE_SHAPE)[];

export const NodeRecord = record(NODE_SHAPE)
  .superRefine((node, ctx) => {
    if (node.role === undefined) return;
    if (node.kind === GROUP_KIND && node.role !== 'group') {
      ctx.addIssue({ code: 'custom', path: ['role'], message: `a group's role can only be "group", found ${quoteText(node.role)}` });
    }
    if (node.kind !== GROUP_KIND && node.role === 'group') {
      const list = COMPONENT_ROLES.map((r) => `"${r}"`).join(', ');
      ctx.addIssue({ code: 'custom', path: ['role'], message: `"group" is only for group nodes (expected one of ${list})` });
    }
  })
  .overwrite(withoutUndefined);

export type DiagramNode = z.output<typeof NodeRecord>;
