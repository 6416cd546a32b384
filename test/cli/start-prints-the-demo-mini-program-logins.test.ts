import { expect } from 'chai'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client } from '../helpers/app.js'
import { freePort, startLiaison, type Started } from '../helpers/process.js'

/** What the terminal shows once it has said everything about the first start. */
async function terminal(started: Started) {
  const deadline = Date.now() + 10_000
  while (!started.stderr().includes('Liaison is serving') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
  return started.stderr()
}

/**
 * Someone trying Liaison runs `npm start` and reads, under the console logins, whom to be in the
 * mini-program (README, "Try a resident's and a deputy's side"): each code printed signs in from
 * this computer as the person it names, and the deputy named holds messages to answer.
 */
describe('npm start prints the demo’s mini-program logins', function () {
  this.timeout(60_000)
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-start-mp-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('names a resident and a deputy whose codes sign in, once, on the first start only', async () => {
    const env = { LIAISON_DB: `sqlite:${join(dir, 'data', 'liaison.db')}` }
    const port = await freePort()
    const client = new Client(`http://127.0.0.1:${port}`)
    const first = await startLiaison(env, port)
    try {
      const printed = await terminal(first)
      expect(printed).to.include('Mini-program demo logins, from this computer only')
      expect(printed).to.match(/^ {2}demo:resident-4 {3}\(a resident with an answer to rate\)$/m)
      const deputyLine = printed.match(/^ {2}demo:deputy-(DP\d{4}) {3}\((\p{Script=Han}{2,3}), a deputy with (\d+) messages? to answer\)$/mu)
      expect(deputyLine, printed).to.not.equal(null)
      const [, code, name, open] = deputyLine!

      const resident = await client.post('/api/mp/login', { code: 'demo:resident-4' })
      expect(resident.status, JSON.stringify(resident.body)).to.equal(200)
      expect(resident.body.roles).to.deep.equal(['resident'])

      const deputy = await client.post('/api/mp/login', { code: `demo:deputy-${code}` })
      expect(deputy.status, JSON.stringify(deputy.body)).to.equal(200)
      expect(deputy.body.deputy.name).to.equal(name)
      const his = new Client(`http://127.0.0.1:${port}`)
      his.bearer = deputy.body.token
      const work = await his.get('/api/mp/deputy/cases')
      expect(work.body.items, 'the messages the terminal promised him').to.have.length(Number(open))
    } finally {
      await first.stop()
    }

    const second = await startLiaison(env, port)
    try {
      expect(await terminal(second)).not.to.include('demo:resident-4')
      // Not printed again, but still the demo: the codes still sign in.
      expect((await client.post('/api/mp/login', { code: 'demo:resident-4' })).status).to.equal(200)
    } finally {
      await second.stop()
    }
  })
})
