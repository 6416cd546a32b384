import { expect } from 'chai'
import { createHash } from 'node:crypto'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { smallCity } from '../fixtures.js'
import { hashToken } from '../../src/services/accounts/auth.js'

/**
 * A mini-program request reads its session and the person behind it in one go: who they
 * are, whether they are a deputy, which privacy notice they agreed to.
 */
describe('mini-program sessions', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: smallCity() })
  })
  afterEach(() => app.close())

  it('knows a deputy from a resident, and the notice each agreed to', async () => {
    const deputy = await asDeputy(app, 'dp0001')
    const resident = await asResident(app)
    const notYet = await asResident(app, undefined, { consent: false })
    expect((await deputy.get('/api/mp/deputy/cases')).status).to.equal(200)
    const refused = await resident.get('/api/mp/deputy/cases')
    expect(refused.status).to.equal(403)
    expect(refused.body.error.code).to.equal('not_a_deputy')
    const message = { text: '小区门口的路灯坏了', regionId: 'c010101' }
    expect((await resident.post('/api/mp/cases', message)).status).to.equal(201)
    const unconsented = await notYet.post('/api/mp/cases', message)
    expect(unconsented.status).to.equal(422)
    expect(unconsented.body.error.code).to.equal('consent_required')
  })

  it('says a session has expired after 30 days, once, and forgets it', async () => {
    const resident = await asResident(app)
    expect((await resident.get('/api/mp/me')).status).to.equal(200)
    app.clock.advance(31 * 86_400_000)
    const expired = await resident.get('/api/mp/me')
    expect(expired.status).to.equal(401)
    expect(expired.body.error).to.include({ code: 'session_expired', message: '登录已过期，请重新进入小程序' })
    const again = await resident.get('/api/mp/me')
    expect(again.status).to.equal(401)
    expect(again.body.error.code).to.equal('unauthorized')
  })

  it("refuses a console session's token and a session whose person is gone", async () => {
    const resident = await asResident(app)
    // A day-long session for a token, written straight to the store as a login would.
    const sessionFor = async (token: string, subjectKind: 'staff' | 'mp_user', subjectId: string) => {
      const now = app.clock.now()
      const expiresAt = new Date(now.getTime() + 86_400_000)
      await app.liaison.store.sessions.create({
        id: `se-${subjectId}`,
        tokenHash: hashToken(token),
        subjectKind,
        subjectId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
      })
    }
    await sessionFor('staff-token-0000000000000', 'staff', 'admin')
    await sessionFor('orphan-token-000000000000', 'mp_user', 'mu-nobody')
    for (const token of ['staff-token-0000000000000', 'orphan-token-000000000000']) {
      resident.bearer = token
      const refused = await resident.get('/api/mp/me')
      expect(refused.status, token).to.equal(401)
      expect(refused.body.error.code).to.equal('unauthorized')
    }
  })

  it('still signs in a person whose session was stored by an earlier version (the token hash keeps its form)', async () => {
    const person = await app.liaison.services.mpSessions.userForOpenid('o-signed-in-last-month')
    const now = app.clock.now()
    const token = 'token-from-last-month-00000000'
    await app.liaison.store.sessions.create({
      id: 'se-last-month',
      // Written as every earlier version wrote it: SHA-256 of the token, base64url.
      tokenHash: createHash('sha256').update(token).digest('base64url'),
      subjectKind: 'mp_user',
      subjectId: person.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 86_400_000),
    })
    const resident = await asResident(app)
    resident.bearer = token
    const me = await resident.get('/api/mp/me')
    expect(me.status).to.equal(200)
  })
})
