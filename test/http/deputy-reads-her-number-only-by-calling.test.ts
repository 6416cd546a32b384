import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

const LAMP = '楼道灯坏了半个月，我电话13912345678，晚上在家'

/**
 * 赵阿姨 writes her number into her message, and later into her score's words and her 重新办理 reason. Her deputy reads
 * all of it on his page and in his notices with the number masked (（已隐去）), as the chat quotes her: 打电话给群众
 * stays the one way to it (audited, only while open, never for an anonymous message). The station's case page masks
 * them too (its 查看完整原文: test/http/staff-case-page-masks-her-numbers.test.ts).
 */
describe('a deputy reads a number she wrote only through 打电话给群众', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
  })
  afterEach(() => app.close())

  const phoneReads = async () => (await (await asAdmin(app)).get('/api/admin/audit?action=case.phone.read')).body.items.length
  const toDeputy = async (kind: string, caseId: string) =>
    (await app.liaison.store.outbox.search({ limit: 100, kind })).items.filter((m) => m.payload.caseId === caseId).map((m) => String(m.payload.text))

  it('masks it in her message, his lists, her score, her reason and his notices; the call reads it, audited; staff read it masked', async () => {
    const resident = await asResident(app)
    const zhang = await asDeputy(app, 'dp0001')
    const sent = (await resident.post('/api/mp/cases', { text: LAMP, regionId: 'c010101', deputyCode: 'DP0001' })).body

    const page = (await zhang.get(`/api/mp/deputy/cases/${sent.id}`)).body
    expect(page.text).to.equal('楼道灯坏了半个月，我电话（已隐去），晚上在家')
    expect(page.phoneMasked).to.equal('139****5678')
    const listed = (await zhang.get('/api/mp/deputy/cases')).body.items.find((c: { id: string }) => c.id === sent.id)
    expect(listed.excerpt).to.equal('楼道灯坏了半个月，我电话（已隐去），晚上在家')
    const task = (await zhang.get('/api/mp/tasks')).body.cases.find((c: { id: string }) => c.id === sent.id)
    expect(task.excerpt).to.equal('楼道灯坏了半个月，我电话（已隐去），晚上在家')
    expect(await phoneReads(), 'reading his page is no read of her number').to.equal(0)

    expect((await zhang.get(`/api/mp/deputy/cases/${sent.id}/phone`)).body).to.deep.equal({ phone: '13912345678' })
    expect(await phoneReads()).to.equal(1)

    expect((await zhang.post(`/api/mp/deputy/cases/${sent.id}/reply`, { text: '已请物业今天换了灯泡，请您看看亮了没有' })).status).to.equal(200)
    expect((await resident.post(`/api/mp/cases/${sent.id}/rate`, { rating: 1, comment: '还是不亮，打13912345678找我' })).status).to.equal(200)
    expect(await toDeputy('case.rated', sent.id)).to.deep.equal([`您答复的留言 ${sent.ticket} 获得 1 分评价。群众说：还是不亮，打（已隐去）找我`])
    const rated = (await zhang.get(`/api/mp/deputy/cases/${sent.id}`)).body
    expect(rated.statusLabel).to.equal('已办结')
    expect(rated.ratingComment).to.equal('还是不亮，打（已隐去）找我')
    expect(rated.ratings.map((r: { comment: string }) => r.comment)).to.deep.equal(['还是不亮，打（已隐去）找我'])
    const closed = await zhang.get(`/api/mp/deputy/cases/${sent.id}/phone`)
    expect(closed.body.error.code, 'closed: no call left to make').to.equal('case_not_open')

    const reopened = await resident.post(`/api/mp/cases/${sent.id}/reopen`, { reason: '白天打0571-87654321也行' })
    expect(reopened.status, JSON.stringify(reopened.body)).to.equal(200)
    const [notice] = await toDeputy('case.reopened', sent.id)
    expect(notice).to.include('已重新交您办理：白天打（已隐去）也行。群众评价时说：还是不亮，打（已隐去）找我。请在')
    const again = (await zhang.get(`/api/mp/deputy/cases/${sent.id}`)).body
    expect(again.reopenNote.opinion).to.equal('群众的意见（1 分）：白天打（已隐去）也行；评价时说：还是不亮，打（已隐去）找我')
    expect(again.ratings.map((r: { comment: string }) => r.comment)).to.deep.equal(['还是不亮，打（已隐去）找我'])
    const herSteps = again.timeline.filter((e: { type: string }) => e.type === 'rated' || e.type === 'reopened').map((e: { note: string }) => e.note)
    expect(herSteps).to.deep.equal(['还是不亮，打（已隐去）找我', '白天打（已隐去）也行'])
    const whole = JSON.stringify(again)
    expect(whole).not.to.include('13912345678').and.not.to.include('87654321')
    expect(await phoneReads(), 'still only the one call').to.equal(1)

    // The station's case page masks her words alike (DESIGN: every unmasked read by staff is audited).
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const staffPage = (await lina.get(`/api/admin/cases/${sent.id}`)).body
    expect(staffPage.text).to.equal('楼道灯坏了半个月，我电话（已隐去），晚上在家')
    expect(staffPage.ratings.map((r: { comment: string }) => r.comment)).to.deep.equal(['还是不亮，打（已隐去）找我'])
  })

  it('shows him no number of an anonymous message, in its words either', async () => {
    const resident = await asResident(app)
    const zhang = await asDeputy(app, 'dp0001')
    const sent = (await resident.post('/api/mp/cases', { text: LAMP, regionId: 'c010101', deputyCode: 'DP0001', anonymous: true })).body
    const page = (await zhang.get(`/api/mp/deputy/cases/${sent.id}`)).body
    expect(page).to.include({ anonymous: true, phoneMasked: null, text: '楼道灯坏了半个月，我电话（已隐去），晚上在家' })
    expect((await zhang.get(`/api/mp/deputy/cases/${sent.id}/phone`)).body).to.deep.equal({ phone: null })
    expect(await phoneReads()).to.equal(0)
  })
})
