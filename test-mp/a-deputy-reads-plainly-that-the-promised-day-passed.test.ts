import { expect } from 'chai'
import { asDeputy } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, housingBureau, phoneOfZhang, zhangsSuggestionPromised } from './office.js'

const TITLE = '建设路社区楼顶违建整治'

/**
 * 市住建局 answered 张伟's suggestion 正在解决或列入计划, promising the work done by 12月10日; he rated it and it stays
 * 已答复，正在办理. Three days past that day without the bureau's report, his 我的建议 says so plainly (the bureau's
 * to report, nothing for him to do, so not in the urgent colour); once the bureau reports, it no longer does. 王芳,
 * another deputy, neither finds his suggestion in her list nor can open it.
 */
describe('mini-program: a deputy reads plainly that the unit’s promised day has passed', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-12-07T02:00:00Z')) // Monday 10:00
  })
  afterEach(() => app.close())

  /** 张伟's suggestion, promised by 2026-12-10 and rated 基本满意, then three days past that day. */
  async function promisePassed() {
    const { id, zhang } = await zhangsSuggestionPromised(app, { title: TITLE, text: '已列入整治计划。', plannedBy: '2026-12-10' })
    await created(zhang.post(`/api/mp/deputy/suggestions/${id}/rating`, { score: 'basically_satisfied' }))
    app.clock.set(new Date('2026-12-13T02:00:00Z'))
    return id
  }

  it('says the promised day and 已过 3 天 in his list, not as urgent, and no more once the unit has reported', async () => {
    const id = await promisePassed()
    const mine = await openPage('pages/suggestion/index')
    const row = `#s-${id}`
    // The day named: "已过 3 天" alone left him asking since when. This year's, without its year, with its weekday, as his other dates.
    expect(mine.textOf(`${row} .sg-note`)).to.equal('承办单位承诺12月10日（星期四）前办完，已过 3 天，还在等单位报告')
    const whole: string[] = mine.component.querySelectorAll(`${row} .sg-note .whole`).map((t: any) => t.dom.textContent)
    expect(whole, 'the date kept whole on its line, its 前办完 with it').to.include('12月10日（星期四）前办完，')
    expect(mine.has(`${row} .sg-urgent`), 'nothing for him to do: not in the urgent colour').to.equal(false)

    // His suggestion's page: what he does next, not a promise made for the unit; its date whole on its line.
    const detail = await openPage(`pages/suggestion/detail?suggestionId=${id}`)
    expect(detail.textOf('#promise')).to.equal('单位承诺12月10日前办完，承诺日期已过 3 天，还没有报告办完。单位报告办完后，请您再评价一次。')
    expect(detail.component.querySelectorAll('#promise .whole').map((t: any) => t.dom.textContent)).to.deep.equal(['12月10日前办完，'])

    // 王芳's phone: his suggestion is not in her list, nor can she open it.
    holdPhone(app, 'o-deputy-dp0002')
    const wang = await asDeputy(app, 'dp0002')
    const hers = await openPage('pages/suggestion/index')
    expect(hers.text()).not.to.include(TITLE).and.not.include('已过')
    const opened = await wang.get(`/api/mp/deputy/suggestions/${id}`)
    expect(opened.status).to.equal(404)
    expect(JSON.stringify(opened.body)).not.to.include('已过')

    // The bureau reports, with a new day: he is asked to rate it, then his list says that day, and no more 已过.
    await created(
      (await housingBureau(app)).post(`/api/unit/suggestions/${id}/answer`, {
        category: 'in_progress',
        text: '第一批已拆除，其余月底前办完。',
        plannedBy: '2026-12-31',
      }),
    )
    const zhang = await phoneOfZhang(app)
    await mine.show()
    expect(mine.textOf(`${row} .sg-note`)).to.equal('单位已答复，请您评价')
    await created(zhang.post(`/api/mp/deputy/suggestions/${id}/rating`, { score: 'basically_satisfied' }))
    await mine.show()
    expect(mine.textOf(`${row} .sg-note`)).to.equal('单位承诺12月31日（星期四）前办完')
    expect(mine.text()).not.to.include('已过')
  })
})
