import { expect } from 'chai'
import { asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { caseCity } from '../fixtures.js'

/**
 * 王阿姨 wrote to 张伟 about the overpass of a city road. 李娜, clerk of 轻工街道代表联络站, hands it up to 湛河区's
 * office (上报): it is the district's matter. She used to hear nothing until the office gave it to someone; now she is
 * told once, in plain words, where it went and that the day she was given stands, with nothing of the clerk's reason.
 * When 孙丽 of the office gives it to 赵敏, she hears who has it now, as at any change of deputy.
 */
describe('a resident is told when station staff hand her message up (上报)', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  const toHer = async (residentId: string, caseId: string) =>
    (await app.liaison.store.outbox.search({ limit: 200 })).items
      .filter((m) => m.recipientKind === 'mp_user' && m.recipientId === residentId && m.payload.caseId === caseId)
      .map((m) => ({ kind: m.kind, text: m.payload.text as string, card: m.payload.cardText as string }))

  it('hears once that it went to the district office, and later who has it', async () => {
    const her = await asResident(app)
    const sent = await her.post('/api/mp/cases', { text: '建设路和城市快速路交叉口的人行天桥台阶塌了一块', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const { id, ticket } = sent.body as { id: string; ticket: string }
    expect(await toHer(her.userId, id), 'her page told her who has it').to.deep.equal([])

    const lina = await asStaff(app, 'lina')
    const handed = await lina.post(`/api/admin/cases/${id}/hand-up`, { reason: '城市快速路的天桥归区里协调，张伟代表不熟悉情况', fromDeputyId: 'dp0001' })
    expect(handed.status, JSON.stringify(handed.body)).to.equal(200)

    const told = await toHer(her.userId, id)
    expect(told).to.have.length(1)
    expect(told[0].kind).to.equal('case.handed_up')
    expect(told[0].text).to.match(
      new RegExp(
        `^您\\d+月\\d+日反映的“建设路和城市快速路交叉口[^”]*”（编号 ${ticket}）` +
          '已转交湛河区人大常委会办公室办理，将由湛河区人大办安排代表，会在\\d+月\\d+日前（含当日）答复您。$',
      ),
    )
    expect(told[0].text, 'nothing of the clerk’s reason').not.to.include('不熟悉')
    expect(told[0].card).to.equal('已转交湛河区人大办办理')

    // 孙丽 gives it to 赵敏: she hears who has it now; the hand-up is not told again.
    expect((await (await asStaff(app, 'sunli')).post(`/api/admin/cases/${id}/assign`, { deputyId: 'dp0004' })).status).to.equal(200)
    expect((await toHer(her.userId, id)).map((m) => m.kind)).to.deep.equal(['case.handed_up', 'case.transferred'])
  })
})
