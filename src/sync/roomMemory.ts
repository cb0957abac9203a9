/**
 * Which room a diagram of this tab is in, kept in sessionStorage so that a reload joins it
 * again. Small and free of Yjs: the app asks `hasRoomToJoin` before it loads the live session.
 */
type Memory = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const memoryKey = (diagramId: string) => `archflow-live:${diagramId}`;

/** The link (`edit.<key>` or `view.<key>`) of the room `diagramId` was in, or null. */
export function rememberedRoom(memory: Memory, diagramId: string): string | null {
  return memory.getItem(memoryKey(diagramId));
}

export function rememberRoom(memory: Memory, diagramId: string, link: string): void {
  memory.setItem(memoryKey(diagramId), link);
}

export function forgetRoom(memory: Memory, diagramId: string): void {
  memory.removeItem(memoryKey(diagramId));
}

/** Whether the page has a room to join: a live link in its address, or the open diagram's room before a reload. */
export function hasRoomToJoin(hash: string, memory: Memory, diagramId: string | null): boolean {
  return /(?:^#|&)live=/.test(hash) || (diagramId !== null && rememberedRoom(memory, diagramId) !== null);
}
