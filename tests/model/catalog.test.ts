import { describe, expect, it } from 'vitest';
import {
  COMPONENT_ROLES,
  GROUP_KIND,
  KINDS,
  ROLES,
  defaultSize,
  findKind,
  isKnownKind,
  kindsByRole,
  roleOf,
} from '../../src/model/catalog';
import type { Role } from '../../src/model/catalog';

/** Issue 2's list: these ids are part of the file format. */
const REQUIRED: [string, string, Role][] = [
  ['user', 'User', 'client'],
  ['web-client', 'Web Client', 'client'],
  ['mobile-client', 'Mobile Client', 'client'],
  ['scheduler', 'Scheduler', 'client'],
  ['cdn', 'CDN', 'server'],
  ['load-balancer', 'Load Balancer', 'server'],
  ['api-gateway', 'API Gateway', 'server'],
  ['web-server', 'Web Server', 'server'],
  ['api-server', 'API Server', 'server'],
  ['service', 'Service', 'server'],
  ['worker', 'Worker', 'server'],
  ['message-queue', 'Message Queue', 'server'],
  ['sql-database', 'SQL Database', 'datastore'],
  ['nosql-database', 'NoSQL Database', 'datastore'],
  ['cache', 'Cache', 'datastore'],
  ['object-storage', 'Object Storage', 'datastore'],
  ['search-index', 'Search Index', 'datastore'],
  ['dns', 'DNS', 'support'],
  ['external-service', 'External Service', 'support'],
  ['group', 'Group', 'group'],
];

describe('catalog', () => {
  it.each(REQUIRED)('has %s, labelled "%s", with role %s', (id, label, role) => {
    const spec = findKind(id);
    expect(spec).toBeDefined();
    expect(spec?.label).toBe(label);
    expect(spec?.role).toBe(role);
    expect(isKnownKind(id)).toBe(true);
  });

  it('has unique ids and unique labels', () => {
    expect(new Set(KINDS.map((k) => k.id)).size).toBe(KINDS.length);
    expect(new Set(KINDS.map((k) => k.label)).size).toBe(KINDS.length);
  });

  it('gives every kind a known role, an icon, a description and a positive size', () => {
    for (const k of KINDS) {
      expect(ROLES).toContain(k.role);
      expect(k.icon).not.toBe('');
      expect(k.description).not.toBe('');
      expect(k.width).toBeGreaterThan(0);
      expect(k.height).toBeGreaterThan(0);
    }
  });

  it('has only one container kind, the group', () => {
    expect(KINDS.filter((k) => k.role === 'group').map((k) => k.id)).toStrictEqual([GROUP_KIND]);
    for (const role of COMPONENT_ROLES) expect(kindsByRole(role).length).toBeGreaterThan(0);
  });

  it('does not find kinds through Object.prototype', () => {
    for (const id of ['constructor', '__proto__', 'toString', '']) {
      expect(isKnownKind(id)).toBe(false);
      expect(findKind(id)).toBeUndefined();
    }
  });

  it('roleOf: the kind’s role unless overridden', () => {
    expect(roleOf({ kind: 'cache' })).toBe('datastore');
    expect(roleOf({ kind: 'cache', role: 'server' })).toBe('server');
    expect(roleOf({ kind: 'scheduler', role: 'support' })).toBe('support');
  });

  it('roleOf: a group is always a group, whatever its override says', () => {
    expect(roleOf({ kind: 'group' })).toBe('group');
    expect(roleOf({ kind: 'group', role: 'server' })).toBe('group');
  });

  it('defaultSize: the kind’s size, a copy each time, and a fallback for unknown kinds', () => {
    const group = findKind('group');
    expect(defaultSize('group')).toStrictEqual({ width: group?.width, height: group?.height });
    const a = defaultSize('cache');
    a.width = 1;
    expect(defaultSize('cache').width).not.toBe(1);
    expect(defaultSize('mainframe').width).toBeGreaterThan(0);
  });
});
