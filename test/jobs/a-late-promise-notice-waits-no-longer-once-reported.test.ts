import { expect } from 'chai'
import { asDeputy, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { asStaff, suggestionAt } from '../helpers/suggestions.js'

const DAY = 86_400_000
const SUPERSEDED = '已被后来的变化取代，未发送'

/**
 * Review 38, finding 12. 市住建局 promised 张伟's suggestion done by 12月10日. On the 11th the job tells the office
 * (请催办) and the bureau's staff (请报告). The notices wait (a clerk with no way to be reached yet, a retry); meanwhile the
 * bureau reports. They used to go anyway: the office pressed a unit that had reported, the unit was told to do what it
 * did. Now, at sending, a notice whose promise was reported (done, or a new day) is not sent, and the console says why.
 */
describe('代表建议: a promise-late notice is not sent once the unit has reported', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-12-07T02:00:00Z')) // Monday 10:00
  })
  afterEach(() => app.close())

  const run = () => app.liaison.jobs.find((j) => j.name === 'suggestion-deadlines')!.run()

  /** A suggestion of 张伟's answered 正在解决或列入计划 by 市住建局 with `plannedBy`, and rated: followed. */
  async function promised(title: string, plannedBy: string) {
    const { id, zhang } = await suggestionAt(app, 'assigned', { title })
    const answered = await (
      await asStaff(app, 'chengang')
    ).post(`/api/unit/suggestions/${id}/answer`, { category: 'in_progress', text: '已列入计划。', plannedBy })
    expect(answered.status, JSON.stringify(answered.body)).to.equal(200)
    expect((await zhang.post(`/api/mp/deputy/suggestions/${id}/rating`, { score: 'basically_satisfied' })).status).to.equal(200)
    return id
  }

  /** Each promise-late notice after the dispatcher's pass: "title recipient why-not-sent", or that it went on. */
  async function notices() {
    const all = await Promise.all(
      ['suggestion.promise_late', 'suggestion.promise_late_unit'].map(async (kind) => (await app.liaison.store.outbox.search({ kind, limit: 50 })).items),
    )
    return all
      .flat()
      .map((m) => {
        // Not dropped: it went on to its way to the person (here none yet: 未能送达, sent when they bind).
        const why = m.lastError?.startsWith(SUPERSEDED) ? m.lastError.slice(SUPERSEDED.length) : 'went on to be sent'
        return `${(m.payload as { title: string }).title} ${m.recipientKind}:${m.recipientId} ${why}`
      })
      .sort()
  }

  it('drops the notices of a promise reported done, and of one given a new day; not those still owed', async () => {
    const done = await promised('建设路社区楼顶违建整治', '2026-12-10')
    const newDay = await promised('光明路积水点改造', '2026-12-10')
    await promised('轻工路人行道修补', '2026-12-10')
    app.clock.advance(4 * DAY) // 12月11日: all three late
    await run()

    const chengang = await asStaff(app, 'chengang')
    const reported = await chengang.post(`/api/unit/suggestions/${done}/answer`, { category: 'resolved', text: '已全部拆除。' })
    expect(reported.status, JSON.stringify(reported.body)).to.equal(200)
    const later = await chengang.post(`/api/unit/suggestions/${newDay}/answer`, { category: 'in_progress', text: '施工队已进场。', plannedBy: '2026-12-20' })
    expect(later.status, JSON.stringify(later.body)).to.equal(200)
    await (await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/suggestions/${newDay}/rating`, { score: 'satisfied' })

    await app.liaison.services.dispatcher.drain()
    expect(await notices()).to.deep.equal([
      '光明路积水点改造 office:d01 （单位已报告办理结果，不用再催办）',
      '光明路积水点改造 staff:sf21 （已报告办理结果，不用再提醒）',
      '建设路社区楼顶违建整治 office:d01 （单位已报告办理结果，不用再催办）',
      '建设路社区楼顶违建整治 staff:sf21 （已报告办理结果，不用再提醒）',
      '轻工路人行道修补 office:d01 went on to be sent',
      '轻工路人行道修补 staff:sf21 went on to be sent',
    ])
  })
})
