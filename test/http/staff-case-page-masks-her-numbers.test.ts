import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

const LAMP = '楼道灯坏了半个月，我电话13912345678，晚上在家'
const NEIGHBOUR = '楼道灯一直不亮，我是楼上的，电话13800001111'
const COMMENT = '还是不亮，打13912345678找我'
const REASON = '白天打0571-87654321也行'

type Step = { type: string; note: string | null }
type Duplicate = { ticket: string; excerpt: string }

/**
 * 赵阿姨 writes her number into her message, her score's words and her 重新办理 reason; a neighbour's message with his
 * number is merged into hers. 李娜, her station's clerk, opens the case page: every number they wrote is masked there,
 * as on the deputy's page (DESIGN: every unmasked read by staff is audited). 查看完整原文 shows the words whole and is
 * written down on 操作记录; 周杰 of another station is refused it and nothing is written. Her contact phone stays masked.
 */
describe('the staff case page masks the numbers residents wrote; 查看完整原文 reads them, audited', () => {
  let app: TestApp
  let lina: Client
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD) // station staff of 轻工街道 (st001)
  })
  afterEach(() => app.close())

  const textReads = async () => (await (await asAdmin(app)).get('/api/admin/audit?action=case.text.read')).body.items

  it('masks her message, the merged duplicate, her comment and reason; the button reads them whole, audited, only in scope', async () => {
    const resident = await asResident(app)
    const zhang = await asDeputy(app, 'dp0001')
    const hers = (await resident.post('/api/mp/cases', { text: LAMP, regionId: 'c010101', deputyCode: 'DP0001', phone: '13700002222' })).body
    app.clock.advance(600_000)
    const neighbour = (await (await asResident(app)).post('/api/mp/cases', { text: NEIGHBOUR, regionId: 'c010101' })).body
    const merged = await lina.post(`/api/admin/cases/${neighbour.id}/merge`, { intoCaseId: hers.id })
    expect(merged.status, JSON.stringify(merged.body)).to.equal(200)
    expect((await zhang.post(`/api/mp/deputy/cases/${hers.id}/reply`, { text: '已请物业今天换了灯泡，请您看看亮了没有' })).status).to.equal(200)
    expect((await resident.post(`/api/mp/cases/${hers.id}/rate`, { rating: 1, comment: COMMENT })).status).to.equal(200)
    const reopened = await resident.post(`/api/mp/cases/${hers.id}/reopen`, { reason: REASON })
    expect(reopened.status, JSON.stringify(reopened.body)).to.equal(200)

    const page = await lina.get(`/api/admin/cases/${hers.id}`)
    expect(page.status, JSON.stringify(page.body)).to.equal(200)
    expect(page.body.text).to.equal('楼道灯坏了半个月，我电话（已隐去），晚上在家')
    expect(page.body.ratings.map((r: { comment: string }) => r.comment)).to.deep.equal(['还是不亮，打（已隐去）找我'])
    expect(page.body.duplicates.items.map((m: Duplicate) => m.excerpt)).to.deep.equal(['楼道灯一直不亮，我是楼上的，电话（已隐去）'])
    const herSteps = (page.body.timeline as Step[]).filter((e) => e.type === 'rated' || e.type === 'reopened').map((e) => e.note)
    expect(herSteps).to.deep.equal(['还是不亮，打（已隐去）找我', '白天打（已隐去）也行'])
    expect(page.body.phoneMasked, 'her contact phone, masked as before').to.equal('137****2222')
    expect(page.body.wordsMasked, 'the page offers 查看完整原文').to.equal(true)
    const shown = JSON.stringify(page.body)
    expect(shown).not.to.include('13912345678').and.not.to.include('87654321').and.not.to.include('13800001111').and.not.to.include('13700002222')
    expect(await textReads(), 'opening the page reads nothing whole').to.deep.equal([])

    const whole = await lina.get(`/api/admin/cases/${hers.id}/whole-words`)
    expect(whole.status, JSON.stringify(whole.body)).to.equal(200)
    expect(whole.body.text).to.equal(LAMP)
    expect(whole.body.ratings.map((r: { comment: string }) => r.comment)).to.deep.equal([COMMENT])
    expect(whole.body.duplicates.map((m: Duplicate) => m.excerpt)).to.deep.equal([NEIGHBOUR])
    const wholeSteps = (whole.body.timeline as Step[]).filter((e) => e.type === 'rated' || e.type === 'reopened').map((e) => e.note)
    expect(wholeSteps).to.deep.equal([COMMENT, REASON])
    expect(JSON.stringify(whole.body), 'her contact phone is not among her words').not.to.include('13700002222')

    const reads = await textReads()
    const line = (id: string) => reads.find((e: { targetId: string }) => e.targetId === id)
    expect(reads).to.have.length(2)
    expect(line(hers.id)).to.deep.include({ actorId: 'sf01', details: { source: 'text' } })
    expect(line(hers.id)).to.include({ actorWords: '李娜（联络站工作人员）', actionWords: '查看留言完整原文', targetWords: `留言 ${hers.ticket}` })
    expect(line(hers.id).detailWords).to.equal('群众写的原话，号码未隐去')
    expect(line(neighbour.id)).to.include({ actionWords: '查看留言完整原文', targetWords: `留言 ${neighbour.ticket}` })
    expect(line(neighbour.id).detailWords).to.equal(`在留言 ${hers.ticket} 页面查看的重复留言原话，号码未隐去`)

    // 周杰 looks after another station: her message is not his to read, whole or masked, and nothing is written.
    const zhoujie = await new Client(app.baseUrl).login('zhoujie', STAFF_PASSWORD)
    const refused = await zhoujie.get(`/api/admin/cases/${hers.id}/whole-words`)
    expect(refused.status).to.equal(404)
    expect(JSON.stringify(refused.body)).not.to.include('13912345678')
    expect(await textReads()).to.have.length(2)
  })

  it('offers nothing to reveal when nobody wrote a number', async () => {
    const sent = (await (await asResident(app)).post('/api/mp/cases', { text: '楼道灯坏了半个月，晚上黑漆漆的', regionId: 'c010101' })).body
    const page = await lina.get(`/api/admin/cases/${sent.id}`)
    expect(page.body).to.include({ text: '楼道灯坏了半个月，晚上黑漆漆的', wordsMasked: false })
  })
})
