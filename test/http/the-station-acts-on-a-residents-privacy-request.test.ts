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
    expect((await deputy.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已联系社区，约好明天上门沟通。' })).status).to.equal(200)
    const admin = await asAdmin(app)
    const { draft } = (await admin.get(`/api/admin/cases/${c.id}/publication`)).body
    expect((await admin.put(`/api/admin/cases/${c.id}/publication`, draft)).status).to.equal(200)
    return { c, deputy, admin }
  }
  const publicQuestion = async (caseId: string) =>
    ((await new Client(app.baseUrl).get('/api/public/cases')).body.items as Array<{ id: string; question: string }>).find((p) => p.id === caseId)!.question

  it('hides a missed 称呼 from what the deputy and the public page read, and records who did it, not the words', async () => {
    const { c, deputy, admin } = await publishedMessage()
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

    const audit = (await admin.get('/api/admin/audit?action=case.words_hidden')).body.items
    expect(audit).to.have.length(2)
    expect(audit[0].actorWords).to.match(/^李娜/)
    expect(JSON.stringify(audit)).to.include(c.ticket).and.not.include('铁柱哥').and.not.include('老赵')
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
    const lina = await clerk('lina')

    const preview = (await lina.get(`/api/admin/cases/${c.id}/resident-erasure`)).body
    expect(preview.offered).to.equal(true)
    expect(preview.lines).to.deep.equal([
      `会删除写留言 ${c.ticket} 的居民在本系统里的个人信息，和她本人点“删除我的信息”完全一样，删除后不能恢复。`,
      '她还没办完的 1 条留言会撤回，不再办理；已经分给代表的，代表会收到“留言已被群众撤回”的通知。',
      '她的账号、电话、图片和订阅记录都会清除，她会退出登录；留言里她的姓名、电话、门牌号等会去掉。',
      '她的 1 条留言、问卷答案和答题成绩留着用于统计，不再与她关联，统计数字不变。办理记录和操作记录照常保存。',
    ])

    const done = await lina.post(`/api/admin/cases/${c.id}/resident-erasure`, { reason: '居民来电要求' })
    expect(done.status).to.equal(200)
    expect(done.body.message).to.equal(
      `已删除写留言 ${c.ticket} 的居民的个人信息。她还没办完的 1 条留言已撤回，已分给代表的，代表会收到通知。她的 1 条留言已去掉姓名、电话、门牌号等，只留内容用于统计。`,
    )
    // What her own erasure does: she is signed out, her message withdrawn (its deputy told) and masked.
    expect((await wang.get('/api/mp/me/kept')).status).to.equal(401)
    const kept = (await app.liaison.store.cases.get(c.id))!
    expect(kept.status).to.equal('withdrawn')
    expect(kept.text).not.to.include('王秀英').and.not.include('13912345670')
    const told = (await app.liaison.store.outbox.search({ limit: 20 })).items.filter((m) => m.kind === 'case.withdrawn')
    expect(told.map((m) => m.recipientId)).to.deep.equal(['dp0001'])

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
