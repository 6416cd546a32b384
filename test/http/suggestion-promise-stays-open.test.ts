import { expect } from 'chai'
import { asDeputy, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { asStaff, suggestionAt, told } from '../helpers/suggestions.js'

/**
 * Review 37, findings 7 and 16: the unit answered 刘建国's suggestion "正在解决或列入计划 … 2027年6月底前完成"; the chat
 * said 请查看并评价 without where, his 我的待办 did not list it, and once he rated it 基本满意 it read 已办结 with the
 * work seven months away. Here 张伟's answered suggestion waits in his 我的待办 and the notice says where to rate; rated,
 * a promise stays open (已答复，正在办理, with its day) until the unit reports the work done, and he rates that too.
 */
describe('代表建议: an answer that promises the work stays open until the work is done', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-12-07T02:00:00Z')) // Monday 10:00
  })
  afterEach(() => app.close())

  it('lists the answer in his 我的待办, keeps the promise open after his rating, and asks him again when the unit reports it done', async () => {
    const { id, zhang } = await suggestionAt(app, 'assigned', { title: '建设路社区楼顶违建整治' })
    const chengang = await asStaff(app, 'chengang')
    const wujing = await asStaff(app, 'wujing')

    const answered = await chengang.post(`/api/unit/suggestions/${id}/answer`, {
      category: 'in_progress',
      text: '已列入明年城建计划，计划2027年6月底前完成。',
      plannedBy: '2027-06-30',
    })
    expect(answered.status, JSON.stringify(answered.body)).to.equal(200)
    expect(answered.body.promise).to.deep.equal({ by: '2027-06-30', byText: '2027年6月30日', text: '单位承诺2027年6月30日前办完。' })
    expect(await told(app, 'suggestion.answered')).to.deep.equal([
      'deputy:dp0001 → 您的建议 2026-0001《建设路社区楼顶违建整治》已答复（正在解决或列入计划，承诺2027年6月30日前完成）。请打开小程序“代表工作台—我的建议”，点这条建议，再点“评价答复”。',
    ])
    const tasks = (await zhang.get('/api/mp/tasks')).body
    expect(tasks.suggestions).to.deep.equal([
      {
        id,
        number: '2026-0001',
        title: '建设路社区楼顶违建整治',
        action: 'rate',
        actionLabel: '去评价',
        text: '市住房和城乡建设局已答复（正在解决或列入计划），请评价',
      },
    ])
    expect(tasks.total).to.equal(1)

    const rated = await zhang.post(`/api/mp/deputy/suggestions/${id}/rating`, { score: 'basically_satisfied' })
    expect(rated.body).to.include({ status: 'following', statusLabel: '已答复，正在办理' })
    expect(rated.body.promise.text).to.equal('单位承诺2027年6月30日前办完。单位报告办完后，请您再评价一次。')
    expect((await zhang.get('/api/mp/tasks')).body.suggestions, 'rated: nothing more to do until the report').to.deep.equal([])
    expect(await told(app, 'suggestion.following')).to.deep.equal([
      'staff:sf21 → 建议 2026-0001《建设路社区楼顶违建整治》代表已评价（基本满意）。答复说正在解决或列入计划，承诺2027年6月30日前完成：办完后请在“交办建议”里报告办理结果，代表会再评价。',
    ])
    const office = await asStaff(app, 'sunli')
    const following = await office.get('/api/admin/suggestions?status=following')
    expect(
      following.body.items.map((s: { id: string }) => s.id),
      'the office finds what is promised and not done',
    ).to.deep.equal([id])

    // The co-unit gave nothing this round and need not now; the lead reports the work done.
    const co = await wujing.post(`/api/unit/suggestions/${id}/answer`, { text: '区里配合。' })
    expect(co.status).to.equal(409)
    expect(co.body.error.message).to.equal('这件建议已经答复，正在等主办单位报告办理结果，协办单位不用再答复')
    // Five months on (everyone signs in again): the lead reports the work done.
    app.clock.set(new Date('2027-05-20T02:00:00Z'))
    const chengangLater = await asStaff(app, 'chengang')
    const zhangLater = await asDeputy(app, 'dp0001')
    const done = await chengangLater.post(`/api/unit/suggestions/${id}/answer`, { category: 'resolved', text: '楼顶违建已全部拆除。' })
    expect(done.status, JSON.stringify(done.body)).to.equal(200)
    expect(done.body).to.include({ status: 'answered', statusLabel: '已答复待评价', round: 1 })
    expect(done.body.promise).to.equal(null)
    expect((await told(app, 'suggestion.answered')).at(-1)).to.equal(
      'deputy:dp0001 → 您的建议 2026-0001《建设路社区楼顶违建整治》，市住房和城乡建设局报告了办理结果（已解决）。请打开小程序“代表工作台—我的建议”，点这条建议，再点“评价答复”，再评价一次。',
    )
    expect((await zhangLater.get('/api/mp/tasks')).body.suggestions.map((t: { text: string }) => t.text)).to.deep.equal([
      '市住房和城乡建设局报告已经办完（已解决），请再评价一次',
    ])
    const closed = await zhangLater.post(`/api/mp/deputy/suggestions/${id}/rating`, { score: 'satisfied' })
    expect(closed.body).to.include({ status: 'closed', statusLabel: '已办结' })
    expect(closed.body.timeline.map((e: { text: string }) => e.text)).to.include.members([
      '单位答复正在解决或列入计划，承诺2027年6月30日前完成，建议继续办理，办完后请代表再评价',
      '市住房和城乡建设局报告办理结果：已解决',
    ])
  })

  it('takes a promised day only with 正在解决或列入计划, from today on; an answer promising nothing closes as before', async () => {
    const { id } = await suggestionAt(app, 'assigned')
    const chengang = await asStaff(app, 'chengang')
    const withResolved = await chengang.post(`/api/unit/suggestions/${id}/answer`, { category: 'resolved', text: '已修好。', plannedBy: '2027-06-30' })
    expect(withResolved.status).to.equal(400)
    expect(withResolved.body.error.message).to.equal('只有“正在解决或列入计划”才填承诺日期')
    const past = await chengang.post(`/api/unit/suggestions/${id}/answer`, { category: 'in_progress', text: '列入计划。', plannedBy: '2026-12-01' })
    expect(past.status).to.equal(400)
    expect(past.body.error.details).to.deep.equal([{ path: 'body.plannedBy', message: '请选今天以后的日期' }])
    const still = await (await asDeputy(app, 'dp0001')).get(`/api/mp/deputy/suggestions/${id}`)
    expect(still.body).to.include({ status: 'assigned' })
    expect(still.body.answers).to.deep.equal([])

    // An answer that promises nothing closes on his rating, as before.
    await chengang.post(`/api/unit/suggestions/${id}/answer`, { category: 'resolved', text: '已修好。' })
    const rated = await (await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/suggestions/${id}/rating`, { score: 'basically_satisfied' })
    expect(rated.body).to.include({ status: 'closed', statusLabel: '已办结' })
  })
})
