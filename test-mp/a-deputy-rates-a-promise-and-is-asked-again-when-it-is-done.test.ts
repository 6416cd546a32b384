import { expect } from 'chai'
import { startBackend, type Backend } from './harness/backend.js'
import { follow, openPage, type MpPage } from './harness/page.js'
import { created, housingBureau, phoneOfZhang, zhangsSuggestionPromised } from './office.js'

/** The pieces of a line drawn whole (class "whole", time-apart.js): each date, each time of day. */
const whole = (page: MpPage, selector: string): string[] =>
  page.component.querySelectorAll(`${selector} .whole`).map((p: { dom: HTMLElement }) => p.dom.textContent)

/**
 * Review 37, findings 7 and 16. The unit answered 刘建国's suggestion 正在解决或列入计划 with the work due in seven months;
 * his 我的待办 said nothing of it, and after his 基本满意 the page said 这件建议已办结. Here 张伟 finds the answer in
 * 我的待办 (代表建议, 去评价), rates it, reads that it stays open until the promised day, and finds it there again when
 * the unit reports the work done.
 */
describe('mini-program: a deputy rates a promise and is asked again when the work is done', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-12-07T02:00:00Z')) // Monday 10:00
  })
  afterEach(() => app.close())

  it('lists 去评价 in 我的待办, says after 基本满意 that the work is due by its day, and asks again after the report', async () => {
    const { id } = await zhangsSuggestionPromised(app, { title: '建设路社区楼顶违建整治', text: '已列入明年计划。', plannedBy: '2027-06-30' })

    const workbench = await openPage('pages/deputy/index')
    expect(workbench.text())
      .to.include('代表建议')
      .and.include('《建设路社区楼顶违建整治》')
      .and.include('市住房和城乡建设局已答复（正在解决或列入计划），请评价')
    expect(workbench.text()).to.include('去评价')
    await workbench.tap('.task')
    const detail = await follow()
    expect(detail.path).to.equal('pages/suggestion/detail')
    expect(detail.textOf('#promise')).to.equal('单位承诺2027年6月30日前办完。')
    await detail.tap('#act')
    const rate = await follow()
    await rate.tap('#score-basically_satisfied')
    await rate.tap('#send')
    expect(rate.textOf('#done')).to.equal('评价已提交。单位承诺2027年6月30日前办完。单位报告办完后，请您再评价一次。')
    expect(whole(rate, '#done').join(' | '), 'the promised day kept whole on its line').to.include('2027年6月30日')

    const after = await openPage(`pages/suggestion/detail?suggestionId=${id}`)
    expect(after.textOf('#status')).to.equal('已答复，正在办理')
    expect(after.textOf('#promise'), 'what he does next, not a promise made for the unit').to.equal(
      '单位承诺2027年6月30日前办完。单位报告办完后，请您再评价一次。',
    )
    expect(after.has('#act'), 'nothing to do until the unit reports').to.equal(false)
    const mine = await openPage('pages/suggestion/index')
    expect(mine.text()).to.include('已答复，正在办理').and.include('单位承诺2027年6月30日（星期三）前办完').and.not.include('已办结')
    await workbench.show()
    expect(workbench.text()).not.to.include('《建设路社区楼顶违建整治》')

    // The unit reports the work done: it is in his 我的待办 again, to rate once more.
    app.clock.set(new Date('2027-05-20T02:00:00Z'))
    await created((await housingBureau(app)).post(`/api/unit/suggestions/${id}/answer`, { category: 'resolved', text: '楼顶违建已全部拆除。' }))
    await phoneOfZhang(app)
    const later = await openPage('pages/deputy/index')
    expect(later.text()).to.include('市住房和城乡建设局报告已经办完（已解决），请再评价一次')
    const again = await openPage(`pages/suggestion/detail?suggestionId=${id}`)
    expect(again.text()).to.include('承办单位报告已经办完，请您再评价一次。')
    await again.tap('#act')
    const second = await follow()
    await second.tap('#score-satisfied')
    await second.tap('#send')
    expect(second.textOf('#done')).to.equal('评价已提交，这件建议已办结。谢谢您！')
  })
})
