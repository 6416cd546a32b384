import { expect } from 'chai'
import { asDeputy, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { asStaff, caseForZhang, draft, localToday, told } from '../helpers/suggestions.js'
import { addDays, addMonths } from '../../src/domain/suggestion-due.js'

const DAY = 86_400_000

describe('代表建议: one suggestion’s whole life, through every role', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
  })
  afterEach(() => app.close())

  it('goes from two residents’ messages to a published, rated answer and the year’s statistics', async () => {
    // Two residents wrote to 张伟 about the same dark street.
    const first = await caseForZhang(app, '建设路晚上没有路灯，老人摔倒了')
    const second = await caseForZhang(app, '建设路太黑了，孩子放学不安全')
    const zhang = await asDeputy(app, 'dp0001')
    const wang = await asDeputy(app, 'dp0002')

    // 张伟 drafts a suggestion from both; the residents hear nothing until he submits it.
    const created = await zhang.post('/api/mp/deputy/suggestions', draft({ caseIds: [first.case.id, second.case.id] }))
    expect(created.status).to.equal(201)
    expect(created.body).to.include({ status: 'draft', statusLabel: '草稿', number: null, round: 1, published: false })
    expect(created.body.deputy).to.deep.equal({ id: 'dp0001', name: '张伟' })
    expect(created.body.cases.map((c: { ticket: string }) => c.ticket)).to.deep.equal([first.case.ticket, second.case.ticket])
    const id = created.body.id
    expect(await told(app, 'suggestion.linked')).to.deep.equal([])

    // Co-signing: 王芳 finds it among those asking for co-signers and joins.
    const invited = await zhang.post(`/api/mp/deputy/suggestions/${id}/cosign-invitation`, { days: 5 })
    expect(invited.body).to.include({ status: 'cosigning', statusLabel: '征集附议' })
    expect(new Date(invited.body.cosignUntil).getTime() - app.clock.now().getTime()).to.equal(5 * DAY)
    const open = await wang.get('/api/mp/deputy/suggestions?box=cosign')
    expect(open.body.items.map((s: { id: string }) => s.id)).to.deep.equal([id])
    expect(open.body.items[0].cases, 'residents’ messages are not shown to every deputy asked to co-sign').to.deep.equal([])
    expect((await wang.get(`/api/mp/deputy/suggestions/${id}`)).body.cases).to.deep.equal([])
    const cosigned = await wang.post(`/api/mp/deputy/suggestions/${id}/cosign`)
    expect(cosigned.body.coSigners.map((c: { name: string }) => c.name)).to.deep.equal(['王芳'])
    expect(cosigned.body.cases, 'a co-signer reads them').to.have.length(2)
    expect((await wang.get('/api/mp/deputy/suggestions?box=mine')).body.items.map((s: { id: string }) => s.id)).to.deep.equal([id])

    // Submitted: it gets this year's first number.
    const submitted = await zhang.post(`/api/mp/deputy/suggestions/${id}/submit`)
    const year = Number(localToday(app).slice(0, 4))
    expect(submitted.body).to.include({ status: 'submitted', statusLabel: '待审查', number: `${year}-0001`, year })
    // Now the two residents are told.
    const linked = await told(app, 'suggestion.linked')
    expect(linked).to.have.length(2)
    // Her message by the day she wrote it and its first words, not a bare number.
    const today = localToday(app)
    expect(linked).to.include(
      `mp_user:${first.resident.userId} → 您${Number(today.slice(5, 7))}月${Number(today.slice(8, 10))}日反映的“建设路晚上没有路灯，老人摔倒了”（编号 ${first.case.ticket}）已被张伟代表写入代表建议《建设路加装路灯》，代表将推动有关部门办理。`,
    )

    // The district's organizer accepts and assigns it with key supervision.
    const sunli = await asStaff(app, 'sunli')
    const accepted = await sunli.post(`/api/admin/suggestions/${id}/review`, { decision: 'accept' })
    expect(accepted.body).to.include({ status: 'accepted', statusLabel: '已立案待交办' })
    expect(accepted.body.review).to.include({ decision: 'accept', by: '孙丽' })
    const assigned = await sunli.post(`/api/admin/suggestions/${id}/assignment`, {
      leadUnitId: 'u01',
      coUnitIds: ['u02'],
      keySupervision: true,
      supervisionLeader: '王副主任',
    })
    expect(assigned.status).to.equal(200)
    const deadline = addMonths(localToday(app), 3)
    expect(assigned.body.assignment).to.deep.include({
      leadUnit: { id: 'u01', name: '市住房和城乡建设局' },
      coUnits: [{ id: 'u02', name: '湛河区人民政府' }],
      deadline,
      keySupervision: true,
      supervisionLeader: '王副主任',
    })
    expect(assigned.body.assignment.dueText).to.match(/^还有 \d+ 天$/)
    const unitsTold = await told(app, 'suggestion.assigned')
    expect(unitsTold.filter((t) => t.startsWith('staff:'))).to.have.members([
      `staff:sf21 → 新交办代表建议 ${year}-0001《建设路加装路灯》（主办，重点督办，王副主任领衔），请于 ${deadline} 前答复。`,
      `staff:sf22 → 新交办代表建议 ${year}-0001《建设路加装路灯》（协办，重点督办，王副主任领衔），请于 ${deadline} 前答复。`,
    ])

    // The lead unit asks for 30 more days; the office agrees.
    const chengang = await asStaff(app, 'chengang')
    const wujing = await asStaff(app, 'wujing')
    const asked = await chengang.post(`/api/unit/suggestions/${id}/requests`, { kind: 'extension', reason: '需要列入明年预算', days: 30 })
    expect(asked.status).to.equal(201)
    const request = asked.body.requests[0]
    expect(request).to.include({ kind: 'extension', status: 'pending', days: 30, reason: '需要列入明年预算' })
    expect(await told(app, 'suggestion.request_made')).to.have.length(1)
    const approved = await sunli.post(`/api/admin/suggestions/${id}/requests/${request.id}/decision`, { approve: true })
    expect(approved.body.requests[0]).to.include({ status: 'approved' })
    expect(approved.body.assignment.deadline).to.equal(addDays(deadline, 30))

    // The co-unit gives its view; then the lead unit answers 正在解决 and the deputy is told.
    const coAnswer = await wujing.post(`/api/unit/suggestions/${id}/answer`, { text: '区里配合做好施工协调。' })
    expect(coAnswer.body, JSON.stringify(coAnswer.body)).to.include({ status: 'assigned' })
    const answered = await chengang.post(`/api/unit/suggestions/${id}/answer`, { category: 'in_progress', text: '已列入明年城建计划。' })
    expect(answered.body).to.include({ status: 'answered', statusLabel: '已答复待评价' })
    expect(answered.body.answers.map((a: { role: string; categoryLabel: string | null }) => [a.role, a.categoryLabel])).to.deep.equal([
      ['co', null],
      ['lead', '正在解决或列入计划'],
    ])
    expect(await told(app, 'suggestion.answered')).to.deep.equal([
      `deputy:dp0001 → 您的建议 ${year}-0001《建设路加装路灯》已答复（正在解决或列入计划）。请打开小程序“代表工作台—我的建议”，点这条建议，再点“评价答复”。`,
    ])

    // 不满意: it goes back to the same units for one more round, due in a month.
    const unhappy = await zhang.post(`/api/mp/deputy/suggestions/${id}/rating`, { score: 'dissatisfied', comment: '明年太晚了' })
    expect(unhappy.body).to.include({ status: 'rehandling', statusLabel: '重新办理', round: 2 })
    expect(unhappy.body.rating).to.include({ score: 'dissatisfied', scoreLabel: '不满意', round: 1 })
    expect(unhappy.body.assignment.deadline).to.equal(addMonths(localToday(app), 1))
    expect(await told(app, 'suggestion.rehandling')).to.have.length(2)

    // The second answer solves it; 满意 closes it.
    const solved = await chengang.post(`/api/unit/suggestions/${id}/answer`, { category: 'resolved', text: '路灯已于本周装好。' })
    expect(solved.body, JSON.stringify(solved.body)).to.include({ status: 'answered', round: 2 })
    const happy = await zhang.post(`/api/mp/deputy/suggestions/${id}/rating`, { score: 'satisfied' })
    expect(happy.body).to.include({ status: 'closed', statusLabel: '已办结' })
    expect(happy.body.rating).to.include({ score: 'satisfied', scoreLabel: '满意', round: 2 })

    // Published: anyone reads the suggestion and its answer, without a resident's name or message.
    const published = await sunli.put(`/api/admin/suggestions/${id}/publication`)
    expect(published.body.published).to.equal(true)
    const pub = await new Client(app.baseUrl).get('/api/public/suggestions')
    expect(pub.status).to.equal(200)
    expect(pub.body.items).to.deep.equal([
      {
        id,
        number: `${year}-0001`,
        year,
        title: '建设路加装路灯',
        body: draft().body,
        deputy: { name: '张伟' },
        leadUnit: { name: '市住房和城乡建设局' },
        coUnits: [{ name: '湛河区人民政府' }],
        answer: { category: 'resolved', categoryLabel: '已解决', text: '路灯已于本周装好。', at: solved.body.answers[2].at },
        rating: { scoreLabel: '满意' },
      },
    ])
    expect(JSON.stringify(pub.body)).not.to.include(first.case.ticket)

    // The year's statistics: one suggestion for 住建局, answered on time, resolved, satisfied.
    const stats = await sunli.get(`/api/admin/suggestions/stats?year=${year}`)
    expect(stats.body.units).to.deep.equal([
      {
        unit: { id: 'u01', name: '市住房和城乡建设局' },
        total: 1,
        answered: 1,
        onTime: 1,
        overdue: 0,
        onTimeShare: 1,
        resolvedShare: 1,
        satisfaction: { satisfied: 1, basically_satisfied: 0, dissatisfied: 0 },
        satisfiedShare: 1,
      },
    ])

    // The timeline tells the story in order.
    const final = await sunli.get(`/api/admin/suggestions/${id}`)
    expect(final.body.timeline.map((e: { action: string }) => e.action)).to.deep.equal([
      'created',
      'cosign_opened',
      'cosigned',
      'submitted',
      'accepted',
      'assigned',
      'request_made',
      'request_approved',
      'answered',
      'answered',
      'rated',
      'rehandling',
      'answered',
      'rated',
      'closed',
      'published',
    ])
  })
})
