import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import autocannon from 'autocannon'
import type { Result } from './measure.js'

/** Starts a server script in its own process and reads the JSON line it prints. */
export async function startServer(script: string, args: string[] = []): Promise<{ child: ChildProcess; info: Record<string, any> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve)
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)))
  })
  return { child, info: JSON.parse(line) }
}

export async function load(url: string, headers: Record<string, string>, body: string, seconds: number) {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    connections: 50,
    duration: seconds,
  })
  const ok = result['2xx']
  return { rps: ok / seconds, p99: result.latency.p99, errors: result.non2xx + result.errors + result.timeouts }
}

/**
 * POST /api/mp/cases on the embedded store (durable: synchronous=FULL) at 50 connections,
 * against a bare Koa JSON endpoint measured the same way in the same run. Targets: at least
 * half the bare requests per second, p99 under 50 ms.
 */
export async function benchCases(seconds = 10): Promise<{ results: Result[]; lines: string[] }> {
  const body = JSON.stringify({ text: '小区门口的路灯坏了一个月了，晚上出行很不方便，希望尽快修好。' })
  const bare = await startServer('bench/servers/bare-koa.ts')
  const baseline = await load(`http://127.0.0.1:${bare.info.port}/`, {}, body, seconds).finally(() => bare.child.kill())
  const liaison = await startServer('bench/servers/cases-server.ts')
  const casesBody = JSON.stringify({ text: '小区门口的路灯坏了一个月了，晚上出行很不方便，希望尽快修好。', regionId: liaison.info.region })
  const cases = await load(`http://127.0.0.1:${liaison.info.port}/api/mp/cases`, { authorization: `Bearer ${liaison.info.token}` }, casesBody, seconds).finally(
    () => liaison.child.kill(),
  )
  const lines = [
    `bare Koa:          ${baseline.rps.toFixed(0)} req/s, p99 ${baseline.p99} ms, ${baseline.errors} errors`,
    `POST /api/mp/cases: ${cases.rps.toFixed(0)} req/s, p99 ${cases.p99} ms, ${cases.errors} errors (ratio ${(cases.rps / baseline.rps).toFixed(2)}, target ≥ 0.50)`,
  ]
  return {
    lines,
    results: [
      // As time per request, so that "lower is better" like every other row: target = twice the bare time.
      {
        name: 'POST /api/mp/cases, ms per request at 50 connections',
        ms: 1000 / cases.rps,
        baselineMs: 1000 / baseline.rps,
        baseline: 'bare Koa',
        targetMs: 2000 / baseline.rps,
      },
      { name: 'POST /api/mp/cases p99 latency at 50 connections', ms: cases.p99, baselineMs: baseline.p99, baseline: 'bare Koa p99', targetMs: 50 },
    ],
  }
}
