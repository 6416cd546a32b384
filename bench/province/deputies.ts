import { buildFor } from '../digests.js'
import { benchRouting } from '../routing.js'
import type { ProvinceData } from './generate.js'
import { row, type Row } from './row.js'

/**
 * A province's 100,000 deputies: the morning's digests under 60 s and linear (10k, 50k and
 * 100k compared in the same run: the baseline is 10k's time × 10), and routing one message
 * under 1 ms against the province's directory (baseline: the region lookup and topic
 * classification every routing must do).
 */
export async function benchDeputies(data: ProvinceData): Promise<{ results: Row[]; lines: string[] }> {
  const lines: string[] = []
  const timings: Array<{ deputies: number; ms: number; made: number }> = []
  for (const deputies of [10_000, 50_000, data.counts.deputies]) timings.push(await buildFor(deputies))
  for (const t of timings)
    lines.push(`digests for ${t.deputies} deputies: ${t.made} made in ${Math.round(t.ms)} ms (${(t.ms / t.deputies).toFixed(3)} ms each)`)
  const [small, middle, full] = timings
  const [routing] = await benchRouting({ deputies: data.counts.deputies, stations: data.counts.stations })
  return {
    lines,
    results: [
      row(`digests for ${full.deputies.toLocaleString('en')} deputies`, full.ms, 'ms', { name: '10,000 deputies × 10 (linear)', value: small.ms * 10 }, 60_000),
      // Linear: the largest run costs no more per deputy than 1.5× the smallest (50k shown in the lines).
      row(
        'digests: ms per deputy at 100k ÷ at 10k (linear)',
        full.ms / full.deputies / (small.ms / small.deputies),
        'ratio',
        {
          name: `50k ÷ 10k = ${(middle.ms / middle.deputies / (small.ms / small.deputies)).toFixed(2)}`,
          value: middle.ms / middle.deputies / (small.ms / small.deputies),
        },
        1.5,
      ),
      routing,
    ],
  }
}
