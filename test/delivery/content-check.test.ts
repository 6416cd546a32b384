import { expect } from 'chai'
import { asAdmin, type TestApp } from '../helpers/app.js'
import { loginAs, startWithWeChat } from '../helpers/wechat.js'
import type { FakeWeChat } from '../fakes/wechat-api.js'

describe("checking residents' text with WeChat (msg_sec_check)", () => {
  let app: TestApp & { fake: FakeWeChat }
  let resident: Awaited<ReturnType<typeof loginAs>>
  beforeEach(async () => {
    app = await startWithWeChat({ wechat: { contentCheck: true } })
    resident = await loginAs(app, 'o-writer')
    await resident.post('/api/mp/consent', { version: 'v3' })
  })
  afterEach(() => app.close())

  const count = async () => (await app.liaison.store.cases.search({ limit: 50 })).items.length

  it('refuses a risky text politely and keeps nothing of it', async () => {
    app.fake.setContentVerdict(/赌场/, 'risky')
    const answer = await resident.post('/api/mp/cases', { text: '欢迎来线上赌场', regionId: 'c010101' })
    expect(answer.status).to.equal(422)
    expect(answer.body.error).to.include({ code: 'content_refused', message: '您提交的内容可能含有不适宜发布的信息，请修改后再提交' })
    expect(await count()).to.equal(0)
    expect(app.fake.received('/wxa/msg_sec_check')[0].body).to.deep.include({ version: 2, scene: 2, openid: 'o-writer', content: '欢迎来线上赌场' })
  })

  it('accepts a text WeChat wants reviewed, flagged for staff', async () => {
    app.fake.setContentVerdict(/投诉.*领导/, 'review')
    const answer = await resident.post('/api/mp/cases', { text: '我要投诉某领导不作为', regionId: 'c010101' })
    expect(answer.status).to.equal(201)
    const staffView = await (await asAdmin(app)).get(`/api/admin/cases/${answer.body.id}`)
    expect(staffView.body.flaggedForReview).to.equal(true)
    expect(staffView.body.timeline.map((e: { type: string }) => e.type)).to.include('flagged')
  })

  it('never loses a message because the check is down: accepted and flagged', async () => {
    await app.fake.refuseConnections(true)
    const answer = await resident.post('/api/mp/cases', { text: '路灯坏了', regionId: 'c010101' })
    expect(answer.status).to.equal(201)
    expect((await app.liaison.store.cases.get(answer.body.id))!.flaggedForReview).to.equal(true)
    await app.fake.refuseConnections(false)
    const clean = await resident.post('/api/mp/cases', { text: '垃圾清运', regionId: 'c010101' })
    expect((await app.liaison.store.cases.get(clean.body.id))!.flaggedForReview).to.equal(false)
  })
})
