import { expect } from 'chai'
import { asDeputy, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { asStaff, suggestionAt, told } from '../helpers/suggestions.js'

const DAY = 86_400_000

interface Event {
  action: string
  text: string
  actor: { name: string }
}

/**
 * 市住建局 promised 张伟's suggestion done by 12月10日 (正在解决或列入计划) and has not reported it done: the suggestion is
 * 已答复，正在办理. 孙丽 of 湛河区's office presses the bureau (催办) from its page: the bureau's staff (陈刚, its
 * unit_staff login: how a unit is reached) read how late the promise is and what to do; the co-unit, which owes
 * nothing, hears nothing; the timeline keeps it; 张伟 reads 已催办 on his page. Once a day; and another district's
 * organizer, who cannot read it, cannot press it either.
 */
describe('代表建议: the office presses a unit whose promise is not done (催办 while 已答复，正在办理)', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-12-07T02:00:00Z')) // Monday 10:00
  })
  afterEach(() => app.close())

  /** Assigned to 市住建局 (lead) and 湛河区人民政府 (co), promised by 12月10日, rated; then `late` days past that. */
  async function promiseLate(late: number) {
    const { id, zhang } = await suggestionAt(app, 'assigned', { title: '建设路社区楼顶违建整治' })
    const answered = await (
      await asStaff(app, 'chengang')
    ).post(`/api/unit/suggestions/${id}/answer`, {
      category: 'in_progress',
      text: '已列入整治计划。',
      plannedBy: '2026-12-10',
    })
    expect(answered.status, JSON.stringify(answered.body)).to.equal(200)
    expect((await zhang.post(`/api/mp/deputy/suggestions/${id}/rating`, { score: 'basically_satisfied' })).body.status).to.equal('following')
    app.clock.advance((3 + late) * DAY)
    return { id, sunli: await asStaff(app, 'sunli') }
  }

  it('催办: tells the lead unit’s staff how late the promise is and to report, keeps it on the timeline, and 张伟 reads 已催办', async () => {
    const { id, sunli } = await promiseLate(3)
    const urged = await sunli.post(`/api/admin/suggestions/${id}/urge`, { note: '请月底前办完' })
    expect(urged.status, JSON.stringify(urged.body)).to.equal(200)
    expect(urged.body.statusLabel, 'still followed: a reminder changes no status').to.equal('已答复，正在办理')
    const last: Event = urged.body.timeline.at(-1)
    expect([last.action, last.actor.name, last.text]).to.deep.equal([
      'urged',
      '孙丽',
      '催办 市住房和城乡建设局：承诺2026年12月10日前办完，承诺日期已过 3 天；附言：请月底前办完',
    ])
    expect(await told(app, 'suggestion.urged'), 'the lead only: the co-unit owes nothing after the promise').to.deep.equal([
      'staff:sf21 → 湛河区人大常委会办公室孙丽催办代表建议 2026-0001《建设路社区楼顶违建整治》：承诺2026年12月10日前办完，承诺日期已过 3 天，请尽快办完，并在“交办建议”里报告办理结果。附言：请月底前办完',
    ])

    const his = (await (await asDeputy(app, 'dp0001')).get(`/api/mp/deputy/suggestions/${id}`)).body
    expect(his.promise.text).to.equal(
      '单位承诺12月10日前办完，承诺日期已过 3 天，还没有报告办完。单位报告办完后，请您再评价一次。湛河区人大常委会办公室已催办承办单位。',
    )
    expect(his.timeline.map((e: Event) => e.text)).to.include('催办 市住房和城乡建设局：承诺2026年12月10日前办完，承诺日期已过 3 天；附言：请月底前办完')

    const again = await sunli.post(`/api/admin/suggestions/${id}/urge`, {})
    expect(again.status).to.equal(409)
    expect(again.body.error).to.include({ code: 'already_urged', message: '这条建议今天已由孙丽催办过，每天只能催办一次，请明天再催办' })
    app.clock.advance(DAY)
    expect((await (await asStaff(app, 'sunli')).post(`/api/admin/suggestions/${id}/urge`, {})).status, 'the next day, again').to.equal(200)
    expect((await (await asDeputy(app, 'dp0001')).get(`/api/mp/deputy/suggestions/${id}`)).body.promise.text).to.match(
      /湛河区人大常委会办公室已催办承办单位 2 次。$/,
    )
  })

  it('督办 too, to the lead unit only; another district’s organizer can neither press nor see it, and nothing is recorded', async () => {
    const { id, sunli } = await promiseLate(1)
    const qianqi = await asStaff(app, 'qianqi') // organizer of 新华区; the suggestion is 湛河区's
    const outside = await qianqi.post(`/api/admin/suggestions/${id}/urge`, { note: '请办完' })
    expect([outside.status, outside.body.error.message]).to.deep.equal([404, '建议不存在'])
    expect((await qianqi.post(`/api/admin/suggestions/${id}/supervision`, { note: '请办完' })).status).to.equal(404)
    const unitStaff = await asStaff(app, 'chengang')
    expect((await unitStaff.post(`/api/admin/suggestions/${id}/urge`, {})).status, 'a unit does not press itself').to.equal(403)
    expect(await told(app, 'suggestion.urged')).to.deep.equal([])
    const timeline: Event[] = (await sunli.get(`/api/admin/suggestions/${id}`)).body.timeline
    expect(timeline.filter((e) => e.action === 'urged' || e.action === 'supervised')).to.deep.equal([])

    const supervised = await sunli.post(`/api/admin/suggestions/${id}/supervision`, { note: '赵副主任已电话督办，要求本月办完' })
    expect(supervised.status, JSON.stringify(supervised.body)).to.equal(200)
    expect(supervised.body.timeline.at(-1).text).to.equal('督办 市住房和城乡建设局：赵副主任已电话督办，要求本月办完')
    expect(await told(app, 'suggestion.supervised')).to.deep.equal([
      'staff:sf21 → 湛河区人大常委会办公室督办代表建议 2026-0001《建设路社区楼顶违建整治》，承诺2026年12月10日前办完，承诺日期已过 1 天。督办意见：赵副主任已电话督办，要求本月办完',
    ])
  })

  it('still refuses to press one the deputy has yet to rate, or one closed, changing nothing', async () => {
    const { id } = await suggestionAt(app, 'assigned')
    await (await asStaff(app, 'chengang')).post(`/api/unit/suggestions/${id}/answer`, { category: 'resolved', text: '已办好' })
    const sunli = await asStaff(app, 'sunli')
    const answered = await sunli.post(`/api/admin/suggestions/${id}/urge`, {})
    expect([answered.status, answered.body.error.message]).to.deep.equal([409, '只有承办单位还在办理的建议可以催办或督办（现在：已答复待评价）'])
    await (await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/suggestions/${id}/rating`, { score: 'satisfied' })
    const closed = await sunli.post(`/api/admin/suggestions/${id}/urge`, {})
    expect([closed.status, closed.body.error.message]).to.deep.equal([409, '只有承办单位还在办理的建议可以催办或督办（现在：已办结）'])
    expect(await told(app, 'suggestion.urged')).to.deep.equal([])
  })
})
