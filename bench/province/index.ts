/**
 * The benches on a province's data (issue 17, part B): the console's lists, reports and
 * export through the real HTTP API, digests and routing at 100,000 deputies, and the front
 * ends. `npm run bench` runs them with the rest; `tsx bench/province/index.ts [part…]` alone.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { benchConsole } from './console.js'
import { benchDeputies } from './deputies.js'
import { benchFrontends } from './frontends.js'
import { provinceData } from './generate.js'
import type { Row } from './row.js'

const PARTS = { console: benchConsole, deputies: benchDeputies, frontends: benchFrontends } as const

export async function benchProvince(only: string[] = []): Promise<Row[]> {
  const data = await provinceData()
  const results: Row[] = []
  for (const [name, run] of Object.entries(PARTS)) {
    if (only.length && !only.includes(name)) continue
    const part = await run(data)
    console.log(part.lines.join('\n'))
    results.push(...part.results)
  }
  return results
}

if (process.argv[1] === import.meta.filename) {
  const results = await benchProvince(process.argv.slice(2))
  console.table(results.map((r) => ({ name: r.name, value: `${r.value} ${r.unit}`, target: r.target.text, verdict: r.verdict })))
  const out = join(import.meta.dirname, '..', 'out')
  mkdirSync(out, { recursive: true })
  writeFileSync(join(out, 'province-results.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2))
}
