import { expect } from 'chai'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client } from '../helpers/app.js'
import { freePort, startLiaison } from '../helpers/process.js'
import { smallCity } from '../fixtures.js'

/**
 * README "上线 / Going live": a district office starts Liaison on a new store with LIAISON_DEMO=off. No
 * fictional city and no demo accounts appear, only the built-in admin's login is printed, and the
 * first import of its own roster says nothing of a demo.
 */
describe('npm start for real: LIAISON_DEMO=off', function () {
  this.timeout(60_000)
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-live-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('starts empty, prints only the admin login, and imports the office roster with no word of a demo', async () => {
    const port = await freePort()
    const live = await startLiaison({ LIAISON_DB: `sqlite:${join(dir, 'live.db')}`, LIAISON_DEMO: 'off', LIAISON_ADMIN_PASSWORD: 'wutong-admin-2026' }, port)
    try {
      const client = new Client(`http://127.0.0.1:${port}`)
      expect((await client.get('/api/mp/regions')).body.items, 'no demo city').to.deep.equal([])
      expect((await client.get('/api/mp/deputies/DP0001')).status).to.equal(404)
      expect(live.stderr()).not.to.match(/Console logins|demo:/)

      const admin = await new Client(`http://127.0.0.1:${port}`).login('admin', 'wutong-admin-2026')
      expect((await admin.get('/api/admin/directory/summary')).body).to.include({ regions: 0, stations: 0, deputies: 0, staff: 1 })
      const imported = await admin.post('/api/admin/directory/import', smallCity())
      expect(imported.status, JSON.stringify(imported.body)).to.equal(200)
      expect(imported.body.warnings.filter((w: string) => w.includes('演示'))).to.deep.equal([])
    } finally {
      await live.stop()
    }
  })
})
