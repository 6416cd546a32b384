/**
 * The real backend on the province file, in its own process (run with --expose-gc), for the
 * console benches: prints {"port"} once listening, and on request over IPC measures its own
 * memory while the parent downloads something ("mem-start" … "mem-stop" → the peak growth).
 */
import { readFileSync, writeFileSync } from 'node:fs'
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

/** A field of /proc/self/status in bytes (Linux), or null where there is none. */
function procStatusBytes(field: 'VmHWM' | 'RssAnon') {
  try {
    const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'))?.[1]
    return kb ? Number(kb) * 1024 : null
  } catch {
    return null
  }
}
/** Linux's peak RSS since the last reset. */
const highWaterRss = () => procStatusBytes('VmHWM')
function resetHighWaterRss() {
  try {
    writeFileSync('/proc/self/clear_refs', '5')
  } catch {
    // Not Linux: the sampled peak alone.
  }
}

/**
 * The process's own memory (Linux RssAnon: heap, native buffers, SQLite's cache), or null where
 * there is no /proc. RSS also counts the store file's pages mapped in by SQLite (mmap_size):
 * those are the system's file cache, shared and dropped under pressure, and an export that reads
 * every page of a 3 GB file maps up to the mmap limit whether it streams or not.
 */
const anonRss = () => procStatusBytes('RssAnon')

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})
let sampler: NodeJS.Timeout | null = null
let base = { rss: 0, heap: 0, anon: 0 }
let peak = { rss: 0, heap: 0, anon: 0 }
const sample = () => {
  const m = process.memoryUsage()
  peak = {
    rss: Math.max(peak.rss, m.rss),
    heap: Math.max(peak.heap, m.heapUsed + m.external + m.arrayBuffers),
    anon: Math.max(peak.anon, anonRss() ?? m.rss),
  }
}
process.on('message', (msg: string) => {
  if (msg === 'mem-start') {
    gc()
    const m = process.memoryUsage()
    base = { rss: m.rss, heap: m.heapUsed + m.external + m.arrayBuffers, anon: anonRss() ?? m.rss }
    peak = { ...base }
    // The kernel's high-water mark is the whole life's (start-up, earlier requests): reset it (Linux).
    if (!process.env.KEEP_HWM) resetHighWaterRss()
    sampler = setInterval(sample, 5)
    process.send!({ started: true })
  } else if (msg === 'mem-stop') {
    if (sampler) clearInterval(sampler)
    sample()
    // The kernel's high-water mark also sees peaks between samples (while a query runs synchronously).
    const maxRss = Math.max(peak.rss, highWaterRss() ?? process.resourceUsage().maxRSS * 1024)
    // What the download left behind once garbage is collected: growth that is not garbage is a leak.
    gc()
    const after = process.memoryUsage()
    const heldMb = (after.heapUsed + after.external + after.arrayBuffers - base.heap) / 2 ** 20
    process.send!({
      anonGrowthMb: (peak.anon - base.anon) / 2 ** 20,
      rssGrowthMb: (maxRss - base.rss) / 2 ** 20,
      heapGrowthMb: (peak.heap - base.heap) / 2 ** 20,
      heldMb,
    })
  } else if (msg === 'close') {
    void liaison.close().then(() => process.exit(0))
  }
})
console.log(JSON.stringify({ port }))
