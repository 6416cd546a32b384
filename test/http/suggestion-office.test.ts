import { expect } from 'chai'
import { asAdmin, asDeputy, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { asStaff, caseForZhang, draft, localToday, suggestionAt, told } from '../helpers/suggestions.js'
import { addDays, addMonths } from '../../src/domain/suggestion-due.js'

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
    expect(unknown.body.error.details).to.deep.equal([{ path: 'body.leadUnitId', message: '这个承办单位已不存在或已停用，请重新选择' }])
    const twice = await sunli.post(`/api/admin/suggestions/${id}/assignment`, { leadUnitId: 'u01', coUnitIds: ['u01'] })
    expect(twice.status).to.equal(400)
    const past = await sunli.post(`/api/admin/suggestions/${id}/assignment`, { leadUnitId: 'u01', deadline: addDays(localToday(app), -1) })
    expect(past.status).to.equal(400)
    expect(past.body.error.details).to.deep.equal([{ path: 'body.deadline', message: '不能早于今天' }])
    const badDate = await sunli.post(`/api/admin/suggestions/${id}/assignment`, { leadUnitId: 'u01', deadline: '明年' })
    expect(badDate.status).to.equal(400)
    const farOff = await sunli.post(`/api/admin/suggestions/${id}/assignment`, { leadUnitId: 'u01', deadline: '2099-12-31' })
    expect(farOff.status).to.equal(400)
    // As people write a date: "2027年12月4日", not "2027-12-04".
    const latest = addMonths(localToday(app), 12)
    const [y, m, d] = latest.split('-').map(Number)
    expect(farOff.body.error).to.deep.include({
      message: `办理期限最长一年，不能晚于 ${y}年${m}月${d}日`,
      details: [{ path: 'body.deadline', message: `不能晚于 ${y}年${m}月${d}日` }],
    })
    expect((await sunli.post(`/api/admin/suggestions/${id}/assignment`, { leadUnitId: 'u01', deadline: addDays(latest, 1) })).status).to.equal(400)
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
    expect(self.body.error.details, 'said in words, not by the id picked from the list').to.deep.equal([
      { path: 'body.mergeInto', message: '不能并入本件自己' },
    ])
    const merged = await sunli.post(`/api/admin/suggestions/${own.body.id}/review`, { decision: 'merge', mergeInto: target })
    expect(merged.body).to.include({ status: 'merged', statusLabel: '已并案', mergedInto: target })
    const joined = (await sunli.get(`/api/admin/suggestions/${target}`)).body
    expect(joined.coSigners.map((c: { name: string }) => c.name)).to.deep.equal(['王芳'])
    expect((await wang.get(`/api/mp/deputy/suggestions/${target}`)).status, '王芳 now reads it as a co-signer').to.equal(200)
    const number = (await sunli.get(`/api/admin/suggestions/${own.body.id}`)).body.number
    expect(joined.timeline.at(-1).text, 'the target’s own entry says what joined it').to.equal(`建议 ${number}《建设路路灯》并入本件`)
    const notices = await told(app, 'suggestion.merged')
    expect(notices).to.include(`deputy:dp0002 → 您的建议 ${number}《建设路路灯》已与建议 ${joined.number}《建设路照明》并案办理。`)
    expect(notices, '张伟 learns what joined his').to.include(
      `deputy:dp0001 → 王芳代表的建议 ${number}《建设路路灯》已并入您的建议 ${joined.number}《建设路照明》一并办理。`,
    )
  })

  it('does not merge a suggestion into one already answered or closed: nobody would handle it', async () => {
    const { id: target, zhang } = await suggestionAt(app, 'assigned')
    const chengang = await asStaff(app, 'chengang')
    await chengang.post(`/api/unit/suggestions/${target}/answer`, { category: 'resolved', text: '已办' })
    await zhang.post(`/api/mp/deputy/suggestions/${target}/rating`, { score: 'satisfied' })
    const { id } = await suggestionAt(app, 'submitted', { title: '另一条' })
    const sunli = await asStaff(app, 'sunli')
    const refused = await sunli.post(`/api/admin/suggestions/${id}/review`, { decision: 'merge', mergeInto: target })
    expect(refused.status).to.equal(409)
    const number = (await sunli.get(`/api/admin/suggestions/${target}`)).body.number
    expect(refused.body.error).to.include({ code: 'merge_target_closed', message: `建议 ${number}《建设路加装路灯》已办结，不能再并入` })
    expect((await sunli.get(`/api/admin/suggestions/${id}`)).body.status, 'nothing changed').to.equal('submitted')
    expect(await told(app, 'suggestion.merged')).to.deep.equal([])
  })

  it('turns a suggestion into a resident-style message at the deputy’s station', async () => {
    const { id } = await suggestionAt(app, 'submitted', { title: '楼道灯坏了' })
    const sunli = await asStaff(app, 'sunli')
    const converted = await sunli.post(`/api/admin/suggestions/${id}/review`, { decision: 'convert' })
    expect(converted.status).to.equal(200)
    expect(converted.body).to.include({ status: 'converted', statusLabel: '已转为群众留言办理' })
    const c = await app.liaison.store.cases.get(converted.body.convertedCaseId)
    expect(c).to.include({ stationId: 'st001', text: `楼道灯坏了\n${draft().body}` })
    expect(c!.deputyId, 'never back to 张伟, who wrote it').to.be.a('string').and.not.equal('dp0001')
    expect(c!.routingReasons.map((r) => r.message)).to.include('张伟代表是提出人本人，不分派给本人')
    expect(await told(app, 'case.assigned'), 'only the deputy who now handles it is told of a new message').to.have.length(1)
    expect((await told(app, 'case.assigned'))[0]).not.to.match(/^deputy:dp0001 /)
    expect((await told(app, 'suggestion.converted'))[0]).to.include(`已转为群众留言 ${c!.ticket} 办理`)
  })

  it('refuses to turn into a message a suggestion longer than a message may be, and says so', async () => {
    const { id } = await suggestionAt(app, 'submitted', { body: `建设路夜间照明不足。${'老人出行不便，'.repeat(300)}` })
    const sunli = await asStaff(app, 'sunli')
    const refused = await sunli.post(`/api/admin/suggestions/${id}/review`, { decision: 'convert' })
    expect(refused.status).to.equal(422)
    expect(refused.body.error).to.include({
      code: 'too_long_for_case',
      message: '建议标题和内容共 2118 字，群众留言最多 2000 字，不能转为群众留言；可退回请代表精简后再提交',
    })
    expect((await sunli.get(`/api/admin/suggestions/${id}`)).body.status, 'nothing changed').to.equal('submitted')
    expect((await app.liaison.store.cases.search({ limit: 10 })).items).to.deep.equal([])
  })

  it('lets a district’s organizer give work only to city-level units and their own district’s, and offers only those', async () => {
    const admin = await asAdmin(app)
    const xinhua = await admin.post('/api/admin/units', { code: 'XHQZF', name: '新华区人民政府', kind: 'district_government', regionId: 'd02', contact: '' })
    expect(xinhua.status, JSON.stringify(xinhua.body)).to.equal(201)
    const qianqi = await asStaff(app, 'qianqi') // organizer of 新华区 (d02)
    const sunli = await asStaff(app, 'sunli') // organizer of 湛河区 (d01)
    const ids = async (who: Client) => (await who.get('/api/admin/units')).body.items.map((u: { id: string }) => u.id).sort()
    expect(await ids(qianqi)).to.deep.equal(['u01', xinhua.body.id].sort())
    expect(await ids(sunli)).to.deep.equal(['u01', 'u02'])
    expect(await ids(admin)).to.deep.equal(['u01', 'u02', xinhua.body.id].sort())

    const { id } = await suggestionAt(app, 'accepted') // 张伟's, in 湛河区
    const refused = await sunli.post(`/api/admin/suggestions/${id}/assignment`, { leadUnitId: 'u01', coUnitIds: [xinhua.body.id] })
    expect(refused.status).to.equal(422)
    expect(refused.body.error).to.deep.include({
      code: 'unit_out_of_scope',
      message: '新华区人民政府不属于您负责的区县，只能选市级单位或本区县的承办单位',
    })
    expect(refused.body.error.details[0].path).to.equal('body.coUnitIds[0]')
    expect((await sunli.get(`/api/admin/suggestions/${id}`)).body.status, 'nothing changed').to.equal('accepted')
    expect((await sunli.post(`/api/admin/suggestions/${id}/assignment`, { leadUnitId: 'u02', coUnitIds: ['u01'] })).status).to.equal(200)
  })

  it('lets a unit’s request lapse when the lead answers first, so that it may ask again in the next round', async () => {
    const { id, zhang } = await suggestionAt(app, 'assigned')
    const chengang = await asStaff(app, 'chengang')
    const asked = await chengang.post(`/api/unit/suggestions/${id}/requests`, { kind: 'extension', reason: '调研', days: 30 })
    expect(asked.status).to.equal(201)
    const first = asked.body.requests[0].id
    await chengang.post(`/api/unit/suggestions/${id}/answer`, { category: 'in_progress', text: '先答' })
    const sunli = await asStaff(app, 'sunli')
    const seen = (await sunli.get(`/api/admin/suggestions/${id}`)).body
    expect(seen.requests[0]).to.include({ status: 'lapsed', note: '主办单位已答复，申请不再办理' })
    expect(seen.timeline.at(-1).text).to.equal('主办单位已答复，未批复的申请自动失效')
    const late = await sunli.post(`/api/admin/suggestions/${id}/requests/${first}/decision`, { approve: true })
    expect(late.status).to.equal(409)
    expect(late.body.error).to.include({ code: 'request_lapsed', message: '这项申请已失效：主办单位已答复，申请不再办理' })

    await zhang.post(`/api/mp/deputy/suggestions/${id}/rating`, { score: 'dissatisfied' })
    const again = await chengang.post(`/api/unit/suggestions/${id}/requests`, { kind: 'extension', reason: '第二轮', days: 20 })
    expect(again.status, JSON.stringify(again.body)).to.equal(201)
    expect(again.body.requests.map((r: { status: string }) => r.status)).to.deep.equal(['lapsed', 'pending'])
  })

  it('lets the old lead’s pending requests lapse when the office gives the suggestion to another unit', async () => {
    const { id } = await suggestionAt(app, 'assigned')
    const chengang = await asStaff(app, 'chengang')
    const longer = (await chengang.post(`/api/unit/suggestions/${id}/requests`, { kind: 'extension', reason: '调研', days: 30 })).body.requests[0].id
    const change = (await chengang.post(`/api/unit/suggestions/${id}/requests`, { kind: 'change_unit', reason: '属区里的事', proposedUnitId: 'u02' })).body
      .requests[1].id
    const sunli = await asStaff(app, 'sunli')
    const approved = await sunli.post(`/api/admin/suggestions/${id}/requests/${change}/decision`, { approve: true })
    expect(approved.status).to.equal(200)
    expect(approved.body.assignment.leadUnit.name).to.equal('湛河区人民政府')
    expect(approved.body.requests.find((r: { id: string }) => r.id === longer)).to.include({ status: 'lapsed', note: '主办单位已更换，申请不再办理' })
    const deadline = approved.body.assignment.deadline
    const late = await sunli.post(`/api/admin/suggestions/${id}/requests/${longer}/decision`, { approve: true })
    expect(late.status).to.equal(409)
    expect((await sunli.get(`/api/admin/suggestions/${id}`)).body.assignment.deadline, 'nothing changed').to.equal(deadline)
    expect(await told(app, 'suggestion.request_decided')).to.have.members([
      `staff:sf21 → 建议 ${approved.body.number}《建设路加装路灯》：同意改由 湛河区人民政府 主办；原主办单位未批复的申请自动失效。这件建议不再由你单位办理，不用再答复。`,
    ])
  })

  it('lets the office close an answered suggestion whose lead deputy has left office and can no longer rate it', async () => {
    const { id, zhang } = await suggestionAt(app, 'assigned')
    await (await asStaff(app, 'chengang')).post(`/api/unit/suggestions/${id}/answer`, { category: 'resolved', text: '已加装' })
    const sunli = await asStaff(app, 'sunli')
    const early = await sunli.post(`/api/admin/suggestions/${id}/close`)
    expect(early.status).to.equal(409)
    expect(early.body.error).to.include({ code: 'deputy_in_office', message: '张伟代表仍在任，请由代表本人评价' })

    expect((await (await asAdmin(app)).patch('/api/admin/deputies/dp0001', { active: false })).status).to.equal(200)
    expect((await zhang.post(`/api/mp/deputy/suggestions/${id}/rating`, { score: 'satisfied' })).status, 'he can no longer rate').to.equal(403)
    const closed = await sunli.post(`/api/admin/suggestions/${id}/close`)
    expect(closed.status, JSON.stringify(closed.body)).to.equal(200)
    expect(closed.body).to.include({ status: 'closed', statusLabel: '已办结' })
    // By the name of the office over it: 张伟's district's.
    expect(closed.body.timeline.at(-1)).to.deep.include({ action: 'closed', text: '领衔代表张伟已离任，由湛河区人大常委会办公室办结（未评价）' })
    const again = await sunli.post(`/api/admin/suggestions/${id}/close`)
    expect(again.status).to.equal(409)
    expect(again.body.error.message).to.equal('只有已答复待评价的建议可以代为办结（现在：已办结）')
  })

  it('shows a unit which residents’ messages a suggestion came from by ticket only, never their words', async () => {
    const sent = await caseForZhang(app, '张三丰 13987654321 小区门口路灯坏了三个月')
    const { id } = await suggestionAt(app, 'assigned', { caseIds: [sent.case.id] })
    const unit = (await (await asStaff(app, 'chengang')).get(`/api/unit/suggestions/${id}`)).body
    expect(unit.cases).to.deep.equal([{ id: sent.case.id, ticket: sent.case.ticket }])
    // The unit reads which office decides its requests, by name (its 申请延期 and 申请调整 say it).
    expect(unit.office).to.equal('湛河区人大常委会办公室')
    const listed = (await (await asStaff(app, 'chengang')).get('/api/unit/suggestions')).body.items[0]
    expect(JSON.stringify([unit, listed])).not.to.match(/张三丰|小区门口|手机号/)
    const office = (await (await asStaff(app, 'sunli')).get(`/api/admin/suggestions/${id}`)).body
    expect(office.cases[0].title, 'the office still reads the masked opening').to.match(/小区门口/)
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
    // The bureau is told its request was decided; the district government that leads now is given it (suggestion.assigned).
    expect((await told(app, 'suggestion.request_decided')).length).to.equal(1)
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
