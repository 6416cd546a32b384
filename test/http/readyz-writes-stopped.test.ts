import { expect } from 'chai'
import { mkdirSync, mkdtempSync, renameSync, rmdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { build } from '../../src/app.js'
import { ManualClock } from '../../src/clock.js'
import { loadConfig } from '../../src/config.js'
import { createLogger } from '../../src/logger.js'
import { asResident, Client, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

/**
 * When the database file cannot be flushed to disk, nothing more is accepted as saved and the
 * instance says it is not ready, so a load balancer stops sending it people; the log says why, once.
 */
describe('an instance whose disk flush failed', function () {
  this.timeout(30_000)
  let dir: string
  let app: TestApp
  const lines: Array<Record<string, any>> = []

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-stopped-'))
    lines.length = 0
    const sink = new Writable({
      write: (chunk, _enc, done) => {
        lines.push(JSON.parse(String(chunk)))
        done()
      },
    })
    const config = loadConfig({ overrides: { store: { url: `sqlite:${join(dir, 'liaison.db')}` }, log: { level: 'info' } } })
    const clock = new ManualClock(new Date())
    const liaison = await build(config, { clock, logger: createLogger(config, sink) })
    await liaison.services.importer.import(caseCity(), null)
    const { port } = await liaison.listen(0, '127.0.0.1')
    app = { liaison, clock, baseUrl: `http://127.0.0.1:${port}`, close: () => liaison.close() }
  })
  afterEach(async () => {
    await app.close().catch(() => {})
    rmSync(dir, { recursive: true, force: true })
  })

  it('refuses new messages with 503, fails /readyz while still alive, and logs the cause once', async () => {
    const resident = await asResident(app, 'o-flush')
    const before = await resident.post('/api/mp/cases', { text: '路灯不亮', regionId: 'c010101' })
    expect(before.status).to.equal(201)

    // The WAL's path no longer names a file that can be flushed (the disk went bad under it):
    // SQLite keeps writing through the descriptor it has, the flush of the file at the path fails.
    const wal = join(dir, 'liaison.db-wal')
    renameSync(wal, `${wal}.kept`)
    mkdirSync(wal)
    try {
      const failed = await resident.post('/api/mp/cases', { text: '断电前提交', regionId: 'c010101' })
      expect(failed.status).to.equal(503)
      expect(failed.body).to.deep.equal({ error: { code: 'store_unavailable', message: '暂时无法保存，请稍后再试', details: [] } })

      const probe = new Client(app.baseUrl)
      for (let i = 0; i < 2; i++) {
        const ready = await probe.get('/readyz')
        expect(ready.status, 'out of the load balancer').to.equal(503)
        expect(ready.body.error.code).to.equal('store_unavailable')
      }
      expect((await probe.get('/healthz')).status, 'alive: a restart is what mends it').to.equal(200)
      const later = await resident.post('/api/mp/cases', { text: '稍后再提交', regionId: 'c010101' })
      expect(later.status, 'still refused: the earlier frames may not be on disk').to.equal(503)
      // A write outside the group (the session's once-a-minute touch) is refused by the store too:
      // said as the outage it is, not as a server fault with an error line per request.
      app.clock.advance(5 * 60_000)
      const mine = await resident.get('/api/mp/cases')
      expect(mine.status).to.equal(503)
      expect(mine.body).to.deep.equal({ error: { code: 'store_unavailable', message: '服务暂时不可用，请稍后再试', details: [] } })

      const stopped = lines.filter((l) => l.level === 50 && /stopped taking writes/.test(l.msg))
      expect(stopped, 'logged once, not per request').to.have.length(1)
      expect(stopped[0].err.message).to.match(/flushed to disk/)
      expect(JSON.stringify(stopped[0].err), 'with the cause').to.match(/EISDIR/)
      expect(
        lines.filter((l) => l.level >= 50),
        'no other error line',
      ).to.have.length(1)
    } finally {
      rmdirSync(wal)
      renameSync(`${wal}.kept`, wal)
    }
  })
})
