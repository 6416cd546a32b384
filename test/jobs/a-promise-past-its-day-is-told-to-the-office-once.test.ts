import { expect } from 'chai'
import { asDeputy, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { asStaff, promisedByTheUnit, suggestionAt, told } from '../helpers/suggestions.js'

const DAY = 86_400_000

/**
 * 市住建局 answered 张伟's suggestion 正在解决或列入计划 and promised the work done by 12月10日; he rated it and it stays
 * open (已答复，正在办理) until the bureau reports it done. The day passes and nobody hears of it: here, the morning after,
 * the office (湛河区人大常委会办公室) is told once to press the bureau, the bureau's staff are told once to finish and
 * report, and the office's list says how late the promise is, every day it stays so, without a new notice each morning.
 */
describe('代表建议: a promise past its day is told to the office once and marked on its list', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-12-07T02:00:00Z')) // Monday 10:00
  })
  afterEach(() => app.close())

  const run = () => app.liaison.jobs.find((j) => j.name === 'suggestion-deadlines')!.run()

  /** 张伟's suggestion answered 正在解决或列入计划 by 市住建局 with `plannedBy`, and rated: following. */
  async function promised(plannedBy: string) {
    const { id, zhang } = await promisedByTheUnit(app, plannedBy, '已列入整治计划。')
    const rated = await zhang.post(`/api/mp/deputy/suggestions/${id}/rating`, { score: 'basically_satisfied' })
    expect(rated.body.statusLabel).to.equal('已答复，正在办理')
    return id
  }

  /** How the office's list of suggestions being followed marks each (its late words, or none), by number. */
  async function officeList() {
    const list = await (await asStaff(app, 'sunli')).get('/api/admin/suggestions?status=following')
    return list.body.items.map((s: { number: string; promise: { lateText: string | null } }) => `${s.number} ${s.promise.lateText ?? '按期'}`).sort()
  }

  it('tells the office and the bureau once the day has passed, however often the job runs, and the list counts the days', async () => {
    await promised('2026-12-10')
    await run()
    expect(await officeList()).to.deep.equal(['2026-0001 按期'])

    app.clock.advance(3 * DAY) // 12月10日: the promised day itself is on time
    await run()
    expect(await told(app, 'suggestion.promise_late')).to.deep.equal([])
    expect(await officeList()).to.deep.equal(['2026-0001 按期'])

    app.clock.advance(DAY) // 12月11日
    await run()
    await run()
    expect(await told(app, 'suggestion.promise_late')).to.deep.equal([
      'office:d01 → 代表建议 2026-0001《建设路社区楼顶违建整治》：市住房和城乡建设局承诺2026年12月10日前办完，承诺日期已过 1 天，还没有报告办完，请催办。',
    ])
    expect(await told(app, 'suggestion.promise_late_unit'), 'the lead only: the co-unit owes nothing').to.deep.equal([
      'staff:sf21 → 代表建议 2026-0001《建设路社区楼顶违建整治》承诺2026年12月10日前办完，这一天已经过了，还没有报告办理结果。办完后请在“交办建议”里报告办理结果，代表会再评价。',
    ])
    expect(await officeList()).to.deep.equal(['2026-0001 承诺日期已过 1 天'])

    // A week of mornings: the list counts on, nobody is told again.
    for (let i = 0; i < 6; i++) {
      app.clock.advance(DAY)
      await run()
    }
    expect(await told(app, 'suggestion.promise_late')).to.have.length(1)
    expect(await told(app, 'suggestion.promise_late_unit')).to.have.length(1)
    expect(await officeList()).to.deep.equal(['2026-0001 承诺日期已过 7 天'])
    const deputy = (await (await asDeputy(app, 'dp0001')).get('/api/mp/deputy/suggestions?box=mine')).body.items[0]
    expect(deputy.promise.text, 'the deputy reads it too').to.equal(
      '单位承诺12月10日前办完，承诺日期已过 7 天，还没有报告办完。单位报告办完后，请您再评价一次。',
    )
  })

  it('watches a new day promised in the report, and leaves alone a promise without a day and one reported done', async () => {
    const id = await promised('2026-12-10')
    const { id: noDay } = await suggestionAt(app, 'assigned', { title: '光明路积水' })
    await (await asStaff(app, 'chengang')).post(`/api/unit/suggestions/${noDay}/answer`, { category: 'in_progress', text: '列入明年计划。' })
    await (await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/suggestions/${noDay}/rating`, { score: 'satisfied' })

    app.clock.advance(4 * DAY) // 12月11日
    await run()
    expect((await told(app, 'suggestion.promise_late')).map((t) => t.split('：')[0])).to.deep.equal([
      'office:d01 → 代表建议 2026-0001《建设路社区楼顶违建整治》',
    ])
    // The bureau reports a new plan (by 12月20日); 张伟 rates it; it is watched again from that day.
    const report = await (
      await asStaff(app, 'chengang')
    ).post(`/api/unit/suggestions/${id}/answer`, {
      category: 'in_progress',
      text: '施工队已进场，月底前完成。',
      plannedBy: '2026-12-20',
    })
    expect(report.status, JSON.stringify(report.body)).to.equal(200)
    await (await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/suggestions/${id}/rating`, { score: 'satisfied' })
    await run()
    expect(await officeList(), 'the new day is ahead; no day, never late').to.deep.equal(['2026-0001 按期', '2026-0002 按期'])

    app.clock.advance(10 * DAY) // 12月21日
    await run()
    await run()
    expect((await told(app, 'suggestion.promise_late')).map((t) => t.split(' → ')[1])).to.deep.equal([
      '代表建议 2026-0001《建设路社区楼顶违建整治》：市住房和城乡建设局承诺2026年12月10日前办完，承诺日期已过 1 天，还没有报告办完，请催办。',
      '代表建议 2026-0001《建设路社区楼顶违建整治》：市住房和城乡建设局承诺2026年12月20日前办完，承诺日期已过 1 天，还没有报告办完，请催办。',
    ])

    // Reported done: answered, no longer followed, nothing more said.
    await (await asStaff(app, 'chengang')).post(`/api/unit/suggestions/${id}/answer`, { category: 'resolved', text: '已全部拆除。' })
    app.clock.advance(DAY)
    await run()
    expect(await told(app, 'suggestion.promise_late')).to.have.length(2)
    expect(await officeList()).to.deep.equal(['2026-0002 按期'])
  })
})
