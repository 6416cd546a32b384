import { expect } from 'chai'
import { DIGEST_JOB } from '../../src/jobs/digest-job.js'
import { asAdmin, type TestApp } from '../helpers/app.js'
import { meetingBody } from '../helpers/meetings.js'
import { loginAs, ROBOT_KEYS, startWithWeChat } from '../helpers/wechat.js'
import type { FakeWeChat } from '../fakes/wechat-api.js'

type App = TestApp & { fake: FakeWeChat }
const QINGGONG_ROBOT = 'robot-key-qinggong'

/** A deputy's news is theirs alone; a station's group hears only what is the station's business. */
describe('personal messages never go to a group', () => {
  let app: App
  beforeEach(async () => {
    // 轻工街道 (st001, home of 张伟 dp0001) has a WeCom group robot too.
    app = await startWithWeChat({ wecom: { robots: { ...ROBOT_KEYS, 'station:st001': QINGGONG_ROBOT } } })
    app.fake.addRobotKey(QINGGONG_ROBOT)
  })
  afterEach(() => app.close())

  const UNREACHABLE = '未能送达：该代表未使用小程序，也未绑定微信助手'

  it("keeps a deputy's meeting notice and digest out of the station's group and shows organizers 未能送达 with the reason", async () => {
    let office = await asAdmin(app)
    const { body: meeting } = await office.post('/api/admin/meetings', meetingBody({ selector: { deputyIds: ['dp0001'] } }))
    await office.post(`/api/admin/meetings/${meeting.id}/publish`)
    const resident = await loginAs(app, 'o-resident')
    await resident.post('/api/mp/consent', { version: 'v3' })
    await resident.post('/api/mp/cases', { text: '我家住建设路88号3单元，楼下烧烤油烟太大', deputyCode: 'DP0001' })
    app.clock.set(new Date('2026-11-24T00:00:00Z')) // Tuesday 08:00: the digest's time
    await app.liaison.jobs.find((j) => j.name === DIGEST_JOB)!.run()
    await app.liaison.services.dispatcher.drain()

    expect(app.fake.robotMessages(QINGGONG_ROBOT), 'nothing personal in the group').to.deep.equal([])
    office = await asAdmin(app) // a new day, a new console session
    const { body } = await office.get('/api/admin/outbox?recipientId=dp0001')
    const byKind = Object.fromEntries(body.items.map((m: { kind: string }) => [m.kind, m]))
    for (const kind of ['meeting.notice', 'case.assigned', 'digest']) {
      expect(byKind[kind], kind).to.deep.include({ status: 'dead', lastError: UNREACHABLE })
      expect(byKind[kind].delivery, kind).to.deep.equal({ state: 'undeliverable', label: '未能送达', reason: UNREACHABLE })
    }
    // Once the deputy has a way (here: the mini-program and a subscription), it goes out without an admin's 重新发送:
    // binding put the week's 未能送达 notices back (unreachable-revival.ts), so there is no dead one left to retry.
    const { body: code } = await office.post('/api/admin/deputies/dp0001/binding-code')
    const deputy = await loginAs(app, 'o-zhangwei')
    await deputy.post('/api/mp/bind', { bindCode: code.code })
    await deputy.post('/api/mp/subscriptions', { results: { TPL_NOTICE_0001: 'accept' } })
    expect((await office.post(`/api/admin/outbox/${byKind['meeting.notice'].id}/retry`)).status).to.equal(409)
    await app.liaison.services.dispatcher.drain()
    expect(app.fake.sent().map((m) => m.touser)).to.deep.equal(['o-zhangwei'])
    expect((await office.get('/api/admin/outbox?recipientId=dp0001&kind=meeting.notice')).body.items[0].delivery).to.deep.equal({
      state: 'sent',
      label: '已送达',
      reason: null,
    })
  })

  it("tells a station's group of a new message without the resident's words, phone or address", async () => {
    const resident = await loginAs(app, 'o-resident')
    await resident.post('/api/mp/consent', { version: 'v3' })
    // 新华街道 (st004) has no deputy: the message waits in its staff's queue, announced in their group.
    const { body: c } = await resident.post('/api/mp/cases', { text: '我叫王大爷，住新华路88号3单元，电话13912345678，楼下烧烤油烟太大', regionId: 'c020101' })
    await app.liaison.services.dispatcher.drain()
    const posts = app.fake.robotMessages(ROBOT_KEYS['station:st004'])
    expect(posts).to.have.length(1)
    const text = JSON.stringify(posts[0].body)
    expect(text).to.include(c.ticket)
    for (const secret of ['王大爷', '新华路88号', '13912345678', '烧烤']) expect(text, secret).not.to.include(secret)
  })
})
