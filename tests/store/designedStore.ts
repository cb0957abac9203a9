/** A test store holding a small design: the fixture the design's store tests share. */
import { chain } from '../fixtures/diagramBuilder';
import { createTestStore } from './testStore';

/** web → api → db, with a requirement, an endpoint on api, an entity on db and a path through all three. */
export function designedStore() {
  const editor = createTestStore({ initial: chain() });
  const req = editor.s.addRequirement('Users shorten a URL');
  const ep = editor.s.addEndpoint('api')!;
  editor.s.updateEndpoint(ep, { method: 'POST', path: '/v1/urls', requirements: [req] });
  const entity = editor.s.addEntity('db')!;
  editor.s.updateEntity(entity, { name: 'Url', endpoints: [ep] });
  const path = editor.s.addPath(['web', 'api', 'db'], 'Shorten')!;
  editor.s.updatePath(path, { requirement: req, endpoint: ep });
  return { editor, req, ep, entity, path };
}
