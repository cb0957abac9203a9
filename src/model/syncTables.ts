/** The document's record tables, in the order they are saved (src/model/recordsDiff.ts). */
export const SYNC_TABLES = ['nodes', 'edges'] as const;
export type SyncTable = (typeof SYNC_TABLES)[number];
