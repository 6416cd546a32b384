import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { childEnv, freePort } from '../test/helpers/process.js'
import { median, row, type Row } from './measure.js'

/** Milliseconds from spawning a process to its first 200 on `path`. */
async function untilReady(args: string[], env: NodeJS.ProcessEnv, port: number, path: string): Promise<number> {
  const started = process.hrtime.bigint()
  const child = spawn(process.execPath, args, { env, stdio: 'ignore' })
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`)
      try {
        if ((await fetch(`http://127.0.0.1:${port}${path}`)).ok) return Number(process.hrtime.bigint() - started) / 1e6
      } catch {
        // not yet
      }
      await new Promise((r) => setTimeout(r, 10))
    }
  } finally {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
  }
}

/**
 * `npm start` to /readyz answering, on a demo store that already exists, against the
 * baseline of the same Node with the same TypeScript loader serving a bare HTTP answer.
 */
export async function benchStartup(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-start-'))
  try {
    const port = await freePort()
    const env = childEnv({ LIAISON_DB: `sqlite:${join(dir, 'liaison.db')}`, PORT: String(port), HOST: '127.0.0.1' })
    const bare = `require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`
    const baselineMs = await median(3, () => untilReady(['--import', 'tsx', '-e', bare], env, port, '/'))
    const firstMs = await untilReady(['--import', 'tsx', 'src/main.ts'], env, port, '/readyz')
    const warmMs = await median(3, () => untilReady(['--import', 'tsx', 'src/main.ts'], env, port, '/readyz'))
    return [
      row({
        name: 'npm start → /readyz (demo store exists)',
        value: warmMs,
        unit: 'ms',
        baseline: { name: 'bare node+tsx server', value: baselineMs },
        target: { below: 3_000 },
      }),
      row({
        name: 'npm start → /readyz (first start, seeds demo)',
        value: firstMs,
        unit: 'ms',
        baseline: { name: 'bare node+tsx server', value: baselineMs },
        target: { below: 3_000 },
      }),
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
