import { expect } from 'chai'
import { existsSync } from 'node:fs'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { jpegWithGps } from '../helpers/images.js'
import { surveyBody } from '../helpers/surveys.js'

/**
 * What the privacy notice promises a resident (PIPL arts. 15, 45, 47): a copy of what is
 * held about them, withdrawing consent, and erasure that keeps the office's figures.
 */
describe("a resident's rights over their data", () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  async function uploadPhoto(resident: Client) {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(jpegWithGps())], { type: 'image/jpeg' }), 'road.jpg')
    const answer = await fetch(`${app.baseUrl}/api/mp/uploads`, { method: 'POST', body: form, headers: { authorization: `Bearer ${resident.bearer}` } })
    return ((await answer.json()) as { url: string }).url
  }

  it('gives a resident a copy of everything held about them, and nothing about anyone else', async () => {
    const resident = await asResident(app)
    const { cipher } = app.liaison.services
    await app.liaison.store.mpUsers.update(resident.userId, {
      phoneEnc: cipher.encrypt('13700001111', resident.userId),
      phoneIndex: cipher.blindIndex('13700001111'),
    })
    const { body: c } = await resident.post('/api/mp/cases', { text: '我叫张三，和平路8号门口路灯不亮', regionId: 'c010101', phone: '13912345678' })
    const deputy = await asDeputy(app, (await app.liaison.store.cases.get(c.id))!.deputyId!)
    await deputy.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已报修，本周修好。' })
    await resident.post(`/api/mp/cases/${c.id}/rate`, { rating: 4, comment: '修好了' })
    await (await asResident(app)).post('/api/mp/cases', { text: '别人的留言：垃圾没人收', regionId: 'c010101' })

    const answer = await resident.get('/api/mp/me/export')
    expect(answer.status).to.equal(200)
    expect(answer.headers.get('cache-control')).to.equal('no-store')
    const data = answer.body
    expect(data.account).to.deep.include({ id: resident.userId, phone: '13700001111', deputy: null })
    expect(data.account.consent.version).to.equal('v3')
    expect(data.consentHistory.map((h: { action: string; version: string }) => [h.action, h.version])).to.deep.equal([['given', 'v3']])
    expect(data.cases).to.have.length(1)
    expect(data.cases[0]).to.deep.include({
      ticket: c.ticket,
      text: '我叫张三，和平路8号门口路灯不亮',
      phone: '13912345678',
      reply: '已报修，本周修好。',
      rating: 4,
      ratingComment: '修好了',
    })
    expect(data.cases[0].timeline.map((e: { label: string }) => e.label)).to.include.members(['您送出了留言', '您的评价：4 分'])
    expect(JSON.stringify(data)).not.to.include('别人的留言')
    for (const key of ['subscriptions', 'surveyAnswers', 'quizAttempts', 'meetings']) expect(data[key], key).to.deep.equal([])

    expect((await new Client(app.baseUrl).get('/api/mp/me/export')).status, 'not signed in').to.equal(401)
  })

  it('tells one who has not agreed that there is nothing to withdraw, and records no withdrawal', async () => {
    const resident = await asResident(app, undefined, { consent: false })
    const answer = await resident.request('DELETE', '/api/mp/consent')
    expect([answer.status, answer.body.withdrawn]).to.deep.equal([200, false])
    expect(answer.body.message).to.equal('您现在没有同意个人信息保护说明，没有可以撤回的，什么都没有改变。')
    expect(await app.liaison.services.privacy.consentHistory(resident.userId)).to.deep.equal([])
  })

  it('lets a resident withdraw consent: no new messages until they agree again, the ones sent are still handled', async () => {
    const resident = await asResident(app)
    const { body: c } = await resident.post('/api/mp/cases', { text: '建设路路灯坏了', regionId: 'c010101' })

    const withdrawn = await resident.request('DELETE', '/api/mp/consent')
    expect(withdrawn.status).to.equal(200)
    expect(withdrawn.body.message).to.equal(
      '已撤回您的同意。在您重新同意之前，不能提交新的留言，也不能填问卷（不留名字的问卷还可以填）、提意见、答题；您同意公开的留言已撤下。您已提交的留言仍会照常办理并答复。已经保存的信息没有删除，要删除请点“删除我的信息”。以后再留言或答题时，会先请您看说明、同意。',
    )
    expect((await resident.get('/api/mp/me')).body.consentVersion).to.equal(null)

    const refused = await resident.post('/api/mp/cases', { text: '又一条', regionId: 'c010101' })
    expect(refused.status).to.equal(422)
    expect(refused.body.error.code).to.equal('consent_required')

    const deputy = await asDeputy(app, 'dp0001')
    expect((await deputy.post(`/api/mp/deputy/cases/${c.id}/acknowledge`, {})).status, 'the earlier message is still handled').to.equal(200)
    expect((await resident.get(`/api/mp/cases/${c.id}`)).body.status).to.equal('acknowledged')

    await resident.post('/api/mp/consent', { version: 'v3' })
    expect((await resident.post('/api/mp/cases', { text: '又一条', regionId: 'c010101' })).status).to.equal(201)
    const history = (await resident.get('/api/mp/me/export')).body.consentHistory.map((h: { action: string }) => h.action)
    expect(history).to.deep.equal(['given', 'withdrawn', 'given'])
  })

  it('erases a resident: their messages kept for the figures with names, phones and addresses masked; account, photo and session gone', async () => {
    const openid = 'o-erase-me'
    const resident = await asResident(app, openid)
    const photo = await uploadPhoto(resident)
    const { body: open } = await resident.post('/api/mp/cases', {
      text: '我叫张三，住和平路8号2单元301室，电话13812345678，门口的井盖丢了',
      regionId: 'c010101',
      phone: '13812345678',
      images: [photo],
    })
    const { body: done } = await resident.post('/api/mp/cases', { text: '本人李四反映：路灯不亮', regionId: 'c010101' })
    const deputy = await asDeputy(app, (await app.liaison.store.cases.get(done.id))!.deputyId!)
    expect((await deputy.post(`/api/mp/deputy/cases/${done.id}/reply`, { text: '已修复。' })).status).to.equal(200)
    expect((await resident.post(`/api/mp/cases/${done.id}/rate`, { rating: 5, comment: '谢谢，我的电话13812345678随时可联系' })).body.status).to.equal('closed')
    const admin = await asAdmin(app)
    const survey = (await admin.post('/api/admin/surveys', surveyBody())).body
    const answers = { q1: 'o1', q2: ['a'], q3: 4, q4: '我叫张三，希望多种树', q5: 2 }
    expect((await resident.post(`/api/mp/surveys/${survey.id}/responses`, { answers })).status).to.equal(201)
    const before = (await admin.get('/api/admin/cases/stats')).body.overall

    const answer = await resident.request('DELETE', '/api/mp/me')
    expect(answer.status).to.equal(200)
    expect(answer.body).to.deep.include({ erased: true, withdrawn: [open.ticket], anonymised: 2 })
    expect(answer.body.message).to.include(`尚未办完的留言 ${open.ticket} 已撤回`)

    expect((await resident.get('/api/mp/me')).status, 'signed out').to.equal(401)
    expect(existsSync(app.liaison.services.uploads.dir + '/' + photo.split('/').pop()), 'the photo file').to.equal(false)

    const staffView = (await admin.get(`/api/admin/cases/${open.id}`)).body
    expect(staffView).to.deep.include({
      status: 'withdrawn',
      text: '我叫某某，住和平路（门牌号已隐去），电话（已隐去），门口的井盖丢了',
      images: [],
      phoneMasked: null,
      residentId: 'erased',
    })
    const rated = (await admin.get(`/api/admin/cases/${done.id}`)).body
    expect(rated).to.deep.include({ text: '本人某某反映：路灯不亮', rating: 5, ratingComment: '谢谢，我的电话（已隐去）随时可联系', reply: '已修复。' })
    expect(JSON.stringify(rated.timeline)).not.to.include('13812345678')

    const messages = await app.liaison.store.privacy.caseMessages(open.id)
    expect(messages.length, 'the deputy was told of it').to.be.greaterThan(0)
    for (const m of messages) expect(m.text, 'what the deputy was sent quotes it masked').not.to.match(/张三|13812345678|8号/)

    const [surveyAnswer] = await app.liaison.store.surveys.responses(survey.id)
    expect(surveyAnswer, 'the survey answer is kept for the tally, masked and unlinked').to.deep.include({
      mpUserId: null,
      answers: { ...answers, q4: '我叫某某，希望多种树' },
    })

    const after = (await admin.get('/api/admin/cases/stats')).body.overall
    expect(after.total).to.equal(before.total)
    expect(after.averageSatisfaction).to.equal(before.averageSatisfaction)

    const audit = (await admin.get('/api/admin/audit?action=privacy.erased')).body.items
    expect(audit).to.have.length(1)

    // The same WeChat account coming back is a new person with nothing of the old one.
    const again = await app.liaison.services.mpSessions.userForOpenid(openid)
    expect(again.id).not.to.equal(resident.userId)
    expect((await app.liaison.store.cases.search({ residentId: again.id, limit: 10 })).items).to.deep.equal([])
  })

  it('tells the deputy when an erasure withdraws a message they were handling', async () => {
    const resident = await asResident(app)
    const { body: c } = await resident.post('/api/mp/cases', { text: '路灯坏了', regionId: 'c010101' })
    await resident.request('DELETE', '/api/mp/me')
    const told = (await app.liaison.store.outbox.search({ limit: 20 })).items.filter((m) => m.kind === 'case.withdrawn')
    expect(told.map((m) => m.recipientId)).to.deep.equal(['dp0001'])
    expect(String(told[0].payload.text)).to.include(c.ticket)
  })
})
