import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

/**
 * A message that waited in a station's queue: she was told only "由工作人员尽快分派代表". When staff give
 * it its first deputy she hears who has it, once; never of a deputy handing it back to the station, and
 * not again when it returns to the same deputy.
 */
describe('a resident whose message waited in the station queue', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  const toHer = async (residentId: string, caseId: string) =>
    (await app.liaison.store.outbox.search({ limit: 200 })).items
      .filter((m) => m.recipientKind === 'mp_user' && m.recipientId === residentId && m.payload.caseId === caseId)
      .map((m) => ({ kind: m.kind, text: m.payload.text, card: m.payload.cardText }))

  it('is told which deputy got it when staff first place it, and nothing of an internal hand-back', async () => {
    const her = await asResident(app)
    const sent = await her.post('/api/mp/cases', { text: '新华社区的公交站台太窄', regionId: 'c020101' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const { id, ticket } = sent.body as { id: string; ticket: string }
    expect(await toHer(her.userId, id), 'nothing yet: the station still has to choose').to.deep.equal([])

    const admin = await asAdmin(app)
    expect((await admin.post(`/api/admin/cases/${id}/assign`, { deputyId: 'dp0002' })).status).to.equal(200)
    const placed = await toHer(her.userId, id)
    expect(placed).to.have.length(1)
    expect(placed[0].kind).to.equal('case.placed')
    expect(placed[0].text).to.match(
      new RegExp(`^您\\d+月\\d+日反映的“新华社区的公交站台太窄”（编号 ${ticket}）已交给王芳代表办理，会在\\d+月\\d+日前（含当日）答复您。$`),
    )
    expect(placed[0].card).to.equal('已交给王芳代表办理')

    // 王芳 hands it back to the station: the station's own business, not hers.
    const wang = await asDeputy(app, 'dp0002')
    expect((await wang.post(`/api/mp/deputy/cases/${id}/transfer`, { reason: '这几天不在本地' })).status).to.equal(200)
    expect(await toHer(her.userId, id)).to.have.length(1)
    // Back with the same deputy: she already knows who has it.
    expect((await admin.post(`/api/admin/cases/${id}/assign`, { deputyId: 'dp0002' })).status).to.equal(200)
    expect((await toHer(her.userId, id)).map((m) => m.kind)).to.deep.equal(['case.placed'])
  })

  it('hears nothing more when routing chose her deputy at once (her page told her)', async () => {
    const her = await asResident(app)
    const sent = await her.post('/api/mp/cases', { text: '路灯坏了', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    expect(sent.body.statusText, 'what her page told her the moment she sent it').to.equal('已交给张伟代表，代表还没有看')
    expect(await toHer(her.userId, sent.body.id)).to.deep.equal([])
  })
})
