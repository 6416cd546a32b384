import { row as sharedRow, type Row } from '../measure.js'

export type { Row }

/** A province row: lower is better for every figure here (milliseconds, megabytes, kilobytes). */
export function row(name: string, value: number, unit: string, baseline: { name: string; value: number }, target: number): Row {
  return sharedRow({ name, value, unit, baseline, target: { below: target } })
}

/** The 95th percentile of some timings. */
export function p95(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)]
}
