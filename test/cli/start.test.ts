import { expect } from 'chai'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client } from '../helpers/app.js'
import { freePort, startLiaison } from '../helpers/process.js'

describe('npm start on a fresh machine', function () {
  this.timeout(60_000)
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-start-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('serves the demo city on the embedded store, prints the logins once, and keeps them across restarts', async () => {
    const env = { LIAISON_DB: `sqlite:${join(dir, 'data', 'liaison.db')}` }
    const port = await freePort()
    const first = await startLiaison(env, port)
    try {
      const client = new Client(`http://127.0.0.1:${port}`)
      const regions = (await client.get('/api/mp/regions')).body.items
      expect(regions.length).to.be.within(3, 5)
      const deputy = await client.get('/api/mp/deputies/DP0001')
      expect(deputy.status).to.equal(200)
      expect(deputy.body.name).to.match(/^\p{Script=Han}{2,3}$/u)
      const printed = first.stderr()
      const admin = printed.match(/^ {2}admin \/ (\S+)/m)
      expect(admin, printed).to.not.equal(null)
      const staff = [...printed.matchAll(/^ {2}([a-z][a-z0-9]+) \/ (\S+) {3}\(/gm)].filter((m) => m[1] !== 'admin')
      expect(staff.length).to.be.greaterThan(10)
      await client.login(staff[0][1], staff[0][2])
      expect((await client.get('/api/admin/directory/summary')).body.deputies).to.equal(60)
      const office = await new Client(`http://127.0.0.1:${port}`).login('admin', admin![1])
      const meetings = (await office.get('/api/admin/meetings')).body.items
      expect(
        meetings.map((m: { title: string; statusLabel: string }) => `${m.title} ${m.statusLabel}`),
        'the demo has a published meeting',
      ).to.deep.equal(['市人大常委会第十次会议 已发布'])
      const cases = (await office.get('/api/admin/cases?limit=100')).body.items
      expect(cases, "the console shows residents' messages from the first start").to.have.length(8)
    } finally {
      await first.stop()
    }
    const keyFile = join(dir, 'data', 'secret.key')
    expect(existsSync(keyFile)).to.equal(true)
    expect(statSync(keyFile).mode & 0o077, 'the key file is private').to.equal(0)

    const second = await startLiaison(env, port)
    try {
      expect(second.stderr()).not.to.match(/Console logins/)
      const client = new Client(`http://127.0.0.1:${port}`)
      expect((await client.get('/api/mp/deputies/DP0001')).status).to.equal(200)
    } finally {
      await second.stop()
    }
  })
})
