import { expect } from 'chai'
import { SLA_JOB } from '../../src/jobs/sla-job.js'
import type { FakeWeChat } from '../fakes/wechat-api.js'
import { asDeputy, asResident, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { ROBOT_KEYS, startWithWeChat } from '../helpers/wechat.js'

const HOUR = 3_600_000
const QINGGONG_ROBOT = 'robot-key-qinggong'
const WEBHOOK = '/cgi-bin/webhook/send'
const NOT_SENT = '超期督办：给轻工街道代表联络站的督办提醒没有发出（留言已有新的进展）'

/**
 * Review 47: 张伟 let a day pass without acknowledging a resident's message, and the SLA job wrote a 督办 for his
 * station's group, "督办：留言 … 已过受理期限，请督促办理。" WeCom was busy, so the report waited for its retry. Meanwhile
 * 张伟 acknowledged it, or staff moved it to another deputy. 李娜 and her colleagues must not then be told to chase a
 * message already acknowledged, nor one that is no longer their station's: the clerk would phone him for nothing. The
 * timeline says the report was not sent, and why.
 */
describe('a 督办 that waited for a retry reaches the station only while it is still true', function () {
  this.timeout(60_000)
  let app: TestApp & { fake: FakeWeChat }
  afterEach(() => app.close())

  const sla = () => app.liaison.jobs.find((j) => j.name === SLA_JOB)!.run()
  const drain = () => app.liaison.services.dispatcher.drain()
  const toQinggong = () => app.fake.robotMessages(QINGGONG_ROBOT).map((p) => JSON.stringify(p.body))
  const reportRow = async () => (await app.liaison.store.outbox.search({ limit: 10, kind: 'case.escalated' })).items
  const escalations = async (id: string) =>
    (await (await asStaff(app, 'lina')).get(`/api/admin/cases/${id}`)).body.timeline
      .filter((e: { type: string }) => e.type === 'escalated')
      .map((e: { label: string }) => e.label)

  /** A resident writes to 张伟 on Monday 10:00; on Tuesday 11:00 his day to acknowledge has passed, and WeCom is busy. */
  async function lateAndWaiting() {
    // 轻工街道 (st001, 张伟's station) has a WeCom group robot.
    app = await startWithWeChat({ wecom: { robots: { ...ROBOT_KEYS, 'station:st001': QINGGONG_ROBOT } } })
    app.fake.addRobotKey(QINGGONG_ROBOT)
    const sent = await (await asResident(app)).post('/api/mp/cases', { text: '小区门口的垃圾好几天没人清运', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    await drain()
    app.clock.advance(25 * HOUR)
    await sla()
    app.fake.failNext(WEBHOOK, -1, 1, 'system busy')
    await drain()
    const [report] = await reportRow()
    expect(report.payload.text).to.equal(`督办：留言 ${sent.body.ticket} 已过受理期限，请督促办理。`)
    expect(report.status, 'waits for its retry').to.equal('failed')
    expect(toQinggong()).to.deep.equal([])
    return { id: sent.body.id as string, ticket: sent.body.ticket as string }
  }

  it('is not sent once 张伟 has acknowledged the message, and the console says why', async () => {
    const { id } = await lateAndWaiting()
    expect((await (await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/cases/${id}/acknowledge`, {})).status).to.equal(200)
    app.clock.advance(HOUR)
    await drain()

    expect(
      toQinggong().filter((t) => t.includes('督办')),
      'the group is not asked to chase an acknowledged message',
    ).to.deep.equal([])
    const why = '已被后来的变化取代，未发送（代表已受理，不用再督办）'
    expect((await reportRow())[0]).to.deep.include({ status: 'dead', lastError: why })
    expect(await escalations(id)).to.deep.equal([NOT_SENT])
  })

  it('is not sent to 轻工街道 once 孙丽 moved the message to 赵敏 of 马庄街道 while the report was on its way', async () => {
    const { id } = await lateAndWaiting()
    // The retry is under way (WeCom slow to answer, then busy again) as 孙丽 of 湛河区's office gives it to 赵敏 (st002).
    app.clock.advance(HOUR)
    app.fake.delay(WEBHOOK, 1_500)
    app.fake.failNext(WEBHOOK, -1, 1, 'system busy')
    const retrying = drain()
    while (app.fake.received(WEBHOOK).length < 2) await new Promise((r) => setTimeout(r, 20))
    const sunli = await asStaff(app, 'sunli')
    const moved = await sunli.post(`/api/admin/cases/${id}/assign`, { deputyId: 'dp0004', fromDeputyId: 'dp0001' })
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200)
    await retrying
    app.fake.delay(WEBHOOK, 0)
    expect((await reportRow())[0].status, 'its retry failed too: it would go next time').to.equal('failed')

    app.clock.advance(HOUR)
    await drain()
    expect(
      toQinggong().filter((t) => t.includes('督办')),
      "轻工街道 cannot open 马庄街道's message",
    ).to.deep.equal([])
    expect((await reportRow())[0]).to.deep.include({ status: 'dead', lastError: '已被后来的变化取代，未发送' })
  })

  it('is taken back when 李娜 gives the message to 王芳 of her own station: she has a day of her own to acknowledge', async () => {
    const { id } = await lateAndWaiting()
    const moved = await (await asStaff(app, 'lina')).post(`/api/admin/cases/${id}/assign`, { deputyId: 'dp0002', fromDeputyId: 'dp0001' })
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200)
    app.clock.advance(HOUR)
    await drain()

    expect(
      toQinggong().filter((t) => t.includes('督办')),
      'not "已过受理期限" about a message 王芳 was given an hour ago',
    ).to.deep.equal([])
    expect(await escalations(id)).to.deep.equal([NOT_SENT])
  })
})
