/**
 * `npm run bench`: the speed targets of the issues, each measured beside a baseline taken
 * in the same run on the same machine. Exits 1 when a target is missed.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { benchImport } from './import.js'
import { report, type Result } from './measure.js'
import { benchStartup } from './startup.js'
import { benchRouting } from './routing.js'
import { benchCases } from './cases.js'
import { benchOutbox } from './outbox.js'
import { benchDigests } from './digests.js'
import { benchQuizzes } from './quizzes.js'
import { benchSurveys } from './surveys.js'

const cases = await benchCases()
const outbox = await benchOutbox()
const digests = await benchDigests()
const quizzes = await benchQuizzes()
const surveys = await benchSurveys()
const results: Result[] = [
  ...(await benchRouting()),
  ...(await benchImport()),
  ...(await benchStartup()),
  ...cases.results,
  ...outbox.results,
  ...digests.results,
  ...quizzes.results,
  ...surveys.results,
]
results.push(...(await (await import('./province/index.js')).benchProvince())) // issue 17 B: a province's data (bench/province/)
const ok = report(results)
console.log([...cases.lines, ...outbox.lines, ...digests.lines, ...quizzes.lines, ...surveys.lines].join('\n'))
const out = join(import.meta.dirname, 'out')
mkdirSync(out, { recursive: true })
writeFileSync(join(out, 'results.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2))
process.exit(ok ? 0 : 1)
