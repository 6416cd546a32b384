import { expect } from 'chai'
import { asDeputy } from '../helpers/app.js'
import { loginAs, startWithWeChat, subscribe } from '../helpers/wechat.js'
import type { FakeWeChat } from '../fakes/wechat-api.js'
import type { TestApp } from '../helpers/app.js'
import { messageContent } from '../../src/services/delivery/content.js'
import type { CaseRecord } from '../../src/domain/case.js'
import type { OutboxMessage } from '../../src/store/ports.js'
import { caseRecord } from '../store/records.js'

/**
 * 老李 has two messages open. The card that says 代表已看到留言 names which one by its first words
 * (a number alone tells her nothing), within the 20 characters of a thing keyword, her phone
 * number masked and never cut in half; a template with a keyword of its own ({excerpt}) gets
 * as many of her words as it holds. The deputy's card names the kind alone.
 */
describe("a resident's subscribe card names her message by its first words", function () {
  this.timeout(60_000)
  let app: TestApp & { fake: FakeWeChat }
  beforeEach(async () => {
    app = await startWithWeChat({
      wechat: { templates: { notice: { data: { thing1: '{title}', character_string2: '{ticket}', thing3: '{text}', time4: '{time}', thing5: '{excerpt}' } } } },
    })
  })
  afterEach(() => app.close())

  it('puts her words, masked and cut whole, on the thing keywords of her card', async () => {
    const resident = await loginAs(app, 'o-laoli')
    await resident.post('/api/mp/consent', { version: 'v3' })
    await subscribe(resident, 'accept', 10)
    const sent = await resident.post('/api/mp/cases', { text: '我家楼道的灯坏了，电话13812345678', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${sent.body.id}/acknowledge`)).status).to.equal(200)
    await app.liaison.services.dispatcher.drain()

    const card = app.fake.sent().find((x) => x.touser === 'o-laoli' && x.data.character_string2?.value === sent.body.ticket)
    expect(card, 'her card was sent').to.not.equal(undefined)
    const data = Object.fromEntries(Object.entries(card!.data).map(([k, v]) => [k, v.value]))
    expect(data.thing1).to.equal('代表已看到留言：我家楼道的灯坏了…')
    // Her words up to the number, never a mask on her own card (her-card-names-her-message-without-masks).
    expect(data.thing5).to.equal('我家楼道的灯坏了…')
    for (const key of ['thing1', 'thing5']) expect(Array.from(data[key]!).length, key).to.be.at.most(20)
    expect(JSON.stringify(card), 'no number on a locked screen').not.to.include('13812345678').and.not.to.include('5678')
  })

  it('cuts before a number rather than inside it, and leaves a deputy’s card to its kind', () => {
    const c: CaseRecord = { ...caseRecord({ id: 'c1', residentId: 'u1', text: '小区东门编号A1234567的路灯坏了' }), ticket: '20261205-0001' }
    const message = (recipientKind: OutboxMessage['recipientKind'], recipientId: string): OutboxMessage => ({
      id: 'm1',
      channel: 'auto',
      recipientKind,
      recipientId,
      kind: 'case.replied',
      payload: { caseId: 'c1', ticket: c.ticket, text: '张伟代表答复了您的留言' },
      dedupeKey: 'k',
      status: 'pending',
      attempts: 0,
      nextAttemptAt: new Date(),
      lastError: null,
      createdAt: new Date('2026-12-05T02:00:00Z'),
    })
    expect(messageContent(message('mp_user', 'u1'), { case: c }, 'Asia/Shanghai').title).to.equal('留言已答复：小区东门编号…')
    expect(messageContent(message('deputy', 'dp1'), { case: c }, 'Asia/Shanghai').title).to.equal('留言已答复')

    // Her phone number is masked （已隐去） on her card; the cut never leaves half a mask on her locked screen.
    const phone: CaseRecord = { ...c, text: '路灯坏了请您拨打电话13800001234找我' }
    const title = messageContent(message('mp_user', 'u1'), { case: phone }, 'Asia/Shanghai').title
    expect(title).to.equal('留言已答复：路灯坏了请您拨打电话…')
    expect(title).not.to.include('〔').and.not.include('（已隐')
  })
})
