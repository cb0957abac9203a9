/**
 * The capacity overlay on one component: its status in words (never colour alone: "Hot ρ 0.82",
 * "Overloaded ρ 1.5", "Down", "Cut off") and a "SPOF" badge, above the node's top edge. The
 * node's colour comes from the `cap-*` class the node adds (styles/10-capacity.css).
 */
const STATUS_TEXT: Record<string, string> = {
  ok: 'OK',
  hot: 'Hot',
  overloaded: 'Overloaded',
  down: 'Down',
  cutoff: 'Cut off',
};

export function parseOverlay(overlay: string): { status: string; rho: string; spof: boolean } | null {
  if (overlay === '') return null;
  const [status = '', rho = '', spof = ''] = overlay.split('|');
  return { status, rho, spof: spof === 'spof' };
}

export function CapacityBadges({ overlay }: { overlay: { status: string; rho: string; spof: boolean } }) {
  const { status, rho, spof } = overlay;
  return (
    <span className="cap-badges" data-testid="capacity-badge">
      <span className={`cap-badge cap-badge-${status}`}>
        {STATUS_TEXT[status] ?? status}
        {rho && <span className="cap-rho"> ρ {rho}</span>}
      </span>
      {spof && ' '}
      {spof && (
        <span className="cap-badge cap-badge-spof" title="Single point of failure: one instance on every route of some client">
          SPOF
        </span>
      )}
    </span>
  );
}
