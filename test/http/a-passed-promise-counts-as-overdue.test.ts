import { expect } from 'chai'
import { caseCity } from '../fixtures.js'
import { startApp, type TestApp } from '../helpers/app.js'
import { asStaff, suggestionAt } from '../helpers/suggestions.js'

const DAY = 86_400_000

interface Row {
  title: string
  statusLabel: string
  promise: { lateText: string | null } | null
  assignment: { dueText: string | null }
}

/**
 * 湛河区's office on 12月13日. 市住建局 promised 张伟's 楼顶违建 done by 12月10日 (正在解决或列入计划, rated, 已答复，
 * 正在办理) and has not reported; it has not answered 路灯 either, due 12月9日; it promised 红绿灯 by 12月31日.
 * For 孙丽 the passed promise is overdue as the missed deadline is: on the 工作概览 card (of them 承诺日期已过 1 件) and in
 * 只看已超期, the longest overdue first. 市住建局's staff (陈刚) count it among what they owe; 湛河区人民政府 (吴静), which
 * handles none of them, neither counts, lists, reads nor answers it; nor does 新华区's office count it. Once the bureau
 * reports, it is overdue no more.
 */
describe('代表建议: a promise past its day counts as overdue for the office, and for its unit only', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-12-07T02:00:00Z')) // Monday 10:00
  })
  afterEach(() => app.close())

  /** Accepted, given to 市住建局 alone with its deadline. */
  async function given(title: string, deadline: string) {
    const { id, zhang } = await suggestionAt(app, 'accepted', { title })
    const assigned = await (await asStaff(app, 'sunli')).post(`/api/admin/suggestions/${id}/assignment`, { leadUnitId: 'u01', deadline })
    expect(assigned.status, JSON.stringify(assigned.body)).to.equal(200)
    return { id, zhang }
  }

  /** Answered 正在解决或列入计划 by `plannedBy` and rated 基本满意: 已答复，正在办理. */
  async function promised(title: string, plannedBy: string) {
    const { id, zhang } = await given(title, '2027-01-31')
    const answered = await (
      await asStaff(app, 'chengang')
    ).post(`/api/unit/suggestions/${id}/answer`, { category: 'in_progress', text: '已列入计划。', plannedBy })
    expect(answered.status, JSON.stringify(answered.body)).to.equal(200)
    expect((await zhang.post(`/api/mp/deputy/suggestions/${id}/rating`, { score: 'basically_satisfied' })).body.status).to.equal('following')
    return id
  }

  it('counts and lists it as overdue for the office, and for its own unit only', async () => {
    const roof = await promised('建设路社区楼顶违建整治', '2026-12-10')
    await promised('学校门口增设红绿灯', '2026-12-31')
    await given('建设路加装路灯', '2026-12-09')
    app.clock.set(new Date('2026-12-13T02:00:00Z'))

    const sunli = await asStaff(app, 'sunli')
    expect((await sunli.get('/api/admin/suggestions/summary')).body).to.deep.equal({ submitted: 0, accepted: 0, overdue: 2, overdueKey: 0, promisesLate: 1 })
    const line = (s: Row) => `${s.title} ${s.statusLabel} ${s.promise?.lateText ?? s.assignment.dueText}`
    const first = (await sunli.get('/api/admin/suggestions?overdue=true&limit=1')).body
    expect(first.items.map(line)).to.deep.equal(['建设路加装路灯 办理中 已超期 4 天'])
    const second = (await sunli.get(`/api/admin/suggestions?overdue=true&limit=1&cursor=${first.nextCursor}`)).body
    expect(second.items.map(line), 'the promise of 12月10日 after the deadline of 12月9日').to.deep.equal([
      '建设路社区楼顶违建整治 已答复，正在办理 承诺日期已过 3 天',
    ])
    expect(second.nextCursor).to.equal(null)
    expect((await sunli.get('/api/admin/suggestions?overdue=true&status=following')).body.items.map(line)).to.deep.equal([
      '建设路社区楼顶违建整治 已答复，正在办理 承诺日期已过 3 天',
    ])
    expect((await sunli.get('/api/admin/suggestions?overdue=true&status=answered')).body.items).to.deep.equal([])
    const qianqi = await asStaff(app, 'qianqi') // 新华区's office: 张伟's suggestions are 湛河区's
    expect((await qianqi.get('/api/admin/suggestions/summary')).body).to.include({ overdue: 0, promisesLate: 0 })
    expect((await qianqi.get('/api/admin/suggestions?overdue=true')).body.items).to.deep.equal([])

    const chengang = await asStaff(app, 'chengang')
    expect((await chengang.get('/api/unit/suggestions/pending')).body).to.include({ owed: 1, overdue: 1, promisesLate: 1 })
    expect((await chengang.get(`/api/unit/suggestions/${roof}`)).body.promise.lateText).to.equal('承诺日期已过 3 天')
    const wujing = await asStaff(app, 'wujing') // 湛河区人民政府: not its suggestions
    expect((await wujing.get('/api/unit/suggestions/pending')).body).to.include({ owed: 0, overdue: 0, promisesLate: 0 })
    expect((await wujing.get('/api/unit/suggestions?status=following')).body.items).to.deep.equal([])
    const read = await wujing.get(`/api/unit/suggestions/${roof}`)
    expect([read.status, read.body.error.message]).to.deep.equal([404, '建议不存在'])
    const report = await wujing.post(`/api/unit/suggestions/${roof}/answer`, { text: '已办完' })
    expect([report.status, report.body.error.message]).to.deep.equal([404, '建议不存在'])
    expect((await sunli.get(`/api/admin/suggestions/${roof}`)).body.statusLabel, 'her answer changed nothing').to.equal('已答复，正在办理')

    // The bureau reports the work done: overdue no more, for the office nor for the bureau.
    expect((await chengang.post(`/api/unit/suggestions/${roof}/answer`, { category: 'resolved', text: '违建已拆除。' })).status).to.equal(200)
    expect((await sunli.get('/api/admin/suggestions/summary')).body).to.include({ overdue: 1, promisesLate: 0 })
    expect((await sunli.get('/api/admin/suggestions?overdue=true')).body.items.map(line)).to.deep.equal(['建设路加装路灯 办理中 已超期 4 天'])
    expect((await chengang.get('/api/unit/suggestions/pending')).body).to.include({ promisesLate: 0 })
  })
})
