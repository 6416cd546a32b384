/**
 * The real backend on the province file, in its own process (run with --expose-gc), for the
 * console benches: prints {"port"} once listening, and on request over IPC measures its own
 * memory while the parent downloads something ("mem-start" … "mem-stop" → the peak growth).
 */
import { build } from '../../src/app.js'
import { ManualClock } from '../../src/clock.js'
import { loadConfig } from '../../src/config.js'
import { PROVINCE, SECRET_KEY } from './generate.js'

const path = process.argv[2]
const config = loadConfig({
  env: { LIAISON_DB: `sqlite:${path}`, LIAISON_SECRET_KEY: SECRET_KEY },
  overrides: { log: { level: 'silent' }, security: { scryptCost: 1024 } },
})
const liaison = await build(config, { clock: new ManualClock(PROVINCE.now) })
const { port } = await liaison.listen(0, '127.0.0.1')

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})
let sampler: NodeJS.Timeout | null = null
let base = { rss: 0, heap: 0 }
let peak = { rss: 0, heap: 0 }
const sample = () => {
  const m = process.memoryUsage()
  peak = { rss: Math.max(peak.rss, m.rss), heap: Math.max(peak.heap, m.heapUsed + m.external + m.arrayBuffers) }
}
process.on('message', (msg: string) => {
  if (msg === 'mem-start') {
    gc()
    const m = process.memoryUsage()
    base = { rss: m.rss, heap: m.heapUsed + m.external + m.arrayBuffers }
    peak = { ...base }
    sampler = setInterval(sample, 5)
    process.send!({ started: true })
  } else if (msg === 'mem-stop') {
    if (sampler) clearInterval(sampler)
    sample()
    // The kernel's high-water mark also sees peaks between samples (while a query runs synchronously).
    const maxRss = Math.max(peak.rss, process.resourceUsage().maxRSS * 1024)
    process.send!({ rssGrowthMb: (maxRss - base.rss) / 2 ** 20, heapGrowthMb: (peak.heap - base.heap) / 2 ** 20 })
  } else if (msg === 'close') {
    void liaison.close().then(() => process.exit(0))
  }
})
console.log(JSON.stringify({ port }))
