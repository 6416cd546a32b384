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
 * 赵阿姨, 71, wrote "光明社区5号楼楼道灯坏了…". The WeChat card that tells her of the answer goes to her
 * alone, yet her house number must not go on it (a card shows on a locked screen), and "光明社区（门牌号已隐去）
 * 楼道灯坏…" looks broken to her. Her card names her message without a mask: by her words before the
 * masked part when they say enough, else by the day she wrote it ("您11月23日的留言").
 */
describe('her own card names her message without redaction marks', function () {
  this.timeout(60_000)
  let app: TestApp & { fake: FakeWeChat }
  beforeEach(async () => {
    app = await startWithWeChat({
      wechat: { templates: { notice: { data: { thing1: '{title}', character_string2: '{ticket}', thing3: '{text}', time4: '{time}', thing5: '{excerpt}' } } } },
    })
  })
  afterEach(() => app.close())

  it('says 您11月23日的留言 when her house number comes almost first, and never shows the mask or the number', async () => {
    const zhao = await loginAs(app, 'o-zhao-ayi')
    await zhao.post('/api/mp/consent', { version: 'v3' })
    await subscribe(zhao, 'accept')
    const sent = await zhao.post('/api/mp/cases', { text: '光明社区5号楼楼道灯坏了，晚上黑得看不见台阶', regionId: 'c010102', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    await (await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/cases/${sent.body.id}/reply`, { text: '已请物业换了灯泡。' })
    await app.liaison.services.dispatcher.drain()

    const card = app.fake.sent().find((m) => m.touser === 'o-zhao-ayi')
    expect(card, 'her card was sent').not.to.equal(undefined)
    expect(card!.data.thing1.value).to.equal('留言已答复：您11月23日的留言')
    expect(card!.data.thing5.value).to.equal('您11月23日的留言')
    expect(JSON.stringify(card!.data), 'no mask, no number').not.to.include('已隐去').and.not.include('〔').and.not.include('5号楼')
  })

  it('keeps her words up to the masked part when they say enough, cut at the clause before it', () => {
    const c = (text: string): CaseRecord => ({ ...caseRecord({ id: 'c1', residentId: 'u1', text }), ticket: '20261123-0009' })
    const toHer: OutboxMessage = {
      id: 'm1',
      channel: 'auto',
      recipientKind: 'mp_user',
      recipientId: 'u1',
      kind: 'case.replied',
      payload: { caseId: 'c1', ticket: '20261123-0009', text: '张伟代表答复了您的留言' },
      dedupeKey: 'k',
      status: 'pending',
      attempts: 0,
      nextAttemptAt: new Date(),
      lastError: null,
      createdAt: new Date('2026-11-25T02:00:00Z'),
    }
    const card = (text: string) => messageContent(toHer, { case: c(text) }, 'Asia/Shanghai')
    expect(card('楼道的灯坏了一个月了，我家住5号楼2单元301').title).to.equal('留言已答复：楼道的灯坏了一个月了…')
    expect(card('小区门口的路灯坏了很久没人修，我的电话是13812345678').excerpt).to.equal('小区门口的路灯坏了很久没人修…')
    for (const text of ['楼道的灯坏了一个月了，我家住5号楼2单元301', '我的电话13812345678，路灯坏了']) {
      const { title, excerpt } = card(text)
      expect(title + excerpt, text)
        .not.to.include('已隐去')
        .and.not.include('〔')
        .and.not.include('13812345678')
    }
  })
})
