/**
 * The catalog names icons; this maps each name to its drawing. An icon is one element painted in
 * its text colour through a CSS mask of the lucide drawing: an inline `<svg>` would add its shapes
 * (five elements on average) to every node, which a big diagram pays for in layout, hit testing
 * and exports.
 */
import {
  Activity,
  AppWindow,
  Boxes,
  Clock,
  Cloud,
  Cog,
  Cylinder,
  Database,
  DoorOpen,
  Globe,
  HardDrive,
  KeyRound,
  Layers,
  ListOrdered,
  Network,
  Scale,
  Search,
  Server,
  Shield,
  Smartphone,
  SquareFunction,
  User,
  Warehouse,
  Waypoints,
  Workflow,
  Zap,
  type LucideIcon,
} from 'lucide-react';
import type { CSSProperties } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { IconName } from '../model/catalog';

const ICONS: Record<IconName, LucideIcon> = {
  user: User,
  browser: AppWindow,
  phone: Smartphone,
  clock: Clock,
  'globe-cdn': Globe,
  balance: Scale,
  gateway: DoorOpen,
  server: Server,
  api: Waypoints,
  cog: Cog,
  worker: Workflow,
  queue: ListOrdered,
  database: Database,
  nosql: Cylinder,
  cache: Zap,
  bucket: HardDrive,
  search: Search,
  dns: Network,
  cloud: Cloud,
  group: Boxes,
  stream: Activity,
  function: SquareFunction,
  warehouse: Warehouse,
  monitor: Layers,
  auth: KeyRound,
  shield: Shield,
};

/** Stroke width in the icons' 24-unit drawing space, as the canvas has always drawn them. */
const STROKE_WIDTH = 1.9;

/**
 * Each icon's drawing as a `mask-image` value (an SVG data URL, which the page's CSP allows as
 * an image). lucide hands out React components only, so each is rendered once, off-document.
 */
function buildMasks(): Partial<Record<IconName, string>> {
  if (typeof document === 'undefined') return {};
  const names = Object.keys(ICONS) as IconName[];
  const host = document.createElement('div');
  const root = createRoot(host);
  flushSync(() =>
    root.render(
      names.map((name) => {
        const Icon = ICONS[name];
        return <Icon key={name} strokeWidth={STROKE_WIDTH} />;
      }),
    ),
  );
  const serializer = new XMLSerializer();
  const drawn = host.querySelectorAll('svg');
  const masks: Partial<Record<IconName, string>> = {};
  names.forEach((name, i) => {
    const svg = drawn[i];
    if (svg) masks[name] = `url("data:image/svg+xml,${encodeURIComponent(serializer.serializeToString(svg))}")`;
  });
  root.unmount();
  return masks;
}

const MASKS = buildMasks();
const styles = new Map<string, CSSProperties>();

/** One style object per icon and size, so re-rendering a node never rewrites its icon's style. */
function iconStyle(name: IconName, size: number): CSSProperties {
  const key = `${name} ${size}`;
  let style = styles.get(key);
  if (!style) {
    style = { width: size, height: size, maskImage: MASKS[name] };
    styles.set(key, style);
  }
  return style;
}

export function KindIcon({ name, size = 20 }: { name: IconName; size?: number }) {
  return <span className="kind-icon" aria-hidden="true" style={iconStyle(name, size)} />;
}
