/**
 * Limits on untrusted input, in one place: the app, the share links and the CLI all enforce
 * these same numbers. README.md documents them.
 */
export const LIMITS = {
  /**
   * Largest file (or pasted text, or diagram in an image or a share link) accepted, in UTF-8
   * bytes: 20 MB as file managers count (fileSize.ts). Archflow never writes a larger one.
   */
  maxFileBytes: 20_000_000,
  /** Most nodes in one diagram. */
  maxNodes: 20_000,
  /** Most edges in one diagram. */
  maxEdges: 40_000,
  /** Longest label, title, tech or protocol, in characters. */
  maxLabelLength: 1_000,
  /** Longest notes field, in characters. */
  maxNotesLength: 20_000,
  /** Longest id, in characters. */
  maxIdLength: 200,
  /** Deepest JSON nesting accepted before parsing (a valid file nests about 5 levels). */
  maxJsonDepth: 64,
  /** Deepest nesting of groups inside groups. */
  maxGroupDepth: 32,
  /** Largest absolute coordinate or size. */
  maxCoordinate: 10_000_000,
  /**
   * Most bend points in one edge's route. A laid-out route has a handful; one edge with 340,000
   * points froze the tab for seconds while it was drawn.
   */
  maxRoutePoints: 1_000,
  /** Most functional requirements in one diagram. */
  maxRequirements: 1_000,
  /** Most endpoints, entities, request paths or notes in one diagram (each). */
  maxDesignRecords: 20_000,
  /** Most fields in one entity, steps in one request path, or references in one list. */
  maxListItems: 1_000,
  /** Largest figure (requests per second, users, bytes…) a document may state. */
  maxFigure: 1e15,
} as const;
