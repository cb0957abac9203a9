/** The document's record tables as live collaboration keeps them: one Yjs map each. */
export { DOCUMENT_TABLES as SYNC_TABLES, type TableName as SyncTable } from './recordsDiff';
