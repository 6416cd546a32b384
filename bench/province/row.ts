import type { Result } from '../measure.js'

/**
 * One line of results.json as the issue asks for it (name, value and unit, the baseline
 * measured in the same run, the target, the verdict), kept compatible with measure.ts's
 * Result so report() prints it. (bench/measure.ts is getting a shared row(); until then,
 * this local one has its shape.)
 */
export interface Row extends Result {
  value: number
  unit: string
  baselineValue: number
  target: number
  verdict: 'ok' | 'missed'
}

/** Lower is better for every figure here (milliseconds, megabytes, kilobytes). */
export function row(name: string, value: number, unit: string, baseline: { name: string; value: number }, target: number): Row {
  return {
    name,
    value: round(value),
    unit,
    baseline: baseline.name,
    baselineValue: round(baseline.value),
    target,
    verdict: value < target ? 'ok' : 'missed',
    ms: value,
    baselineMs: baseline.value,
    targetMs: target,
  }
}

const round = (v: number) => (v < 10 ? Number(v.toFixed(3)) : Math.round(v))

/** The 95th percentile of some timings. */
export function p95(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)]
}
