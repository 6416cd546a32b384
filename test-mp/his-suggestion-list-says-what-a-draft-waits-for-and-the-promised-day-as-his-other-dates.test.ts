import { expect } from 'chai'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, phoneOfZhang, zhangsSuggestionPromised } from './office.js'

/**
 * 刘代表, 58, on 我的建议: a draft's card said nothing under 草稿, so he did not know it was not sent nor what to do with
 * it; and a unit's promised day read 2026年12月10日 while every other date of his reads 12月14日（星期一）.
 */
describe('mini-program: his suggestion list says what a draft waits for, and a promised day as his other dates', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-12-07T02:00:00Z')) // Monday 10:00
  })
  afterEach(() => app.close())

  it('a draft: 还没提交：点开接着写，可以邀请附议或直接提交', async () => {
    const zhang = await phoneOfZhang(app)
    const { id } = await created(zhang.post('/api/mp/deputy/suggestions', { title: '光明路口加装红绿灯', body: '光明路口车多人多，建议加装红绿灯。' }))
    const mine = await openPage('pages/suggestion/index')
    expect(mine.textOf(`#s-${id} .sg-note`)).to.equal('还没提交：点开接着写，可以邀请附议或直接提交')
  })

  it('a promise: 单位承诺12月10日（星期四）前办完, and so when the day has passed', async () => {
    const { id } = await zhangsSuggestionPromised(app, { title: '建设路社区楼顶违建整治', text: '已列入整治计划。', plannedBy: '2026-12-10' })
    const zhang = await phoneOfZhang(app)
    await created(zhang.post(`/api/mp/deputy/suggestions/${id}/rating`, { score: 'basically_satisfied' }))
    const mine = await openPage('pages/suggestion/index')
    expect(mine.textOf(`#s-${id} .sg-note`)).to.equal('单位承诺12月10日（星期四）前办完')

    app.clock.set(new Date('2026-12-13T02:00:00Z')) // three days past it
    await mine.show()
    expect(mine.textOf(`#s-${id} .sg-note`)).to.equal('承办单位承诺12月10日（星期四）前办完，已过 3 天，还在等单位报告')
  })

  it('a promise for next June says its year with its weekday', async () => {
    const { id, zhang } = await zhangsSuggestionPromised(app, { title: '老旧小区加装电梯', text: '已列入明年计划。', plannedBy: '2027-06-30' })
    await created(zhang.post(`/api/mp/deputy/suggestions/${id}/rating`, { score: 'basically_satisfied' }))
    const mine = await openPage('pages/suggestion/index')
    expect(mine.textOf(`#s-${id} .sg-note`)).to.equal('单位承诺2027年6月30日（星期三）前办完')
  })
})
