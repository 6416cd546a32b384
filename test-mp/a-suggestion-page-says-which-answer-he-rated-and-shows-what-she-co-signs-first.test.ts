import { expect } from 'chai'
import { asDeputy } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { created, housingBureau, phoneOfZhang, zhangsSuggestionPromised } from './office.js'

/** Each answer card as the deputy reads it, top to bottom. */
const answerCards = (page: MpPage): string[] =>
  page.component.querySelectorAll('.answer').map((card: { dom: HTMLElement }) => (card.dom.textContent ?? '').replace(/\s+/g, ' ').trim())

/**
 * Review 37, findings 13 and 24. After 市住房和城乡建设局 reported the promised work done, 张伟's page showed two cards
 * headed the same (“…（主办）的答复”), and “您的评价：基本满意” below both read as a rating of the new one that he was
 * asked to rate. Now the report is headed 办完报告 and his earlier rating sits in the first card as 您上次的评价.
 * And 王芳, asked to co-sign, was shown 附议 / 不附议 above the suggestion itself: now she reads 建议内容 first.
 */
describe('mini-program: a suggestion page says which answer he rated, and shows what she co-signs first', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-25T02:00:00Z')) // Wednesday 10:00
  })
  afterEach(() => app.close())

  it('heads the unit’s report 办完报告 and keeps his first rating with the first answer, as 您上次的评价', async () => {
    const { id, zhang } = await zhangsSuggestionPromised(app, { title: '建设路社区楼顶违建整治', text: '已列入明年计划。', plannedBy: '2027-06-30' })
    await created(zhang.post(`/api/mp/deputy/suggestions/${id}/rating`, { score: 'basically_satisfied' }))

    app.clock.set(new Date('2027-05-20T02:00:00Z'))
    await created((await housingBureau(app)).post(`/api/unit/suggestions/${id}/answer`, { category: 'resolved', text: '楼顶违建已全部拆除。' }))
    await phoneOfZhang(app)
    const page = await openPage(`pages/suggestion/detail?suggestionId=${id}`)
    const [first, report] = answerCards(page)
    expect(first).to.match(/^市住房和城乡建设局（主办）的答复办理结果：正在解决或列入计划已列入明年计划。/)
    expect(first).to.match(/您上次的评价：基本满意$/)
    expect(report).to.match(/^市住房和城乡建设局（主办）的办完报告办理结果：已解决楼顶违建已全部拆除。/)
    expect(report, 'the report waits for his rating: none under it').not.to.include('评价')
    expect(page.has('#rating'), 'no rating card below both answers').to.equal(false)
    expect(page.text()).to.include('承办单位报告已经办完，请您再评价一次。')
  })

  it('shows 王芳 the suggestion before 附议 and 不附议', async () => {
    const zhang = await phoneOfZhang(app)
    const { id } = await created(
      zhang.post('/api/mp/deputy/suggestions', { title: '建设路社区楼顶违建整治', body: '建设路社区3号院楼顶违建，建议明确牵头单位。' }),
    )
    await created(zhang.post(`/api/mp/deputy/suggestions/${id}/cosign-invitation`))
    holdPhone(app, 'o-deputy-dp0002')
    await asDeputy(app, 'dp0002')
    const page = await openPage(`pages/suggestion/detail?suggestionId=${id}`)
    const text = page.text()
    expect(text).to.include('张伟 代表请您附议这件建议')
    expect(text).to.include('建议内容建设路社区3号院楼顶违建，建议明确牵头单位。')
    expect(text.indexOf('建议内容'), 'read before the request and its buttons').to.be.below(text.indexOf('张伟 代表请您附议'))
    expect(page.buttonLook('#act')).to.equal('filled')
    expect(page.has('#decline')).to.equal(true)
    await page.tap('#act')
    expect(page.textOf('#done')).to.equal('您已附议')
    expect(page.text().indexOf('您已附议'), 'said by the button she tapped, below the content').to.be.above(page.text().indexOf('建议内容'))
  })

  it('keeps his own actions above the content: 张伟 reads 邀请附议 first', async () => {
    const zhang = await phoneOfZhang(app)
    const { id } = await created(zhang.post('/api/mp/deputy/suggestions', { title: '建设路社区楼顶违建整治', body: '建设路社区3号院楼顶违建。' }))
    const page = await openPage(`pages/suggestion/detail?suggestionId=${id}`)
    expect(page.text().indexOf('邀请附议')).to.be.below(page.text().indexOf('建议内容'))
  })
})
