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
import { boundedString, id, oneOf, optionalText, record, text, withoutUndefined } from './fields';

const kind = boundedString(LIMITS.maxIdLength).refine(isKnownKind, {
  error: (issue) => `${quoteText(String(issue.input))} is not a known component kind`,
});

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
