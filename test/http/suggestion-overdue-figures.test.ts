import { expect } from 'chai'
import { caseCity } from '../fixtures.js'
import { asAdmin, asDeputy, startApp, type TestApp } from '../helpers/app.js'
import { MONDAY_10AM } from '../helpers/lina-on-monday.js'
import { asStaff, localToday, suggestionAt } from '../helpers/suggestions.js'
import { addDays } from '../../src/domain/suggestion-due.js'

const DAY = 86_400_000

/**
 * 湛河区's office, ten days after two of 市住建局's suggestions passed their deadline (one 重点督办) while it
 * answered a third in time: what 建议办理统计, the 工作概览 card, 只看已超期 and the 操作记录 tell 孙丽 and the admin.
 */
describe('代表建议: overdue ones in the figures, the dashboard card, the overdue list and the audit log', () => {
  let app: TestApp
  const ids: Record<string, string> = {}
  const numbers: Record<string, string> = {}

  before(async () => {
    app = await startApp({ directory: caseCity() })
    // A Monday in late November: at the wall clock, a run from 22 December on moves ten days into the next year, whose
    // figures hold none of these suggestions.
    app.clock.set(MONDAY_10AM)
    const sunli = await asStaff(app, 'sunli')
    const today = localToday(app)
    const assign = async (name: string, title: string, body: Record<string, unknown>) => {
      const { id } = await suggestionAt(app, 'accepted', { title })
      const answer = await sunli.post(`/api/admin/suggestions/${id}/assignment`, { leadUnitId: 'u01', ...body })
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
      ids[name] = id
      numbers[name] = answer.body.number
    }
    await assign('key', '老旧小区加装电梯', { deadline: today, keySupervision: true, supervisionLeader: '赵副主任' })
    await assign('late', '建设路加装路灯', { deadline: addDays(today, 5) })
    await assign('answered', '学校门口增设红绿灯', { deadline: addDays(today, 5) })
    const chengang = await asStaff(app, 'chengang')
    expect((await chengang.post(`/api/unit/suggestions/${ids.answered}/answer`, { category: 'resolved', text: '已安装' })).status).to.equal(200)
    expect((await (await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/suggestions/${ids.answered}/rating`, { score: 'satisfied' })).status).to.equal(200)
    expect((await sunli.put(`/api/admin/suggestions/${ids.answered}/publication`)).status).to.equal(200)
    const asked = await chengang.post(`/api/unit/suggestions/${ids.late}/requests`, { kind: 'extension', reason: '等预算', days: 2 })
    expect(asked.status, JSON.stringify(asked.body)).to.equal(201)
    const request = asked.body.requests.at(-1).id
    expect((await sunli.post(`/api/admin/suggestions/${ids.late}/requests/${request}/decision`, { approve: true })).status).to.equal(200)
    ids.waiting = (await suggestionAt(app, 'submitted', { title: '待审查的建议' })).id
    ids.accepted = (await suggestionAt(app, 'accepted', { title: '待交办的建议' })).id
    app.clock.advance(10 * DAY)
  })
  after(() => app.close())

  it('counts a suggestion waiting past its deadline as not answered on time, and shows how many are overdue', async () => {
    const stats = (await (await asStaff(app, 'sunli')).get(`/api/admin/suggestions/stats?year=${localToday(app).slice(0, 4)}`)).body
    expect(stats.units).to.have.length(1)
    expect(stats.units[0]).to.deep.include({
      unit: { id: 'u01', name: '市住房和城乡建设局' },
      total: 3,
      answered: 1,
      onTime: 1,
      overdue: 2,
      onTimeShare: 0.333,
    })
    expect(stats.totals).to.include({ total: 3, overdue: 2, onTimeShare: 0.333 })
  })

  it('gives the dashboard card 待审查, 待交办 and 已超期 (of which 重点督办) in the organizer’s districts only', async () => {
    expect((await (await asStaff(app, 'sunli')).get('/api/admin/suggestions/summary')).body).to.deep.equal({
      submitted: 1,
      accepted: 1,
      overdue: 2,
      overdueKey: 1,
      promisesLate: 0,
    })
    expect((await (await asStaff(app, 'qianqi')).get('/api/admin/suggestions/summary')).body, 'another district’s organizer').to.deep.equal({
      submitted: 0,
      accepted: 0,
      overdue: 0,
      overdueKey: 0,
      promisesLate: 0,
    })
    expect((await (await asStaff(app, 'chengang')).get('/api/admin/suggestions/summary')).status, 'a unit’s staff').to.equal(403)
    expect((await (await asStaff(app, 'sunli')).get('/api/admin/suggestions/summary?all=1')).status).to.equal(400)
  })

  it('lists the longest overdue first, page by page', async () => {
    const sunli = await asStaff(app, 'sunli')
    const first = (await sunli.get('/api/admin/suggestions?overdue=true&limit=1')).body
    expect(first.items.map((s: { title: string; assignment: { dueText: string } }) => `${s.title} ${s.assignment.dueText}`)).to.deep.equal([
      '老旧小区加装电梯 已超期 10 天',
    ])
    const second = (await sunli.get(`/api/admin/suggestions?overdue=true&limit=1&cursor=${first.nextCursor}`)).body
    expect(second.items.map((s: { title: string; assignment: { dueText: string } }) => `${s.title} ${s.assignment.dueText}`)).to.deep.equal([
      '建设路加装路灯 已超期 3 天',
    ])
    expect(second.nextCursor).to.equal(null)
    const all = (await sunli.get('/api/admin/suggestions?overdue=true')).body.items.map((s: { title: string }) => s.title)
    expect(all).to.deep.equal(['老旧小区加装电梯', '建设路加装路灯'])
    const keyOnly = (await sunli.get('/api/admin/suggestions?overdue=true&keySupervision=true')).body.items.map((s: { title: string }) => s.title)
    expect(keyOnly).to.deep.equal(['老旧小区加装电梯'])
    const foreign = await sunli.get(`/api/admin/suggestions?overdue=true&cursor=${Buffer.from(JSON.stringify({ k: 'x' })).toString('base64url')}`)
    expect(foreign.status).to.equal(400)
  })

  it('writes the office’s decisions to the 操作记录: 立案, 交办, 同意延期, 公开, by name and number, in words', async () => {
    const admin = await asAdmin(app)
    const rows = async (id: string) =>
      (await admin.get(`/api/admin/audit?targetId=${id}`)).body.items.map(
        (e: { actorWords: string; actionWords: string; targetWords: string; detailWords: string }) =>
          [e.actorWords, e.actionWords, e.targetWords, e.detailWords].join(' | '),
      )
    const key = await rows(ids.key)
    expect(key).to.have.length(2)
    expect(key[1]).to.equal(`孙丽（人大办工作人员） | 代表建议立案 | 代表建议 ${numbers.key} | 审查通过，立案`)
    expect(key[0]).to.match(
      new RegExp(`^孙丽（人大办工作人员） \\| 交办代表建议 \\| 代表建议 ${numbers.key} \\| 交办：主办 市住房和城乡建设局，期限 .*，重点督办（赵副主任领衔）$`),
    )
    expect((await rows(ids.late))[0]).to.match(
      new RegExp(`^孙丽（人大办工作人员） \\| 同意承办单位的申请 \\| 代表建议 ${numbers.late} \\| 同意延期 2 天，新期限 \\d{4}年\\d{1,2}月\\d{1,2}日$`),
    )
    expect((await rows(ids.answered))[0]).to.equal(`孙丽（人大办工作人员） | 公开代表建议的答复 | 代表建议 ${numbers.answered} | 答复向社会公开`)
    const chosen = (await admin.get('/api/admin/audit/actions')).body.items.map((a: { words: string }) => a.words)
    expect(chosen).to.include.members(['交办代表建议', '催办代表建议', '督办代表建议'])
  })
})
