#!/usr/bin/env node
/**
 * `npm test`: the backend's mocha, then the mini-program's (a second process, because
 * jsdom must never load beside the backend's axios), then one combined closing line
 * "N passed, N failed, N skipped" that CI reads. Each run's own closing line is kept but
 * labelled, so the last line is the only bare one. Exits non-zero when anything failed
 * or a run ended without its closing line (a crash). Each run's "failed: …" lines are repeated
 * just above the combined line, since CI shows only the tail of the output.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const SUMMARY = /^(\d+) passed, (\d+) failed, (\d+) skipped$/
const mocha = `${root}node_modules/mocha/bin/mocha.js`
const failedLines = []

const runs = [
  { name: 'backend', args: [mocha, ...process.argv.slice(2)] },
  { name: 'mini-program', args: [mocha, '--config', 'test-mp/.mocharc.cjs'], before: [`${root}scripts/mp-npm.mjs`] },
]

function run(args, label) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
    let summary = null
    let pending = ''
    const relay = (line) => {
      if (label && line.startsWith('failed: ')) failedLines.push(`${label} ${line}`)
      const m = line.match(SUMMARY)
      if (m && label) {
        summary = m.slice(1, 4).map(Number)
        process.stdout.write(`${label}: ${line}\n`)
      } else process.stdout.write(`${line}\n`)
    }
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk) => {
      const lines = (pending + chunk).split('\n')
      pending = lines.pop()
      lines.forEach(relay)
    })
    child.on('close', (code) => {
      if (pending) relay(pending)
      resolve({ code, summary })
    })
  })
}

const total = [0, 0, 0]
let ok = true
for (const r of runs) {
  for (const script of r.before ?? []) if ((await run([script], null)).code !== 0) ok = false
  const { code, summary } = await run(r.args, r.name)
  if (!summary) {
    process.stdout.write(`${r.name}: ended without its summary (exit code ${code})\n`)
    total[1] += 1
    ok = false
    continue
  }
  summary.forEach((n, i) => (total[i] += n))
  if (code !== 0 || summary[1] > 0) ok = false
}
for (const line of failedLines) process.stdout.write(`${line}\n`)
process.stdout.write(`${total[0]} passed, ${total[1]} failed, ${total[2]} skipped\n`)
process.exit(ok ? 0 : 1)
