/**
 * `npm run bench`: the speed targets of the issues, each measured beside a baseline taken
 * in the same run on the same machine. Writes `bench/out/results.json` (and the README's
 * table as `bench/out/results.md`); exits 1 when a target is missed.
 *
 * `npm run bench -- --only=cases` reruns the groups whose name starts with the prefix and
 * keeps the other groups' rows of the last results.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Row } from './measure.js'
import { markdownTable } from './table.js'
import { benchImport } from './import.js'
import { benchStartup } from './startup.js'
import { benchRouting } from './routing.js'
import { benchRequests } from './requests.js'
import { benchOutbox } from './outbox.js'
import { benchDigests } from './digests.js'
import { benchQuizzes } from './quizzes.js'
import { benchSurveys } from './surveys.js'
import { benchCaseWrites } from './case-writes.js'

export type BenchOutput = Row[] | { rows: Row[]; lines: string[] }

/** Every group, in the order they run. A new group is one line here. */
const BENCHES: Array<{ name: string; run: () => Promise<BenchOutput> }> = [
  { name: 'routing', run: benchRouting },
  { name: 'import', run: benchImport },
  { name: 'startup', run: benchStartup },
  { name: 'requests', run: benchRequests },
  { name: 'case-writes', run: benchCaseWrites },
  { name: 'outbox', run: benchOutbox },
  { name: 'digests', run: benchDigests },
  { name: 'quizzes', run: benchQuizzes },
  { name: 'surveys', run: benchSurveys },
  // Issue 17 B: a province's data (bench/province/); generates and caches a 3 GB store on first use.
  { name: 'province', run: async () => (await import('./province/index.js')).benchProvince() },
]

const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length)
const chosen = BENCHES.filter((b) => !only || b.name.startsWith(only))
if (!chosen.length) {
  console.error(`no bench group starts with "${only}"; groups: ${BENCHES.map((b) => b.name).join(', ')}`)
  process.exit(2)
}

const rows: Row[] = []
const lines: string[] = []
// A group that throws is reported and the run goes on: one broken group must not cost the
// quiet half hour the others needed (its rows of an earlier run are not kept: it failed now).
const failed: string[] = []
for (const bench of chosen) {
  console.error(`bench: ${bench.name}…`)
  try {
    const output = await bench.run()
    const made = Array.isArray(output) ? output : output.rows
    rows.push(...made.map((r) => ({ ...r, group: r.group || bench.name })))
    if (!Array.isArray(output)) lines.push(...output.lines)
  } catch (err) {
    console.error(`bench: ${bench.name} failed:`, err)
    failed.push(bench.name)
  }
}

console.table(rows.map((r) => ({ group: r.group, name: r.name, value: `${r.value.toFixed(2)} ${r.unit}`, target: r.target.text, verdict: r.verdict })))
if (lines.length) console.log(lines.join('\n'))

const out = join(import.meta.dirname, 'out')
mkdirSync(out, { recursive: true })
const file = join(out, 'results.json')
// A partial run replaces its own groups' rows and keeps the rest of the last full run.
// Rows written by an older version of the bench (another shape) are dropped.
const earlier: Row[] = (only && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')).results ?? []) : []).filter(
  (r: Row) => typeof r.value === 'number' && typeof r.baseline?.value === 'number',
)
const rerun = new Set(chosen.map((b) => b.name))
const results = [...earlier.filter((r) => !rerun.has(r.group)), ...rows]
writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), results }, null, 2) + '\n')
writeFileSync(join(out, 'results.md'), markdownTable(results))
console.log(`\nwritten: ${file} and results.md (${results.length} rows)`)
if (failed.length) console.error(`bench: groups that failed (no rows): ${failed.join(', ')}`)
process.exit(!failed.length && rows.every((r) => r.verdict === 'ok') ? 0 : 1)
