import { expect } from 'chai'
import { asAdmin, asDeputy, type Client, type TestApp } from '../helpers/app.js'
import { startWithBotApi } from '../helpers/bot-api.js'
import { buildCase, type Resident } from '../factories.js'
import { linaOnMonday } from '../helpers/lina-on-monday.js'
import { asStaff } from '../helpers/meetings.js'
import { refusedAndUnchanged } from '../helpers/refused-writes.js'
import { suggestionAt } from '../helpers/suggestions.js'

/**
 * Writes are held to the scope of reads, on a message: a resident wrote to 张伟 (dp0001) of 轻工街道代表联络站 (st001),
 * he answered, and 李娜 (its clerk) put it on the public list. The next station's clerk, another deputy and another
 * resident each try what the page offers its own people; none of it lands.
 */
describe('writes on a message by someone it does not belong to', () => {
  let app: TestApp
  let lina: Client
  let zhang: Client
  let author: Resident
  let id: string
  let other: string // a second message of st001, to merge into
  const staffRead = () => lina.get(`/api/admin/cases/${id}`)
  const deputyRead = () => zhang.get(`/api/mp/deputy/cases/${id}`)
  const residentRead = () => author.get(`/api/mp/cases/${id}`)
  const publicRead = () => lina.get(`/api/admin/cases/${id}/publication`)

  beforeEach(async () => {
    ;({ app, lina } = await linaOnMonday())
    zhang = await asDeputy(app, 'dp0001')
    const written = await buildCase(app, {
      text: '建设路小区门口的路灯坏了一个月，晚上出门看不清路',
      regionId: 'c010101',
      deputyCode: 'DP0001',
      publicConsent: true,
    })
    ;({ resident: author } = written)
    id = written.case.id
    other = (await buildCase(app, { text: '建设路小区门口路灯不亮', regionId: 'c010101', deputyCode: 'DP0001' })).case.id
    expect((await zhang.post(`/api/mp/deputy/cases/${id}/reply`, { text: '已联系路灯所，本周修好' })).status).to.equal(200)
    const shown = await lina.put(`/api/admin/cases/${id}/publication`, { question: '建设路小区门口的路灯坏了', answer: '已联系路灯所，本周修好' })
    expect(shown.status, JSON.stringify(shown.body)).to.equal(200)
  })
  afterEach(() => app.close())

  it("the next station's clerk can neither assign, reject, merge, urge, hand up, re-topic nor publish it", async () => {
    const zhoujie = await asStaff(app, 'zhoujie') // 马庄街道代表联络站 (st002)
    const path = `/api/admin/cases/${id}`
    await refusedAndUnchanged(
      [staffRead, deputyRead, residentRead, publicRead],
      [
        ['assign', () => zhoujie.post(`${path}/assign`, { deputyId: 'dp0004' })],
        ['reject', () => zhoujie.post(`${path}/reject`, { reason: '不属于受理范围' })],
        ['merge', () => zhoujie.post(`${path}/merge`, { intoCaseId: other })],
        ['urge', () => zhoujie.post(`${path}/urge`, { note: '请尽快' })],
        ['hand up', () => zhoujie.post(`${path}/hand-up`, { reason: '本站处理不了' })],
        ['change its topic', () => zhoujie.put(`${path}/topic`, { topic: '社区治理' })],
        ['publish it again', () => zhoujie.put(`${path}/publication`, { question: '改过的留言内容', answer: '改过的答复' })],
        ['take it off the public list', () => zhoujie.request('DELETE', `${path}/publication`)],
      ],
    )
  })

  it("the next station's clerk assigning or urging it among others is told it is not hers, and nothing changes", async () => {
    const zhoujie = await asStaff(app, 'zhoujie')
    const before = (await staffRead()).body
    // Never on her list: sent as nobody's, as the console would any message it does not show.
    const assigned = await zhoujie.post('/api/admin/cases-together/assign', { ids: [other], fromDeputyIds: { [other]: null }, deputyId: 'dp0004' })
    expect([assigned.status, assigned.body.assigned, assigned.body.text], JSON.stringify(assigned.body)).to.deep.equal([200, 0, '没有分派成功。'])
    expect(assigned.body.failed, 'said as a message she cannot see').to.deep.equal([{ id: other, message: '留言不存在' }])
    const urged = await zhoujie.post('/api/admin/cases-together/urge', { ids: [id, other] })
    expect([urged.status, urged.body.urged, urged.body.skipped], JSON.stringify(urged.body)).to.deep.equal([200, 0, ['2 条不归您管，未催办。']])
    expect((await staffRead()).body).to.deep.equal(before)
    expect((await lina.get(`/api/admin/cases/${other}`)).body.deputyId, 'still 张伟’s').to.equal('dp0001')
  })

  it('a message she handed up to the district office is no longer hers to act on, as it is no longer hers to read', async () => {
    const handed = (await buildCase(app, { text: '建设路公交站台太窄，雨天没处躲雨', regionId: 'c010101' })).case.id
    expect((await lina.post(`/api/admin/cases/${handed}/hand-up`, { reason: '本站处理不了' })).status).to.equal(200)
    const sunli = await asStaff(app, 'sunli') // 湛河区's office holds it now
    const path = `/api/admin/cases/${handed}`
    await refusedAndUnchanged(
      [() => sunli.get(path)],
      [
        ['read it', () => lina.get(path)],
        ['assign it', () => lina.post(`${path}/assign`, { deputyId: 'dp0001' })],
        ['reject it', () => lina.post(`${path}/reject`, { reason: '不属于受理范围' })],
        ['merge it', () => lina.post(`${path}/merge`, { intoCaseId: other })],
        ['change its topic', () => lina.put(`${path}/topic`, { topic: '社区治理' })],
      ],
    )
  })

  it('another deputy can neither reply to, forward nor transfer it', async () => {
    const zhao = await asDeputy(app, 'dp0004') // 赵敏, 马庄街道代表联络站
    const path = `/api/mp/deputy/cases/${id}`
    await refusedAndUnchanged(
      [staffRead, deputyRead, residentRead],
      [
        ['reply', () => zhao.post(`${path}/reply`, { text: '我来答复' })],
        ['forward', () => zhao.post(`${path}/forward`, { department: '市城管局' })],
        ['transfer', () => zhao.post(`${path}/transfer`, { deputyCode: 'DP0004', reason: '我来办' })],
      ],
    )
  })

  it('another resident can neither reopen it, change its phone nor withdraw its public consent', async () => {
    const stranger = await residentWithAMessage(app)
    await refusedAndUnchanged(
      [staffRead, residentRead, publicRead],
      [
        ['reopen', () => stranger.post(`/api/mp/cases/${id}/reopen`, { reason: '还没修好' })],
        ['change its phone', () => stranger.put(`/api/mp/me/cases/${id}/phone`, { phone: '13900001111' })],
        ['remove its phone', () => stranger.put(`/api/mp/me/cases/${id}/phone`, { phone: null })],
        ['withdraw its public consent', () => stranger.request('DELETE', `/api/mp/cases/${id}/public-consent`)],
      ],
    )
  })
})

/**
 * What a deputy keeps as his own: a suggestion he is still writing and an activity he reported. 王芳 (dp0002) sits at
 * the same station as 张伟 (dp0001), yet neither is hers to act on.
 */
describe("writes on a deputy's own suggestion and activity by another deputy", () => {
  let app: TestApp
  beforeEach(async () => void ({ app } = await linaOnMonday()))
  afterEach(() => app.close())

  it('another deputy can neither submit, share, cosign, decline nor rate his draft suggestion', async () => {
    const { id, zhang } = await suggestionAt(app, 'draft')
    const wang = await asDeputy(app, 'dp0002')
    const path = `/api/mp/deputy/suggestions/${id}`
    await refusedAndUnchanged(
      [() => zhang.get(path)],
      [
        ['submit it', () => wang.post(`${path}/submit`)],
        ['ask for cosigners', () => wang.post(`${path}/cosign-invitation`, { days: 7 })],
        ['cosign it', () => wang.post(`${path}/cosign`)],
        ['withdraw a cosign', () => wang.request('DELETE', `${path}/cosign`)],
        ['decline to cosign', () => wang.post(`${path}/cosign-decline`)],
        ['rate its answer', () => wang.post(`${path}/rating`, { score: 'dissatisfied' })],
      ],
    )
  })

  it('another deputy cannot send his returned activity again as hers', async () => {
    const zhang = await asDeputy(app, 'dp0001')
    const wang = await asDeputy(app, 'dp0002')
    const activity = (photo: string) => ({ kind: 'research', date: '2026-11-20', place: '建设路社区', text: '走访建设路社区老旧小区。', photos: [photo] })
    const reported = await zhang.post('/api/mp/records/activities', activity(await uploadedPhoto(app, zhang)))
    expect(reported.status, JSON.stringify(reported.body)).to.equal(201)
    // 李娜 sends it back to him to correct: now it may be sent again, by him.
    const returned = await (
      await asStaff(app, 'lina')
    ).post(`/api/admin/records/activities/${reported.body.id}/review`, { decision: 'return', reason: '请补充照片' })
    expect(returned.status, JSON.stringify(returned.body)).to.equal(200)
    const path = `/api/mp/records/activities/${reported.body.id}`
    await refusedAndUnchanged([() => zhang.get(path)], [['send it again', async () => wang.put(path, activity(await uploadedPhoto(app, wang)))]])
  })
})

/**
 * The chat holds the bot to the person it names (privacy-deputy proves 撤回): another resident's ticket is not hers to
 * score, comment on or reopen, and another deputy cannot answer a message by its short number in his chat.
 */
describe('writes through the chat on a message of someone else', () => {
  let app: TestApp
  let bot: Client
  let li: string
  let wang: string
  let zhang: string
  let c: { id: string; ticket: string }
  const person = async (contactId: string) => {
    const id = (await bot.post('/api/bot/people/resolve', { contactId })).body.personId as string
    await bot.post(`/api/bot/people/${id}/consent`, { version: 'v3' })
    return id
  }
  const deputyInChat = async (contactId: string, deputyId: string) => {
    const id = await person(contactId)
    const code = (await (await asAdmin(app)).post(`/api/admin/deputies/${deputyId}/binding-code`)).body.code
    expect((await bot.post(`/api/bot/people/${id}/bind`, { code })).status).to.equal(200)
    return id
  }
  const reads = () => [() => bot.get(`/api/bot/people/${li}/cases/${c.ticket}`), async () => (await asAdmin(app)).get(`/api/admin/cases/${c.id}`)]
  beforeEach(async () => {
    ;({ app, bot } = await startWithBotApi())
    ;[li, wang] = [await person('wx-li'), await person('wx-wang')]
    c = (await bot.post(`/api/bot/people/${li}/cases`, { text: '路灯坏了一个月', deputyCode: 'DP0001' })).body
    zhang = await deputyInChat('wx-zhangwei', 'dp0001')
  })
  afterEach(() => app.close())

  it('another deputy cannot acknowledge, answer or hand on an open message by its short number', async () => {
    const zhao = await deputyInChat('wx-zhaomin', 'dp0004') // 马庄街道代表联络站
    const his = `/api/bot/people/${zhao}/deputy/cases/${c.ticket.slice(-4)}`
    await refusedAndUnchanged(reads(), [
      ['acknowledge it', () => bot.post(`${his}/acknowledge`, {})],
      ['answer it', () => bot.post(`${his}/reply`, { text: '我来答复' })],
      ['hand it on', () => bot.post(`${his}/transfer`, { reason: '我来办', deputyCode: 'DP0004' })],
    ])
  })

  it('another resident cannot score, comment on or reopen her answered message', async () => {
    expect((await bot.post(`/api/bot/people/${zhang}/deputy/cases/${c.ticket.slice(-4)}/reply`, { text: '已联系路灯所' })).status).to.equal(200)
    const theirs = `/api/bot/people/${wang}/cases/${c.ticket}`
    await refusedAndUnchanged(reads(), [
      ['score it', () => bot.post(`${theirs}/rate`, { rating: 1 })],
      ['comment on it', () => bot.post(`${theirs}/comment`, { comment: '不满意' })],
      ['reopen it', () => bot.post(`${theirs}/reopen`, { reason: '还没修好' })],
    ])
  })
})

/** A photo the person uploaded from the mini-program, as the activity form does (a 1×1 PNG). */
async function uploadedPhoto(app: TestApp, person: Client) {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'photo.png')
  const answer = await person.post('/api/mp/uploads', form)
  expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
  return answer.body.url as string
}

/** A resident with a message of her own, so that she may do on hers what she tries on another's. */
async function residentWithAMessage(app: TestApp) {
  return (await buildCase(app, { text: '马庄路的垃圾桶满了没人收', regionId: 'c010201' })).resident
}
