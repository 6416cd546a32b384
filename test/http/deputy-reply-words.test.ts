import { expect } from 'chai'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

/**
 * 张伟 opens a new message in the mini-program, where the answer box sits beside 受理. He types
 * "收到" and taps 发送答复, as he would acknowledge it: the server refuses it as an answer (the
 * resident would be asked to rate "收到"), says what to do instead in plain words, and changes
 * nothing. So for "好的，我明天去看看" once he has acknowledged it, and "已处理" alone. A real
 * answer then goes out.
 */
describe('a deputy\'s answer that only says "收到" is refused', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  const repliedNotices = async (caseId: string) =>
    (await app.liaison.store.outbox.search({ limit: 50, kind: 'case.replied' })).items.filter((m) => (m.payload as { caseId?: string }).caseId === caseId)

  it('refuses "收到", "好的，我明天去看看" and "已处理" with 422 in words, changing nothing, and takes a real answer', async () => {
    const resident = await asResident(app)
    const zhang = await asDeputy(app, 'dp0001')
    const { body: c } = await resident.post('/api/mp/cases', { text: '楼道里的扶手断了', regionId: 'c010101', deputyCode: 'DP0001' })
    const before = (await zhang.get(`/api/mp/deputy/cases/${c.id}`)).body

    const received = await zhang.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '收到' })
    const tapAcknowledge = '这句话只告诉了群众“收到了”，还没说怎么办的。请先点“受理”，办好以后再答复，写明做了什么、结果怎样。'
    expect([received.status, received.body]).to.deep.equal([
      422,
      { error: { code: 'reply_only_acknowledges', message: tapAcknowledge, details: [{ path: 'body.text', message: tapAcknowledge }] } },
    ])
    const after = (await zhang.get(`/api/mp/deputy/cases/${c.id}`)).body
    expect([after.status, after.timeline], 'nothing changed: not answered, not even acknowledged').to.deep.equal([before.status, before.timeline])
    expect((await resident.get(`/api/mp/cases/${c.id}`)).body).to.include({ status: 'assigned', reply: null })
    expect(await repliedNotices(c.id), 'the resident is asked to rate nothing').to.deep.equal([])

    expect((await zhang.post(`/api/mp/deputy/cases/${c.id}/acknowledge`, {})).status).to.equal(200)
    const later = await zhang.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '好的，我明天去看看' })
    expect([later.status, later.body.error.code, later.body.error.message], 'acknowledged already: no 受理 to tap').to.deep.equal([
      422,
      'reply_only_acknowledges',
      '这句话只告诉了群众“收到了”，还没说怎么办的。请办好以后再答复，写明做了什么、结果怎样。',
    ])
    const bare = await zhang.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已处理' })
    expect([bare.status, bare.body.error.code, bare.body.error.message]).to.deep.equal([
      422,
      'reply_says_no_result',
      '“已处理”没有说做了什么，群众看了不知道结果。请写明做了什么、结果怎样，例如：已联系供电所，路灯昨天修好了。',
    ])
    expect((await resident.get(`/api/mp/cases/${c.id}`)).body).to.include({ status: 'acknowledged', reply: null })
    expect(await repliedNotices(c.id)).to.deep.equal([])

    const answered = await zhang.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已请物业换了新扶手。' })
    expect(answered.status, JSON.stringify(answered.body)).to.equal(200)
    expect((await resident.get(`/api/mp/cases/${c.id}`)).body).to.include({ status: 'replied', reply: '已请物业换了新扶手。' })
    expect(await repliedNotices(c.id)).to.have.length(1)
  })

  it('says a closed message cannot be answered before judging the words', async () => {
    const resident = await asResident(app)
    const zhang = await asDeputy(app, 'dp0001')
    const { body: c } = await resident.post('/api/mp/cases', { text: '楼道里的扶手断了', regionId: 'c010101', deputyCode: 'DP0001' })
    expect((await zhang.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已请物业换了新扶手。' })).status).to.equal(200)
    const again = await zhang.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '收到' })
    expect([again.status, again.body.error.code]).to.deep.equal([409, 'illegal_transition'])
  })
})
