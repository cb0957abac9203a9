/**
 * The back-of-the-envelope figures derived from the scale requirements, each with its formula.
 * SLOT: the formulas come from src/model/design/estimates.ts (helper "design-checks"); until that
 * lands on main this says so instead of showing numbers made here.
 */
export function DerivedFigures() {
  return (
    <div className="derived-figures" role="group" aria-label="Derived figures">
      <h4 className="design-subheading">Derived figures</h4>
      <p className="design-empty">Reads and writes per second, bandwidth, storage and cache memory appear here with their formulas.</p>
    </div>
  );
}
