// Upper-tail probabilities of counts, in log space (statistics.md §2).
// 1 − CDF cancels to 0 near 1e-16 and wobbles; the regularised incomplete
// gamma and beta functions give tiny tails exactly and monotone in k.

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) by Lanczos (g = 7), about 15 significant digits for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i += 1) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

const EPS = 1e-15;
const TINY = 1e-300;

/** ln of the regularised lower incomplete gamma P(a, x). */
export function logGammaP(a: number, x: number): number {
  if (x <= 0) return -Infinity;
  const prefix = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    // Series: P = e^{−x} x^a / Γ(a+1) · Σ xⁿ / ((a+1)…(a+n)).
    let ap = a;
    let term = 1 / a;
    let sum = term;
    for (let n = 0; n < 10_000; n += 1) {
      ap += 1;
      term *= x / ap;
      sum += term;
      if (term < sum * EPS) break;
    }
    return prefix + Math.log(sum);
  }
  return Math.log1p(-Math.exp(logGammaQContinued(a, x, prefix)));
}

/** ln Q(a, x) by the Lentz continued fraction, valid for x ≥ a + 1. */
function logGammaQContinued(a: number, x: number, prefix: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i += 1) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return prefix + Math.log(h);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinued(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 10_000; m += 1) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h;
}

/** ln of the regularised incomplete beta I_x(a, b). */
export function logBetaI(x: number, a: number, b: number): number {
  if (x <= 0) return -Infinity;
  if (x >= 1) return 0;
  const front = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2)) return front + Math.log(betaContinued(a, b, x)) - Math.log(a);
  return Math.log1p(-Math.exp(front + Math.log(betaContinued(b, a, 1 - x)) - Math.log(b)));
}

/** ln P(X ≥ k) for X ~ Poisson(mean). */
export function logPoissonUpperTail(k: number, mean: number): number {
  if (k <= 0) return 0;
  if (mean <= 0) return -Infinity;
  return logGammaP(k, mean);
}

/**
 * ln P(Y ≥ k) for a negative binomial with this mean and variance φ·mean
 * (size r = mean/(φ − 1), success probability 1/φ); Poisson at φ = 1.
 */
export function logNegBinUpperTail(k: number, mean: number, dispersion: number): number {
  if (k <= 0) return 0;
  if (mean <= 0) return -Infinity;
  if (dispersion <= 1 + 1e-9) return logPoissonUpperTail(k, mean);
  const size = mean / (dispersion - 1);
  return logBetaI(1 - 1 / dispersion, k, size);
}

/** P(X ≥ k) for X ~ Poisson(mean); underflows only below 1e-308. */
export function poissonUpperTail(k: number, mean: number): number {
  return Math.exp(logPoissonUpperTail(k, mean));
}

const LN10 = Math.log(10);

/** A p-value as an inspector reads it: tiny ones as "< 1e-10", never "0.00e+0". */
export function formatPValue(logP: number): string {
  if (logP < -10 * LN10) return "< 1e-10";
  const p = Math.exp(logP);
  return p >= 0.001 ? p.toFixed(4) : p.toExponential(1);
}

/** −log10 p, the alert value of a tail test (larger = more surprising). */
export const surpriseOf = (logP: number) => -logP / LN10;
