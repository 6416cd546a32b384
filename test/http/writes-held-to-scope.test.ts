import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, type Client } from '../helpers/app.js'
import { addItem, createCampaign } from '../helpers/campaign-levels.js'
import { asStaff, meetingBody } from '../helpers/meetings.js'
import { candidate, openCycle, propose } from '../helpers/livelihood.js'
import { BANK_CSV, quizWithBank } from '../helpers/quizzes.js'
import { type Attempt, refusedAndUnchanged as refusedAndUnchangedFor } from '../helpers/refused-writes.js'
import { streetCityForEachTest } from '../helpers/street-organizers.js'
import { suggestionAt } from '../helpers/suggestions.js'
import { consultationBody, surveyBody } from '../helpers/surveys.js'

/** The attempts refused and, read by `owner` at `paths` before and after, nothing changed (helpers/refused-writes.ts). */
const refusedAndUnchanged = (owner: Client, paths: string[], attempts: Attempt[]) =>
  refusedAndUnchangedFor(
    paths.map((path) => () => owner.get(path)),
    attempts,
  )

/**
 * Writes are held to the scope of reads: an organizer can neither read nor change what another place's organizer runs
 * (quizzes-streets, surveys-streets, meetings-streets and campaigns-scope prove the reads and the main edit; these are
 * the other writes on the same pages), nor a station, deputy or suggestion outside her place.
 */
describe("an organizer's writes on what another street or district runs", () => {
  const streets = streetCityForEachTest() // 吴敏 of 轻工街道 (st001, st003), 郑华 of 马庄街道 (st002)

  it("cannot publish, fill, correct, end or delete the next street's quiz", async () => {
    const { app, wumin, zhenghua } = streets
    const draft = await quizWithBank(app, zhenghua, { title: '马庄街道竞赛草稿', audience: 'deputies', draft: true })
    const open = await quizWithBank(app, zhenghua, { title: '马庄街道竞赛', audience: 'deputies' })
    const questionId = (await zhenghua.get(`/api/admin/quizzes/${draft.id}`)).body.questions[0].id as string
    const quiz = (id: string) => `/api/admin/quizzes/${id}`
    await refusedAndUnchanged(
      zhenghua,
      [quiz(draft.id), quiz(open.id)],
      [
        ['publish', () => wumin.post(`${quiz(draft.id)}/publish`)],
        [
          'add a question',
          () => wumin.post(`${quiz(draft.id)}/questions`, { questions: [{ type: 'single', stem: '新题', options: ['甲', '乙'], answer: ['A'] }] }),
        ],
        ['correct a question', () => wumin.patch(`${quiz(draft.id)}/questions/${questionId}`, { stem: '改了' })],
        ['import a bank', () => wumin.post(`${quiz(draft.id)}/questions/import`, { csv: BANK_CSV })],
        ['delete the draft', () => wumin.request('DELETE', quiz(draft.id))],
        ['end it early', () => wumin.post(`${quiz(open.id)}/close`)],
      ],
    )
  })

  it("cannot correct, publish, remind for, decide on or publish the outcome of the next street's survey", async () => {
    const { app, wumin, zhenghua } = streets
    const created = async (body: Record<string, unknown>) => {
      const answer = await zhenghua.post('/api/admin/surveys', body)
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
      return `/api/admin/surveys/${answer.body.id}`
    }
    const draft = await created(surveyBody({ title: '马庄街道问卷草稿', draft: true }))
    const open = await created(surveyBody({ title: '马庄街道问卷' }))
    const consultation = await created(consultationBody({ title: '马庄街道征求意见' }))
    const said = await (
      await asResident(app)
    ).post(`/api/mp/surveys/${consultation.split('/').pop()}/responses`, {
      answers: { q1: 'o2' },
      comments: [{ articleId: 'a2', text: '百分之三十太高' }],
    })
    expect(said.status, JSON.stringify(said.body)).to.equal(201)
    const [opinion] = (await zhenghua.get(`${consultation}/opinions`)).body.items as Array<{ id: string }>
    await refusedAndUnchanged(
      zhenghua,
      [draft, open, consultation, `${consultation}/opinions`],
      [
        ['decide an opinion', () => wumin.post(`${consultation}/opinions/${opinion!.id}/decision`, { outcome: 'not_adopted', reason: '不采纳' })],
        ['correct it', () => wumin.patch(open, { title: '改了' })],
        ['publish the draft', () => wumin.post(`${draft}/publish`)],
        ['remind who has not answered', () => wumin.post(`${open}/remind`, {})],
        ['publish the outcome', () => wumin.post(`${consultation}/outcome/publish`)],
      ],
    )
  })

  it("cannot publish, widen, remind for or mark attendance at the next street's meeting", async () => {
    const { app, wumin, zhenghua } = streets
    const created = async (title: string) => {
      const answer = await zhenghua.post('/api/admin/meetings', meetingBody({ title, selector: { stationIds: ['st002'] } }))
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
      return `/api/admin/meetings/${answer.body.id}`
    }
    const draft = await created('马庄街道接待日草稿')
    const held = await created('马庄街道接待日')
    expect((await zhenghua.post(`${held}/publish`)).status).to.equal(200)
    // 赵敏 (dp0004, st002) answers herself, so there is an answer a staff entry could overwrite or undo.
    expect((await (await asDeputy(app, 'dp0004')).post(`/api/mp/meetings/${held.split('/').pop()}/rsvp`, { response: 'attend' })).status).to.equal(200)
    const zhao = `${held}/invitees/deputy/dp0004/entry`
    // 李强 (dp0003) sits at st002 and at 吴敏's st001: once published, 吴敏 follows the meeting for his answer, read-only.
    expect((await wumin.get(held)).status).to.equal(200)
    const readOnly: [number, string] = [403, 'meeting_read_only']
    await refusedAndUnchanged(
      zhenghua,
      [draft, held, `${held}/invitees`],
      [
        ['publish the draft', () => wumin.post(`${draft}/publish`)],
        ['add invitees', () => wumin.post(`${held}/invitees`, { selector: { stationIds: ['st001'] } }), readOnly],
        ['preview added invitees', () => wumin.post(`${held}/invitee-preview`, { selector: { stationIds: ['st001'] } }), readOnly],
        ['record leave for a deputy', () => wumin.post(zhao, { kind: 'leave', note: '出差' }), readOnly],
        ['undo an entry', () => wumin.request('DELETE', zhao), readOnly],
        ['remind who has not answered', () => wumin.post(`${held}/remind`, {}), readOnly],
        ['call it off', () => wumin.post(`${held}/cancel`, {}), readOnly],
      ],
    )
  })

  it("cannot add to, correct, publish, withdraw or remind for the next street's campaign, nor its outsiders take part", async () => {
    const { app, wumin, zhenghua } = streets
    const campaign = await createCampaign(zhenghua, app, { title: '马庄街道学习代表法', audience: { stationIds: ['st002'] } })
    const shown = await addItem(zhenghua, campaign.id, '代表法第一章')
    const held = await zhenghua.post(`/api/admin/campaigns/${campaign.id}/items`, {
      title: '代表法第二章',
      summary: '',
      body: '<p>二</p>',
      source: '人大',
      draft: true,
    })
    expect(held.status, JSON.stringify(held.body)).to.equal(201)
    const path = `/api/admin/campaigns/${campaign.id}`
    await refusedAndUnchanged(
      zhenghua,
      [path],
      [
        ['add an item', () => wumin.post(`${path}/items`, { title: '改了', summary: '', body: '<p>改了</p>', source: '人大' })],
        ['correct an item', () => wumin.patch(`${path}/items/${shown.id}`, { title: '改了' })],
        ['publish a draft item', () => wumin.post(`${path}/items/${held.body.id}/publish`)],
        ['withdraw an item', () => wumin.post(`${path}/items/${shown.id}/withdraw`)],
        ['remind who has not read', () => wumin.post(`${path}/remind`, {})],
      ],
    )
    // Nor may those outside its audience take part: 张伟 (st001) and 李娜, the clerk of st001.
    const [zhang, lina] = [await asDeputy(app, 'dp0001'), await asStaff(app, 'lina')]
    const checkIn = { itemId: shown.id, reflection: '学了' }
    await refusedAndUnchanged(
      zhenghua,
      [path, `${path}/progress`],
      [
        ['a deputy outside it follows it', () => zhang.post(`/api/mp/campaigns/${campaign.id}/follow`, {})],
        ['a deputy outside it checks in', () => zhang.post(`/api/mp/campaigns/${campaign.id}/check-ins`, checkIn)],
        ['a clerk outside it checks in', () => lina.post(`/api/admin/campaigns/${campaign.id}/check-ins`, checkIn)],
      ],
    )
  })

  it("another district's office, and a street's organizer, cannot act on a deputy's suggestion of 湛河区", async () => {
    const { app, wumin } = streets
    // 张伟's suggestion, accepted by 孙丽 (湛河区) and with its units: the office's work on it is 湛河区's.
    const { id } = await suggestionAt(app, 'assigned')
    const sunli = await asStaff(app, 'sunli')
    const path = `/api/admin/suggestions/${id}`
    for (const outsider of [await asStaff(app, 'qianqi'), wumin]) {
      await refusedAndUnchanged(
        sunli,
        [path],
        [
          ['review it again', () => outsider.post(`${path}/review`, { decision: 'return', reason: '不属于本区' })],
          ['assign it to other units', () => outsider.post(`${path}/assignment`, { leadUnitId: 'u02' })],
          ['urge its units', () => outsider.post(`${path}/urge`, { note: '请尽快' })],
          ['supervise it', () => outsider.post(`${path}/supervision`, { note: '列为重点督办' })],
          ['close it', () => outsider.post(`${path}/close`)],
          ['publish it', () => outsider.put(`${path}/publication`)],
          ['take it off the public list', () => outsider.request('DELETE', `${path}/publication`)],
        ],
      )
    }
  })

  it("cannot change the next street's station, its duty days or its deputy", async () => {
    const { wumin, zhenghua } = streets
    const station = '/api/admin/stations/st002'
    const zhao = '/api/admin/deputies/dp0004' // 赵敏, of st002 only
    await refusedAndUnchanged(
      zhenghua,
      [station, zhao],
      [
        ['change its address', () => wumin.patch(station, { address: '马庄路9号' })],
        ['set a duty day', () => wumin.put(`${station}/duty-days/2026-11-26`, { deputyIds: ['dp0004'], seen: [] })],
        ['change her duty days', () => wumin.patch(zhao, { dutyDates: ['2026-12-10'], seenDutyDates: [] })],
        ['mark her away', () => wumin.put(`${zhao}/away`, { from: '2026-11-23', until: '2026-11-27', reason: 'leave' })],
        ['end her time away', () => wumin.request('DELETE', `${zhao}/away`)],
        ['make her a binding code', () => wumin.post(`${zhao}/binding-code`)],
      ],
    )
  })

  it("another district's office cannot sort, put to the vote or publish 湛河区's 民生实事 year", async () => {
    const { app } = streets
    app.clock.set(new Date('2026-12-02T02:00:00Z')) // proposals are open all December
    const year = await openCycle(await asAdmin(app), { office: 'd01', title: '2027年湛河区民生实事项目' })
    const [lift, market] = [await propose(await asResident(app), year.id), await propose(await asResident(app), year.id, { title: '马庄菜市场改造' })]
    const sunli = await asStaff(app, 'sunli')
    const chosen = await candidate(sunli, year.id, { title: '老旧小区加装电梯', proposalIds: [lift.id] })
    const qianqi = await asStaff(app, 'qianqi') // 新华区
    const path = `/api/admin/livelihood`
    await refusedAndUnchanged(
      sunli,
      [`${path}/cycles/${year.id}`, `${path}/cycles/${year.id}/proposals`],
      [
        ['correct a candidate', () => qianqi.patch(`${path}/candidates/${chosen.id}`, { title: '改了' })],
        ['withdraw a candidate', () => qianqi.post(`${path}/candidates/${chosen.id}/withdraw`, {})],
        ['decline a proposal', () => qianqi.post(`${path}/proposals/${market.id}/decline`, { note: '不办' })],
        ['open the ballot', () => qianqi.post(`${path}/cycles/${year.id}/ballot`, {})],
        ['settle the ballot', () => qianqi.post(`${path}/cycles/${year.id}/ballot-result`, {})],
        ['open the rating', () => qianqi.post(`${path}/cycles/${year.id}/rating`)],
        ['publish the year', () => qianqi.post(`${path}/cycles/${year.id}/publish`)],
      ],
    )
  })

  it('another unit cannot answer or ask about a suggestion it was not given, nor another office decide what its unit asked', async () => {
    const { app } = streets
    const { id } = await suggestionAt(app, 'accepted')
    const sunli = await asStaff(app, 'sunli')
    expect((await sunli.post(`/api/admin/suggestions/${id}/assignment`, { leadUnitId: 'u01' })).status).to.equal(200) // 市住建局 alone
    const wujing = await asStaff(app, 'wujing') // 湛河区人民政府
    const path = `/api/unit/suggestions/${id}`
    await refusedAndUnchanged(
      await asStaff(app, 'chengang'),
      [path],
      [
        ['answer it', () => wujing.post(`${path}/answer`, { category: 'resolved', text: '已办完' })],
        ['ask for more time', () => wujing.post(`${path}/requests`, { kind: 'extension', reason: '需要时间', days: 30 })],
        ['ask for another lead unit', () => wujing.post(`${path}/requests`, { kind: 'change_unit', reason: '不归我们' })],
      ],
    )
    // 市住建局 asks for more time itself: deciding that is 湛河区's office's, not 新华区's nor a street's.
    const asked = await (await asStaff(app, 'chengang')).post(`${path}/requests`, { kind: 'extension', reason: '需要时间', days: 30 })
    expect(asked.status, JSON.stringify(asked.body)).to.equal(201)
    const decision = `/api/admin/suggestions/${id}/requests/${asked.body.requests[0].id}/decision`
    await refusedAndUnchanged(
      sunli,
      [`/api/admin/suggestions/${id}`],
      [
        ["新华区's office decides it", async () => (await asStaff(app, 'qianqi')).post(decision, { approve: true })],
        ['a street organizer decides it', () => streets.wumin.post(decision, { approve: false, note: '不同意' })],
      ],
    )
  })

  it("another district's office cannot extend a deputy's 述职评议 of 湛河区", async () => {
    const { app } = streets
    const sunli = await asStaff(app, 'sunli')
    const opened = await sunli.post('/api/admin/records/dp0001/appraisals', {
      year: 2026,
      opensAt: '2026-12-01T09:00:00+08:00',
      closesAt: '2026-12-15T18:00:00+08:00',
    })
    expect(opened.status, JSON.stringify(opened.body)).to.equal(201)
    const qianqi = await asStaff(app, 'qianqi')
    await refusedAndUnchanged(
      sunli,
      ['/api/admin/records/dp0001/appraisals'],
      [['extend it', () => qianqi.post(`/api/admin/records/dp0001/appraisals/${opened.body.surveyId}/extend`, { closesAt: '2026-12-31T18:00:00+08:00' })]],
    )
  })

  it("cannot remake and keep another place's weekly report", async () => {
    const { app, wumin, zhenghua } = streets
    const sunli = await asStaff(app, 'sunli')
    const report = (scope: string) => `/api/admin/analysis/weekly-report?scope=${scope}&week=2026-11-16`
    const outside: [number, string] = [403, 'outside_scope']
    await refusedAndUnchanged(
      sunli,
      [report('d01'), report('s0102')],
      [
        ["新华区's office remakes 湛河区's", async () => (await asStaff(app, 'qianqi')).post(report('d01')), outside],
        ["吴敏 remakes his district's", () => wumin.post(report('d01')), outside],
        ["吴敏 remakes the next street's", () => wumin.post(report('s0102')), outside],
      ],
    )
    for (const scope of ['d01', 's0102']) expect(await app.liaison.store.analysis.reportWeeks(scope, 52), `none kept for ${scope}`).to.deep.equal([])
    // A place's report is refused in words as reading it is (its place is no secret: the console names every district).
    const read = await wumin.get(report('s0102'))
    expect([read.status, read.body.error?.code, read.body.error?.message], 'reading it').to.deep.equal([...outside, '只能查看本辖区的分析报告'])
    expect((await zhenghua.post(report('s0102'))).status, 'its own organizer may').to.equal(200)
  })
})
