/**
 * Small helpers shared by the benchmarks: timing, and the one row format of
 * `bench/out/results.json` (a figure, its baseline from the same run, its target, a verdict).
 */

export type Verdict = 'ok' | 'missed'

/**
 * What a figure must reach. Absolute bounds are in the row's unit; ratios compare the value
 * with the baseline measured in the same run (the only fair comparison on a shared machine).
 * No bound at all makes a context row (bare Koa), always "ok".
 */
export interface Target {
  below?: number
  atMost?: number
  atLeast?: number
  ratioAtLeast?: number
  ratioBelow?: number
}

export interface Row {
  /** The bench group that made the row (`--only=<prefix>` reruns one group). */
  group: string
  name: string
  value: number
  unit: string
  baseline: { name: string; value: number; unit: string }
  /** value ÷ baseline value. */
  ratio: number | null
  target: Target & { text: string }
  verdict: Verdict
}

export interface RowInput {
  name: string
  value: number
  unit: string
  baseline: { name: string; value: number; unit?: string }
  target: Target
  /** Set by the runner when left out. */
  group?: string
}

/** One result row: the verdict and the target's wording are worked out here, the same for every group. */
export function row(input: RowInput): Row {
  const { target, value } = input
  const baseline = { name: input.baseline.name, value: input.baseline.value, unit: input.baseline.unit ?? input.unit }
  const ratio = baseline.value > 0 ? value / baseline.value : null
  const checks: Array<{ ok: boolean; text: string }> = []
  const bound = (ok: boolean, text: string) => checks.push({ ok, text })
  if (target.below !== undefined) bound(value < target.below, `< ${shown(target.below, input.unit)}`)
  if (target.atMost !== undefined) bound(value <= target.atMost, `≤ ${shown(target.atMost, input.unit)}`)
  if (target.atLeast !== undefined) bound(value >= target.atLeast, `≥ ${shown(target.atLeast, input.unit)}`)
  if (target.ratioAtLeast !== undefined) bound(ratio !== null && ratio >= target.ratioAtLeast, `≥ ${target.ratioAtLeast}× ${baseline.name}`)
  if (target.ratioBelow !== undefined) bound(ratio !== null && ratio < target.ratioBelow, `< ${target.ratioBelow}× ${baseline.name}`)
  return {
    group: input.group ?? '',
    name: input.name,
    value,
    unit: input.unit,
    baseline,
    ratio,
    target: { ...target, text: checks.length ? checks.map((c) => c.text).join(' and ') : 'context, no target' },
    verdict: checks.every((c) => c.ok) ? 'ok' : 'missed',
  }
}

/** A figure as people read it: whole numbers past 100, three significant digits below. */
export function shown(value: number, unit: string) {
  const n = Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en') : String(Number(value.toPrecision(3)))
  return `${n} ${unit}`
}

export async function time<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = process.hrtime.bigint()
  const value = await fn()
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value }
}

/** Median of several runs: one slow run (a GC, a neighbour) does not decide the verdict. */
export async function median(runs: number, fn: () => Promise<number>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) times.push(await fn())
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]
}
