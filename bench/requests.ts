/**
 * Creating requests under load, 50 connections, each request from another signed-in person:
 * POST /api/mp/cases and a survey response POST on the real app (durable SQLite file), against
 * the durable floor (the least such a request must do: body, session, zod, one row through
 * group commit, fsync) measured the same way in the same run: the three in turn, three rounds,
 * the median of each. Bare Koa is kept for context.
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
const PEOPLE = 300_000
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
  // Gone already: exited, or killed by a signal (exitCode stays null then).
  if (child.exitCode !== null || child.signalCode !== null) return
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

/** A server under test: started once, warmed up, then measured in rounds. */
interface Subject {
  name: string
  server: { child: ChildProcess; info: Record<string, any> }
  url: string
  body: string
  people: { next: number }
  rounds: Load[]
}

async function startSubject(name: string, script: string, path: (info: Record<string, any>) => string, body: (info: Record<string, any>) => string) {
  if (PROFILE) mkdirSync(PROFILE, { recursive: true })
  const server = await startServer(script, [String(PEOPLE), name])
  const subject: Subject = {
    name,
    server,
    url: `http://127.0.0.1:${server.info.port}${path(server.info)}`,
    body: body(server.info),
    people: { next: 0 },
    rounds: [],
  }
  return subject
}

/** A warm-up (JIT, statement caches), then the profile of what follows when asked. */
async function warm(subject: Subject) {
  await load(subject.url, subject.body, 2, subject.people)
  if (PROFILE) subject.server.child.kill('SIGUSR2')
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/**
 * The median of a subject's rounds. This machine's speed drifts by a third between runs of a
 * few seconds (the floor measured once: 6,100–11,400 req/s in one morning), so a single run
 * each made the ratios flip; the floor and the app measured in turn, round after round, drift
 * together, and the median leaves out a round that caught the machine busy.
 */
function typical(subject: Subject): Load {
  return {
    rps: median(subject.rounds.map((r) => r.rps)),
    p99: median(subject.rounds.map((r) => r.p99)),
    errors: subject.rounds.reduce((sum, r) => sum + r.errors, 0),
  }
}

function rowsFor(name: string, it: Load, floor: Load): Row[] {
  return [
    row({ name: `${name}: requests/s`, value: it.rps, unit: 'req/s', baseline: { name: 'durable floor', value: floor.rps }, target: { ratioAtLeast: 0.5 } }),
    row({ name: `${name}: p99 latency`, value: it.p99, unit: 'ms', baseline: { name: 'durable floor', value: floor.p99 }, target: { below: 50 } }),
    row({ name: `${name}: errors`, value: it.errors, unit: 'errors', baseline: { name: 'durable floor', value: floor.errors }, target: { atMost: 0 } }),
  ]
}

/** `seconds` of load per server, in ROUNDS turns. */
const ROUNDS = 3

export async function benchRequests(seconds = 15): Promise<{ rows: Row[]; lines: string[] }> {
  const caseBody = (info: Record<string, any>) => JSON.stringify({ text: TEXT, regionId: info.region })
  const subjects: Subject[] = []
  try {
    // Bare Koa, context only: one run, alone.
    const bareKoa = await startSubject('bare-koa', 'bench/servers/bare-koa.ts', () => '/', caseBody)
    subjects.push(bareKoa)
    await warm(bareKoa)
    bareKoa.rounds.push(await load(bareKoa.url, bareKoa.body, seconds / ROUNDS, bareKoa.people))
    await stop(bareKoa.server.child)
    const floorOne = await startSubject('durable-floor', 'bench/servers/durable-floor.ts', () => '/', caseBody)
    subjects.push(floorOne)
    const casesOne = await startSubject('cases', 'bench/servers/liaison-server.ts', () => '/api/mp/cases', caseBody)
    subjects.push(casesOne)
    const surveyOne = await startSubject(
      'survey-responses',
      'bench/servers/liaison-server.ts',
      (info) => `/api/mp/surveys/${info.surveyId}/responses`,
      () => JSON.stringify({ answers: { q1: 'yes', q2: 4 } }),
    )
    subjects.push(surveyOne)
    // Warmed once all three are up: a server's start (150,000 people written, its log copied into the file on another
    // thread) no longer runs beside the first round of the one before it, which that round's figure used to pay for.
    for (const s of [floorOne, casesOne, surveyOne]) await warm(s)
    for (let round = 0; round < ROUNDS; round++)
      for (const s of [floorOne, casesOne, surveyOne]) s.rounds.push(await load(s.url, s.body, seconds / ROUNDS, s.people))
    // A person answers a survey once: past PEOPLE the tokens come round again and the answers would fail as "errors".
    if (surveyOne.people.next > PEOPLE) throw new Error(`survey answers: ${surveyOne.people.next} requests, more than the ${PEOPLE} people seeded`)
    const [bare, floor, cases, survey] = [bareKoa, floorOne, casesOne, surveyOne].map(typical)
    const line = (name: string, s: Subject) => {
      const l = typical(s)
      const each = s.rounds.length > 1 ? ` (rounds: ${s.rounds.map((r) => r.rps.toFixed(0)).join(', ')})` : ''
      return `${name.padEnd(38)} ${l.rps.toFixed(0).padStart(6)} req/s, p99 ${l.p99} ms, ${l.errors} errors${each}`
    }
    return {
      lines: [
        line('bare Koa', bareKoa),
        line('durable floor', floorOne),
        line('POST /api/mp/cases', casesOne),
        line('POST /api/mp/surveys/:id/responses', surveyOne),
      ],
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
  } finally {
    for (const s of subjects) await stop(s.server.child)
  }
}
