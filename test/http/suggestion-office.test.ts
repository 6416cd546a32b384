import { expect } from 'chai'
import { asAdmin, asDeputy, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { asStaff, draft, localToday, suggestionAt, told } from '../helpers/suggestions.js'
import { addDays } from '../../src/domain/suggestion-due.js'

describe('代表建议: the office and the units, within their scope', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
  })
  afterEach(() => app.close())

  it('shows a district’s suggestions to its organizer only; other roles are refused the office’s paths', async () => {
    const { id } = await suggestionAt(app, 'submitted')
    const qianqi = await asStaff(app, 'qianqi') // organizer of 新华区; 张伟 is in 湛河区
    expect((await qianqi.get('/api/admin/suggestions')).body.items).to.deep.equal([])
    expect((await qianqi.get(`/api/admin/suggestions/${id}`)).status).to.equal(404)
    const review = await qianqi.post(`/api/admin/suggestions/${id}/review`, { decision: 'accept' })
    expect(review.status).to.equal(404)
    const year = localToday(app).slice(0, 4)
    await (await asStaff(app, 'sunli')).post(`/api/admin/suggestions/${id}/review`, { decision: 'accept' })
    await (await asStaff(app, 'sunli')).post(`/api/admin/suggestions/${id}/assignment`, { leadUnitId: 'u01' })
    expect((await qianqi.get(`/api/admin/suggestions/stats?year=${year}`)).body.totals.total, 'another district’s figures').to.equal(0)
    expect((await qianqi.get(`/api/admin/suggestions/stats?year=${year}`)).body.units).to.deep.equal([])
    expect((await (await asAdmin(app)).get(`/api/admin/suggestions/stats?year=${year}`)).body.totals.total).to.equal(1)
    expect((await qianqi.get('/api/admin/suggestions/stats?year=next')).status).to.equal(400)
    for (const username of ['lina', 'chengang']) {
      const answer = await (await asStaff(app, username)).get('/api/admin/suggestions')
      expect(answer.status, username).to.equal(403)
    }
    const sunli = await asStaff(app, 'sunli')
    expect((await sunli.get('/api/admin/suggestions?status=assigned')).body.items.map((s: { id: string }) => s.id)).to.deep.equal([id])
    expect((await sunli.get(`/api/admin/suggestions/${id}`)).body.status).to.equal('assigned')
  })

  it('refuses a return without a reason and an assignment it cannot carry out, changing nothing', async () => {
    const { id } = await suggestionAt(app, 'submitted')
    const sunli = await asStaff(app, 'sunli')
    const noReason = await sunli.post(`/api/admin/suggestions/${id}/review`, { decision: 'return' })
    expect(noReason.status).to.equal(400)
    expect(noReason.body.error.details).to.deep.equal([{ path: 'body.reason', message: '退回需要写明理由' }])
    const tooEarly = await sunli.post(`/api/admin/suggestions/${id}/assignment`, { leadUnitId: 'u01' })
    expect(tooEarly.status).to.equal(409)
    expect(tooEarly.body.error.message).to.equal('只有已立案的建议可以交办（现在：待审查）')

    await sunli.post(`/api/admin/suggestions/${id}/review`, { decision: 'accept' })
    const unknown = await sunli.post(`/api/admin/suggestions/${id}/assignment`, { leadUnitId: 'u99' })
    expect(unknown.status).to.equal(422)
    expect(unknown.body.error.details).to.deep.equal([{ path: 'body.leadUnitId', message: '未知的承办单位 "u99"' }])
    const twice = await sunli.post(`/api/admin/suggestions/${id}/assignment`, { leadUnitId: 'u01', coUnitIds: ['u01'] })
    expect(twice.status).to.equal(400)
    const past = await sunli.post(`/api/admin/suggestions/${id}/assignment`, { leadUnitId: 'u01', deadline: addDays(localToday(app), -1) })
    expect(past.status).to.equal(400)
    expect(past.body.error.details).to.deep.equal([{ path: 'body.deadline', message: '不能早于今天' }])
    const badDate = await sunli.post(`/api/admin/suggestions/${id}/assignment`, { leadUnitId: 'u01', deadline: '明年' })
    expect(badDate.status).to.equal(400)
    const publish = await sunli.put(`/api/admin/suggestions/${id}/publication`)
    expect(publish.status).to.equal(409)
    const after = (await sunli.get(`/api/admin/suggestions/${id}`)).body
    expect(after).to.include({ status: 'accepted', assignment: null, published: false })
    expect(await told(app, 'suggestion.assigned')).to.deep.equal([])
  })

  it('returns a suggestion with a reason the deputy is told, and merges one into another with its deputies', async () => {
    const sunli = await asStaff(app, 'sunli')
    const { id: returned } = await suggestionAt(app, 'submitted', { title: '多建停车场' })
    const back = await sunli.post(`/api/admin/suggestions/${returned}/review`, { decision: 'return', reason: '属于群众个人诉求' })
    expect(back.body).to.include({ status: 'returned', statusLabel: '已退回' })
    expect((await told(app, 'suggestion.returned'))[0]).to.match(/^deputy:dp0001 → 您的建议 \d{4}-0001《多建停车场》被退回：属于群众个人诉求$/)

    const { id: target } = await suggestionAt(app, 'accepted', { title: '建设路照明' })
    const wang = await asDeputy(app, 'dp0002')
    const own = await wang.post('/api/mp/deputy/suggestions', draft({ title: '建设路路灯' }))
    await wang.post(`/api/mp/deputy/suggestions/${own.body.id}/submit`)
    const self = await sunli.post(`/api/admin/suggestions/${own.body.id}/review`, { decision: 'merge', mergeInto: own.body.id })
    expect(self.status).to.equal(422)
    const merged = await sunli.post(`/api/admin/suggestions/${own.body.id}/review`, { decision: 'merge', mergeInto: target })
    expect(merged.body).to.include({ status: 'merged', statusLabel: '已并案', mergedInto: target })
    const joined = (await sunli.get(`/api/admin/suggestions/${target}`)).body
    expect(joined.coSigners.map((c: { name: string }) => c.name)).to.deep.equal(['王芳'])
    expect((await wang.get(`/api/mp/deputy/suggestions/${target}`)).status, '王芳 now reads it as a co-signer').to.equal(200)
  })

  it('turns a suggestion into a resident-style message at the deputy’s station', async () => {
    const { id } = await suggestionAt(app, 'submitted', { title: '楼道灯坏了' })
    const sunli = await asStaff(app, 'sunli')
    const converted = await sunli.post(`/api/admin/suggestions/${id}/review`, { decision: 'convert' })
    expect(converted.status).to.equal(200)
    expect(converted.body).to.include({ status: 'converted', statusLabel: '已转为群众留言办理' })
    const c = await app.liaison.store.cases.get(converted.body.convertedCaseId)
    expect(c).to.include({ stationId: 'st001', text: `楼道灯坏了\n${draft().body}` })
    expect((await told(app, 'suggestion.converted'))[0]).to.include(`已转为群众留言 ${c!.ticket} 办理`)
  })

  it('lets a unit see and answer only what it was given, the lead with a category, a co-unit without', async () => {
    const { id } = await suggestionAt(app, 'assigned')
    const { id: leadOnly } = await suggestionAt(app, 'accepted', { title: '只给住建局' })
    const sunli = await asStaff(app, 'sunli')
    await sunli.post(`/api/admin/suggestions/${leadOnly}/assignment`, { leadUnitId: 'u01' })
    const chengang = await asStaff(app, 'chengang')
    const wujing = await asStaff(app, 'wujing')
    expect((await wujing.get('/api/unit/suggestions')).body.items.map((s: { id: string }) => s.id)).to.deep.equal([id])
    expect((await wujing.get(`/api/unit/suggestions/${leadOnly}`)).status).to.equal(404)
    expect((await wujing.post(`/api/unit/suggestions/${leadOnly}/answer`, { text: '答复' })).status).to.equal(404)
    expect((await sunli.get('/api/unit/suggestions')).status, 'the office uses its own paths').to.equal(403)

    const noCategory = await chengang.post(`/api/unit/suggestions/${id}/answer`, { text: '已安排' })
    expect(noCategory.status).to.equal(400)
    expect(noCategory.body.error.details[0].path).to.equal('body.category')
    const coWithCategory = await wujing.post(`/api/unit/suggestions/${id}/answer`, { category: 'resolved', text: '已解决' })
    expect(coWithCategory.status).to.equal(400)
    const coExtension = await wujing.post(`/api/unit/suggestions/${id}/requests`, { kind: 'extension', reason: '忙', days: 10 })
    expect(coExtension.status).to.equal(403)
    const noDays = await chengang.post(`/api/unit/suggestions/${id}/requests`, { kind: 'extension', reason: '忙' })
    expect(noDays.status).to.equal(400)
    const after = (await chengang.get(`/api/unit/suggestions/${id}`)).body
    expect(after).to.include({ status: 'assigned' })
    expect(after.answers).to.deep.equal([])
    expect(after.requests).to.deep.equal([])

    // A change of lead unit, approved: the district government leads, the bureau no longer sees it.
    const asked = await chengang.post(`/api/unit/suggestions/${id}/requests`, { kind: 'change_unit', reason: '属于区里职责', proposedUnitId: 'u02' })
    expect(asked.status).to.equal(201)
    const again = await chengang.post(`/api/unit/suggestions/${id}/requests`, { kind: 'change_unit', reason: '再申请', proposedUnitId: 'u02' })
    expect(again.status).to.equal(409)
    const requestId = asked.body.requests[0].id
    const decided = await sunli.post(`/api/admin/suggestions/${id}/requests/${requestId}/decision`, { approve: true, note: '同意' })
    expect(decided.body.assignment.leadUnit).to.deep.equal({ id: 'u02', name: '湛河区人民政府' })
    expect(decided.body.assignment.coUnits).to.deep.equal([])
    const twice = await sunli.post(`/api/admin/suggestions/${id}/requests/${requestId}/decision`, { approve: false })
    expect(twice.status).to.equal(409)
    expect((await chengang.get(`/api/unit/suggestions/${id}`)).status).to.equal(404)
    expect((await told(app, 'suggestion.request_decided')).length).to.equal(2)
    const choices = await chengang.get('/api/unit/units')
    expect(choices.body.items).to.deep.equal([
      { id: 'u02', name: '湛河区人民政府' },
      { id: 'u01', name: '市住房和城乡建设局' },
    ])
  })

  it('refuses a unit’s cookie-carrying change from another web page (CSRF), as the office’s', async () => {
    const { id } = await suggestionAt(app, 'assigned')
    const chengang = await asStaff(app, 'chengang')
    const forged = await chengang.post(`/api/unit/suggestions/${id}/answer`, { category: 'resolved', text: '伪造' }, { origin: 'https://evil.example' })
    expect(forged.status).to.equal(403)
    expect(forged.body.error.code).to.equal('origin_refused')
    expect((await chengang.get(`/api/unit/suggestions/${id}`)).body).to.include({ status: 'assigned' })
  })

  it('keeps unpublished suggestions from the public', async () => {
    await suggestionAt(app, 'assigned')
    const pub = await new Client(app.baseUrl).get('/api/public/suggestions')
    expect(pub.body).to.deep.equal({ items: [], nextCursor: null })
  })
})
