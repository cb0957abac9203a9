/**
 * Erlang C: the probability that a request arriving at an M/M/c queue (c servers, offered load
 * a = λ/μ erlangs) has to wait. The textbook form a^c/c! · c/(c − a) over a sum of a^k/k!
 * overflows long before c = 200, so this goes through Erlang B's recursion,
 * 1/B(k) = 1 + (k/a) · 1/B(k − 1), and C = c·B / (c − a(1 − B)): no factorials, no powers.
 *
 * Work is O(√a) rather than O(c). 1/B(c) is the sum of the Poisson(a) probabilities of 0..c
 * over that of c; the terms more than 12·√a + 12 below a change it by less than 1e-25 of itself,
 * so the recursion starts there (at 1/B = 1). When c lies more than 12·√a + 12 above a, the
 * chance of waiting is below 1e-25 and the answer is 0.
 */

const SPREAD = 12;

/** P(wait) for `servers` servers offered `offered` erlangs; 1 when the queue is unstable (a ≥ c). */
export function erlangC(servers: number, offered: number): number {
  const c = Math.floor(servers);
  if (!(c >= 1) || !(offered >= 0)) throw new RangeError(`erlangC needs servers ≥ 1 and offered load ≥ 0, got ${servers}, ${offered}`);
  if (offered === 0) return 0;
  if (offered >= c) return 1;
  const a = offered;
  const spread = SPREAD * Math.sqrt(a) + SPREAD;
  if (c > a + spread) return 0;
  const start = Math.max(0, Math.floor(a - spread));
  let inverseB = 1;
  for (let k = start + 1; k <= c; k++) inverseB = 1 + (k / a) * inverseB;
  const b = 1 / inverseB;
  return (c * b) / (c - a * (1 - b));
}

/** Erlang B (blocking probability), by the same recursion; exported for the tests' cross-checks. */
export function erlangB(servers: number, offered: number): number {
  const c = Math.floor(servers);
  if (!(c >= 0) || !(offered >= 0)) throw new RangeError(`erlangB needs servers ≥ 0 and offered load ≥ 0, got ${servers}, ${offered}`);
  if (offered === 0) return c === 0 ? 1 : 0;
  let inverseB = 1;
  for (let k = 1; k <= c; k++) inverseB = 1 + (k / offered) * inverseB;
  return 1 / inverseB;
}
