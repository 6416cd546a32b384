/**
 * Creating requests under load, 50 connections, each request from another signed-in person:
 * POST /api/mp/cases and a survey response POST on the real app (durable SQLite file), against
 * the durable floor (the least such a request must do: body, session, zod, one row through
 * group commit, fsync) measured the same way in the same run. Bare Koa is kept for context.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import autocannon from 'autocannon'
import { row, type Row } from './measure.js'
import { benchToken } from './servers/people.js'

const CONNECTIONS = 50
/** More people than requests in a run: a survey takes one answer per person. */
const PEOPLE = 150_000
/** `--profile`: the servers write CPU profiles of the measured runs to bench/out/. */
const PROFILE = process.argv.includes('--profile') ? join(import.meta.dirname, 'out') : null
const TEXT = '小区门口的路灯坏了一个月了，晚上出行很不方便，希望尽快修好。'

interface Load {
  rps: number
  p99: number
  errors: number
}

/** Starts a server script in its own process and reads the JSON line it prints. */
async function startServer(script: string, args: string[] = []): Promise<{ child: ChildProcess; info: Record<string, any> }> {
  const env = PROFILE ? { ...process.env, BENCH_PROFILE_DIR: PROFILE } : process.env
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env })
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve)
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)))
  })
  return { child, info: JSON.parse(line) }
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return
  child.kill('SIGTERM')
  await new Promise((resolve) => child.once('exit', resolve))
}

/** Each request signs in as the next person (their session token), so no one answers twice. */
async function load(url: string, body: string, seconds: number, people: { next: number }): Promise<Load> {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        setupRequest: (request: any) => ({
          ...request,
          body,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${benchToken(people.next++ % PEOPLE)}` },
        }),
      },
    ],
  })
  return { rps: result['2xx'] / seconds, p99: result.latency.p99, errors: result.non2xx + result.errors + result.timeouts }
}

/** A warm-up (JIT, statement caches) and then the measured run, on a fresh server. */
async function measure(
  name: string,
  script: string,
  path: (info: Record<string, any>) => string,
  body: (info: Record<string, any>) => string,
  seconds: number,
) {
  if (PROFILE) mkdirSync(PROFILE, { recursive: true })
  const server = await startServer(script, [String(PEOPLE), name])
  try {
    const people = { next: 0 }
    const url = `http://127.0.0.1:${server.info.port}${path(server.info)}`
    await load(url, body(server.info), 2, people)
    if (PROFILE) server.child.kill('SIGUSR2')
    return await load(url, body(server.info), seconds, people)
  } finally {
    await stop(server.child)
  }
}

function rowsFor(name: string, it: Load, floor: Load): Row[] {
  return [
    row({ name: `${name}: requests/s`, value: it.rps, unit: 'req/s', baseline: { name: 'durable floor', value: floor.rps }, target: { ratioAtLeast: 0.5 } }),
    row({ name: `${name}: p99 latency`, value: it.p99, unit: 'ms', baseline: { name: 'durable floor', value: floor.p99 }, target: { below: 50 } }),
    row({ name: `${name}: errors`, value: it.errors, unit: 'errors', baseline: { name: 'durable floor', value: floor.errors }, target: { atMost: 0 } }),
  ]
}

export async function benchRequests(seconds = 10): Promise<{ rows: Row[]; lines: string[] }> {
  const caseBody = (info: Record<string, any>) => JSON.stringify({ text: TEXT, regionId: info.region })
  const bare = await measure('bare-koa', 'bench/servers/bare-koa.ts', () => '/', caseBody, seconds)
  const floor = await measure('durable-floor', 'bench/servers/durable-floor.ts', () => '/', caseBody, seconds)
  const cases = await measure('cases', 'bench/servers/liaison-server.ts', () => '/api/mp/cases', caseBody, seconds)
  const survey = await measure(
    'survey-responses',
    'bench/servers/liaison-server.ts',
    (info) => `/api/mp/surveys/${info.surveyId}/responses`,
    () => JSON.stringify({ answers: { q1: 'yes', q2: 4 } }),
    seconds,
  )
  const line = (name: string, l: Load) => `${name.padEnd(38)} ${l.rps.toFixed(0).padStart(6)} req/s, p99 ${l.p99} ms, ${l.errors} errors`
  return {
    lines: [line('bare Koa', bare), line('durable floor', floor), line('POST /api/mp/cases', cases), line('POST /api/mp/surveys/:id/responses', survey)],
    rows: [
      row({
        name: `durable floor (context): requests/s at ${CONNECTIONS} connections`,
        value: floor.rps,
        unit: 'req/s',
        baseline: { name: 'bare Koa', value: bare.rps },
        target: {},
      }),
      ...rowsFor(`POST /api/mp/cases at ${CONNECTIONS} connections`, cases, floor),
      ...rowsFor(`POST /api/mp/surveys/:id/responses at ${CONNECTIONS} connections`, survey, floor),
    ],
  }
}
