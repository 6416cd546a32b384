import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

/**
 * The privacy notice tells 王阿姨 “也可以联系联络站” and, of a 称呼 the masking missed, “如有发现，请联系联络站处理”.
 * She phones 轻工街道代表联络站; 李娜, its clerk, opens the message she names and does it there: hides the 称呼 from what
 * the deputy and the public page read, or deletes her information as her own 删除我的信息 would. 周杰 of another station
 * can do neither, and an anonymous message's writer stays unknown to the clerk.
 */
describe('a station clerk does what a resident asks about her data, on her message', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  const clerk = (username: string) => new Client(app.baseUrl).login(username, STAFF_PASSWORD)
  const TEXT = '隔壁老赵大哥和铁柱哥家的狗天天半夜叫，影响休息，希望社区管一管。'

  /** Her message, answered by its deputy and published with her agreement (公开选登), as the public page reads it. */
  async function publishedMessage() {
    const wang = await asResident(app, 'o-wang-ayi')
    const { body: c } = await wang.post('/api/mp/cases', { text: TEXT, regionId: 'c010101', publicConsent: true })
    const deputyId = (await app.liaison.store.cases.get(c.id))!.deputyId!
    const deputy = await asDeputy(app, deputyId)
    expect((await deputy.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已联系社区和铁柱哥，约好明天上门沟通。' })).status).to.equal(200)
    const admin = await asAdmin(app)
    const { draft } = (await admin.get(`/api/admin/cases/${c.id}/publication`)).body
    expect((await admin.put(`/api/admin/cases/${c.id}/publication`, draft)).status).to.equal(200)
    return { c, deputy, admin }
  }
  const publicQuestion = async (caseId: string) =>
    ((await new Client(app.baseUrl).get('/api/public/cases')).body.items as Array<{ id: string; question: string }>).find((p) => p.id === caseId)!.question

  it('hides a missed 称呼 from what the deputy and the public page read, tells her and him it was done, and records the words', async () => {
    const { c, deputy, admin } = await publishedMessage()
    const wang = await asResident(app, 'o-wang-ayi')
    // Before: the deputy reads both names, and the public page shows the one the masking missed.
    expect((await deputy.get(`/api/mp/deputy/cases/${c.id}`)).body.text)
      .to.include('老赵大哥')
      .and.include('铁柱哥')
    expect(await publicQuestion(c.id)).to.include('铁柱哥')

    const lina = await clerk('lina')
    const first = await lina.post(`/api/admin/cases/${c.id}/hide-words`, { words: '铁柱哥' })
    expect(first.status).to.equal(200)
    expect(first.body).to.include({ places: 1, mask: '某某' })
    expect(first.body.message).to.equal(`已在留言 ${c.ticket} 里隐去 1 处，现在显示为“某某”。代表、联络站和公开的页面都只能看到“某某”。`)
    // A 称呼 pii-mask knows the shape of is masked in that shape.
    expect((await lina.post(`/api/admin/cases/${c.id}/hide-words`, { words: '老赵大哥' })).body.mask).to.equal('某大哥')

    const read = (await deputy.get(`/api/mp/deputy/cases/${c.id}`)).body.text
    expect(read).to.equal('隔壁某大哥和某某家的狗天天半夜叫，影响休息，希望社区管一管。')
    expect(await publicQuestion(c.id))
      .to.include('某某')
      .and.not.include('铁柱哥')
    expect((await lina.get(`/api/admin/cases/${c.id}`)).body.text).not.to.include('铁柱哥')
    // The deputy's answer is his: published as he gave it, never changed by 隐去.
    const answer = ((await new Client(app.baseUrl).get('/api/public/cases')).body.items as Array<{ id: string; answer: string }>).find(
      (p) => p.id === c.id,
    )!.answer
    expect(answer).to.include('已联系社区和铁柱哥')

    // Nobody reads the changed text as hers without knowing: her 办理经过 and the deputy's say it, never the words.
    const hers = (await wang.get(`/api/mp/cases/${c.id}`)).body.timeline.map((s: { label: string }) => s.label)
    expect(hers).to.include('联络站按您的要求隐去了留言里的 1 处称呼')
    const his = (await deputy.get(`/api/mp/deputy/cases/${c.id}`)).body.timeline
    const hidden = his.filter((s: { label: string }) => s.label === '联络站隐去了留言里的 1 处称呼')
    expect(hidden).to.have.length(2)
    expect(JSON.stringify(hidden)).not.to.include('铁柱哥').and.not.include('老赵')

    // 操作记录 keeps the words, for the office to check a wrong hiding.
    const audit = (await admin.get('/api/admin/audit?action=case.words_hidden')).body.items
    expect(audit).to.have.length(2)
    expect(audit[0].actorWords).to.match(/^李娜/)
    expect(audit.map((e: { detailWords: string }) => e.detailWords)).to.deep.equal(['隐去“老赵大哥”，1 处，换成“某大哥”', '隐去“铁柱哥”，1 处，换成“某某”'])
  })

  it('hides only a name or 称呼, never her complaint: a phrase, a number, a sentence or a common word is refused', async () => {
    const wang = await asResident(app, 'o-wang-ayi')
    const COMPLAINT = '物业不作为，张主任收钱了才给修电梯，已经坏了30天。'
    const { body: c } = await wang.post('/api/mp/cases', { text: COMPLAINT, regionId: 'c010101' })
    const lina = await clerk('lina')
    for (const words of ['物业不作为', '张主任收钱', '30', '已经坏了30天', COMPLAINT, '电梯 坏了', '修']) {
      const refused = await lina.post(`/api/admin/cases/${c.id}/hide-words`, { words })
      expect(refused.status, words).to.equal(400)
      expect(refused.body.error.code, words).to.equal('words_not_a_name')
      expect(refused.body.error.message, words).to.match(/^只能隐去人名或称呼：/)
      expect(refused.body.error.details[0].path).to.equal('body.words')
    }
    expect((await app.liaison.store.cases.get(c.id))!.text).to.equal(COMPLAINT)
    // A word the message uses in many places is part of what she says, not a name.
    const { body: many } = await wang.post('/api/mp/cases', {
      text: '楼道灯坏了，楼道里很黑，楼道台阶又陡，老人晚上上下楼道很危险，希望物业尽快把灯修好，再装一个扶手，方便大家进出。',
      regionId: 'c010101',
    })
    const often = await lina.post(`/api/admin/cases/${many.id}/hide-words`, { words: '楼道' })
    expect(often.status).to.equal(400)
    expect(often.body.error.message).to.equal('只能隐去人名或称呼：这几个字在留言里有 4 处，超过 3 处，不像是称呼。什么都没有改。')
    // A name in it is hidden as before.
    expect((await lina.post(`/api/admin/cases/${c.id}/hide-words`, { words: '张主任' })).status).to.equal(200)
    expect((await app.liaison.store.cases.get(c.id))!.text).to.equal('物业不作为，某某收钱了才给修电梯，已经坏了30天。')
  })

  it('refuses words that are not in the message, and a clerk of another station, changing nothing', async () => {
    const wang = await asResident(app, 'o-wang-ayi')
    const { body: c } = await wang.post('/api/mp/cases', { text: TEXT, regionId: 'c010101' })

    const missing = await (await clerk('lina')).post(`/api/admin/cases/${c.id}/hide-words`, { words: '张铁柱' })
    expect(missing.status).to.equal(400)
    expect(missing.body.error.code).to.equal('words_not_in_message')
    expect(missing.body.error.message).to.match(/^留言里没有找到这几个字，什么都没有改/)

    const zhoujie = await clerk('zhoujie')
    for (const refused of [
      await zhoujie.post(`/api/admin/cases/${c.id}/hide-words`, { words: '铁柱哥' }),
      await zhoujie.get(`/api/admin/cases/${c.id}/resident-erasure`),
      await zhoujie.post(`/api/admin/cases/${c.id}/resident-erasure`, { reason: '居民来电要求' }),
    ]) {
      expect(refused.status).to.equal(404)
      expect(refused.body.error).to.include({ code: 'not_found' })
    }
    expect((await app.liaison.store.cases.get(c.id))!.text).to.equal(TEXT)
    expect((await wang.get('/api/mp/me/kept')).status).to.equal(200)
  })

  it('deletes her information as her own 删除我的信息 does, says so first, and records the clerk and the reason', async () => {
    const wang = await asResident(app, 'o-wang-ayi')
    const { body: c } = await wang.post('/api/mp/cases', { text: '楼下路灯坏了，我叫王秀英，电话13912345670', regionId: 'c010101' })
    // Her other message, at another district's station: withdrawn too, and the clerk says so first.
    const { body: other } = await wang.post('/api/mp/cases', { text: '新华社区垃圾没人收', regionId: 'c020101' })
    const lina = await clerk('lina')

    const preview = (await lina.get(`/api/admin/cases/${c.id}/resident-erasure`)).body
    expect(preview.offered).to.equal(true)
    expect(preview.lines).to.deep.equal([
      `会删除写留言 ${c.ticket} 的居民在本系统里的个人信息，和这位群众本人点“删除我的信息”完全一样，删除后不能恢复。`,
      '这位群众还没办完的 2 条留言会撤回，不再办理（其中 1 条在其他联络站）；已经分给代表的，代表会收到“留言已被群众撤回”的通知。',
      '这位群众的账号、电话、图片和订阅记录都会清除，会退出登录；留言里的姓名、电话、门牌号等会去掉。',
      '这位群众的 2 条留言、问卷答案和答题成绩留着用于统计，不再与本人关联，统计数字不变。办理记录和操作记录照常保存。',
    ])

    // How she asked is written down in words, not "。".
    for (const reason of ['', '   ', '。', '来电']) {
      const refused = await lina.post(`/api/admin/cases/${c.id}/resident-erasure`, { reason })
      expect(refused.status, reason).to.equal(400)
      expect(refused.body.error.message).to.equal('请写明是怎么提出的，例如：居民来电要求')
      expect(refused.body.error.details[0].path).to.equal('body.reason')
    }
    expect((await wang.get('/api/mp/me/kept')).status).to.equal(200)

    const done = await lina.post(`/api/admin/cases/${c.id}/resident-erasure`, { reason: '居民来电要求' })
    expect(done.status).to.equal(200)
    expect(done.body.message).to.equal(
      `已删除写留言 ${c.ticket} 的居民的个人信息。这位群众还没办完的 2 条留言已撤回，已分给代表的，代表会收到通知。这位群众的 2 条留言已去掉姓名、电话、门牌号等，只留内容用于统计。`,
    )
    // Each message's 办理经过 says staff did it at her request, at the other station too, not that she withdrew it herself.
    for (const id of [c.id, other.id]) {
      const last = (await app.liaison.store.cases.events(id)).at(-1)!
      expect(last).to.include({ type: 'withdrawn', note: '联络站工作人员按群众本人要求删除个人信息' })
    }
    // What her own erasure does: she is signed out, her message withdrawn (its deputy told) and masked.
    expect((await wang.get('/api/mp/me/kept')).status).to.equal(401)
    const kept = (await app.liaison.store.cases.get(c.id))!
    expect(kept.status).to.equal('withdrawn')
    expect(kept.text).not.to.include('王秀英').and.not.include('13912345670')
    const told = (await app.liaison.store.outbox.search({ limit: 20 })).items.filter((m) => m.kind === 'case.withdrawn')
    expect(told.map((m) => m.recipientId)).to.include('dp0001')

    const audit = (await (await asAdmin(app)).get('/api/admin/audit?action=privacy.erased_on_request')).body.items
    expect(audit).to.have.length(1)
    expect(audit[0].actorWords).to.match(/^李娜/)
    expect(JSON.stringify(audit[0])).to.include('居民来电要求').and.include(c.ticket)

    const again = await lina.post(`/api/admin/cases/${c.id}/resident-erasure`, { reason: '居民来电要求' })
    expect(again.status).to.equal(409)
    expect(again.body.error.code).to.equal('already_erased')
  })

  it('never says who wrote an anonymous message: it tells the clerk what she can do instead', async () => {
    const wang = await asResident(app, 'o-wang-ayi')
    await wang.post('/api/mp/cases', { text: '我叫王秀英，小区门口的井盖丢了', regionId: 'c010101', phone: '13912345670' })
    const { body: c } = await wang.post('/api/mp/cases', { text: '小区垃圾站太臭了', regionId: 'c010101', anonymous: true })
    const lina = await clerk('lina')

    const preview = await lina.get(`/api/admin/cases/${c.id}/resident-erasure`)
    expect(preview.body.offered).to.equal(false)
    expect(preview.body.lines[0])
      .to.match(/^这是匿名留言，联络站看不到留言人是谁/)
      .and.include('删除我的信息')
    expect(JSON.stringify(preview.body)).not.to.include('王秀英').and.not.include('1391234').and.not.include('2 条')

    const refused = await lina.post(`/api/admin/cases/${c.id}/resident-erasure`, { reason: '居民来电要求' })
    expect(refused.status).to.equal(409)
    expect(refused.body.error.code).to.equal('anonymous_message')
    expect((await wang.get('/api/mp/me/kept')).status).to.equal(200)
  })
})
