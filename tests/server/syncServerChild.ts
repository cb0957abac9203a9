/**
 * A sync server in a process of its own, for the test that kills it with SIGKILL (a crash, not a
 * stop: nothing is stored on the way down). Arguments: data folder, port (0 = any), the store
 * delay in ms. Sends { type: 'ready', port } over IPC once listening.
 */
import { startSyncServer } from '../../src/server/syncServer';

const [dataDir, port, storeDelayMs] = process.argv.slice(2);
if (!dataDir || !process.send) throw new Error('usage: fork(syncServerChild.ts, [dataDir, port, storeDelayMs])');
const server = await startSyncServer({ port: Number(port ?? 0), host: '127.0.0.1', dataDir, storeDelayMs: Number(storeDelayMs ?? 2000), log: () => {} });
process.send({ type: 'ready', port: server.port });
