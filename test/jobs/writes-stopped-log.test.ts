import { expect } from 'chai'
import { mkdirSync, mkdtempSync, renameSync, rmdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { build, type Liaison } from '../../src/app.js'
import { ManualClock } from '../../src/clock.js'
import { loadConfig } from '../../src/config.js'
import { ServiceUnavailableError } from '../../src/errors.js'
import { runLeased, type Job } from '../../src/jobs/index.js'
import { createLogger } from '../../src/logger.js'
import { StoreOutageLog } from '../../src/services/store-outage.js'
import { asResident, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

type Line = Record<string, any>

/** The app's own logger, its JSON lines kept for the test to read. */
function capturedLogs() {
  const lines: Line[] = []
  const sink = new Writable({
    write: (chunk, _enc, done) => {
      lines.push(JSON.parse(String(chunk)))
      done()
    },
  })
  return { lines, sink }
}

const WARN = 40
const ERROR = 50

/**
 * An operator reading the log of an instance whose disk flush failed: the store says the cause
 * once, and the outbox dispatcher and the scheduled jobs, which keep going round, each say once
 * that they are paused (at warn; /readyz is the signal), not an error line every round.
 */
describe('operators’ log while writes are stopped', function () {
  this.timeout(30_000)
  let dir: string
  let app: TestApp & { liaison: Liaison }
  let logs: ReturnType<typeof capturedLogs>

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-stopped-log-'))
    logs = capturedLogs()
    const config = loadConfig({ overrides: { store: { url: `sqlite:${join(dir, 'liaison.db')}` }, log: { level: 'info' } } })
    const clock = new ManualClock(new Date())
    const liaison = await build(config, { clock, logger: createLogger(config, logs.sink) })
    await liaison.services.importer.import(caseCity(), null)
    const { port } = await liaison.listen(0, '127.0.0.1')
    app = { liaison, clock, baseUrl: `http://127.0.0.1:${port}`, close: () => liaison.close() }
  })
  afterEach(async () => {
    await app.close().catch(() => {})
    rmSync(dir, { recursive: true, force: true })
  })

  it('says the outage once from the dispatcher and once from the jobs, however many rounds they make', async () => {
    const resident = await asResident(app, 'o-log')
    expect((await resident.post('/api/mp/cases', { text: '路灯不亮', regionId: 'c010101' })).status).to.equal(201)
    // The WAL's path no longer names a file that can be flushed: the next grouped write stops the writes.
    const wal = join(dir, 'liaison.db-wal')
    renameSync(wal, `${wal}.kept`)
    mkdirSync(wal)
    try {
      expect((await resident.post('/api/mp/cases', { text: '断电前提交', regionId: 'c010101' })).status).to.equal(503)

      const { liaison, clock } = app
      // The jobs' registrar holds one of these for all its jobs, as startJobs does.
      const outage = new StoreOutageLog(liaison.store, liaison.logger, 'scheduled jobs')
      for (let round = 0; round < 3; round++) {
        expect(await liaison.services.dispatcher.backgroundRound(), 'no work done').to.equal(false)
        for (const job of liaison.jobs) {
          const outcome = await runLeased(job, liaison.store, clock, 'instance-a', liaison.logger, outage)
          expect(outcome.ran, `${job.name} did not run`).to.equal(false)
        }
        clock.advance(60_000)
      }

      const paused = logs.lines.filter((l) => l.level === WARN && /paused/.test(l.msg))
      expect(paused.map((l) => l.msg)).to.deep.equal([
        'outbox dispatcher paused: the store takes no writes (/readyz fails until it does)',
        'scheduled jobs paused: the store takes no writes (/readyz fails until it does)',
      ])
      expect(paused[1], 'names the job that met it first').to.include({ job: liaison.jobs[0]!.name, code: 'store_unavailable' })
      expect(
        logs.lines.filter((l) => l.level >= ERROR).map((l) => l.msg),
        'the one error line is the cause, said by the store',
      ).to.deep.equal(['the store stopped taking writes (a failed flush to disk): /readyz now fails; restart the service'])
    } finally {
      rmdirSync(wal)
      renameSync(`${wal}.kept`, wal)
    }
  })

  it('still logs a job’s own failure as an error while the store answers', async () => {
    const broken: Job = {
      name: 'broken-job',
      schedule: '* * * * *',
      leaseMs: 60_000,
      run: async () => {
        throw new Error('a bug in the job')
      },
    }
    const { liaison, clock } = app
    const outage = new StoreOutageLog(liaison.store, liaison.logger, 'scheduled jobs')
    for (let round = 0; round < 2; round++) await runLeased(broken, liaison.store, clock, 'instance-a', liaison.logger, outage)
    const errors = logs.lines.filter((l) => l.level >= ERROR)
    expect(errors.map((l) => `${l.msg} ${l.err.message}`)).to.deep.equal(['job failed a bug in the job', 'job failed a bug in the job'])
    expect(logs.lines.filter((l) => /paused/.test(l.msg))).to.deep.equal([])
  })
})

describe('StoreOutageLog', () => {
  const refused = new ServiceUnavailableError('暂时无法保存，请稍后再试', 'store_unavailable')
  /** An outage log on a store that answers its ping while `store.up`, its lines captured. */
  const outageLog = (who: string) => {
    const logs = capturedLogs()
    const logger = createLogger({ log: { level: 'info' } } as Parameters<typeof createLogger>[0], logs.sink)
    const store = {
      up: false,
      async ping() {
        if (!store.up) throw new Error('store down')
      },
    }
    return { logs, log: new StoreOutageLog(store, logger, who), store }
  }

  it('says an outage once, that it is over once the store answers, and a new outage again', async () => {
    const { logs, log, store } = outageLog('outbox dispatcher')
    expect(await log.absorbs(refused)).to.equal(true)
    expect(await log.absorbs(new Error('SQLITE_READONLY: attempt to write a readonly database'))).to.equal(true)
    await log.roundDone()
    store.up = true
    expect(await log.absorbs(new Error('a bug')), 'not the store: the caller logs it').to.equal(false)
    await log.roundDone()
    store.up = false
    expect(await log.absorbs(refused)).to.equal(true)
    expect(logs.lines.map((l) => `${l.level} ${l.msg}`)).to.deep.equal([
      `${WARN} outbox dispatcher paused: the store takes no writes (/readyz fails until it does)`,
      '30 outbox dispatcher resumed: the store answers again',
      `${WARN} outbox dispatcher paused: the store takes no writes (/readyz fails until it does)`,
    ])
  })

  it('says a new outage again when the store came back but the rounds between kept failing on something else', async () => {
    const { logs, log, store } = outageLog('scheduled jobs')
    expect(await log.absorbs(refused)).to.equal(true)
    store.up = true
    // No round goes through: each fails on a bug of its own, which the caller logs as an error.
    expect(await log.absorbs(new Error('a bug'))).to.equal(false)
    expect(await log.absorbs(new Error('a bug'))).to.equal(false)
    store.up = false
    expect(await log.absorbs(refused)).to.equal(true)
    expect(logs.lines.map((l) => `${l.level} ${l.msg}`)).to.deep.equal([
      `${WARN} scheduled jobs paused: the store takes no writes (/readyz fails until it does)`,
      '30 scheduled jobs resumed: the store answers again',
      `${WARN} scheduled jobs paused: the store takes no writes (/readyz fails until it does)`,
    ])
  })
})
