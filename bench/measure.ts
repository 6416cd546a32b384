/** Small helpers shared by the benchmarks: timing, result lines, and the verdict. */
export interface Result {
  name: string
  ms: number
  baselineMs: number
  baseline: string
  targetMs: number
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

export function report(results: Result[]) {
  const rows = results.map((r) => ({
    benchmark: r.name,
    ms: r.ms < 10 ? Number(r.ms.toFixed(4)) : Math.round(r.ms),
    baseline: `${r.baseline} ${r.baselineMs < 10 ? r.baselineMs.toFixed(4) : Math.round(r.baselineMs)} ms`,
    ratio: `${(r.ms / r.baselineMs).toFixed(2)}×`,
    target: `< ${r.targetMs < 10 ? r.targetMs.toFixed(4) : r.targetMs} ms`,
    verdict: r.ms < r.targetMs ? 'ok' : 'MISSED',
  }))
  console.table(rows)
  return rows.every((r) => r.verdict === 'ok')
}
