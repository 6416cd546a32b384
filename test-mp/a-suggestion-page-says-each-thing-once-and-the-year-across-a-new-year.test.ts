import { expect } from 'chai'
import { STAFF_PASSWORD } from '../test/fixtures.js'
import { asAdmin, asDeputy, Client } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, phoneOfZhang } from './office.js'

/**
 * 张伟's suggestion 建设路社区楼顶违建整治, asked of his station's deputies on 2026-11-25. 王芳 co-signs and 李强 says no:
 * right after each tap the green line says what it did, and the box under it says only what is still open (not
 * 您已附议 twice). Answered 12月7日 (正在解决), rated 基本满意 with words, reported done on 2027-05-20: his rating reads
 * 基本满意（希望按时办完）, not a second colon, and with dates on both sides of a new year every date says its year.
 */
describe('mini-program: a suggestion page says each thing once, and each year across a new year', () => {
  let app: Backend
  let suggestionId: string
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-25T02:00:00Z'))
    const zhang = await phoneOfZhang(app)
    suggestionId = (
      await created(
        zhang.post('/api/mp/deputy/suggestions', {
          title: '建设路社区楼顶违建整治',
          body: '建设路社区3号院楼顶违建，物业管不了，城管说归街道，街道说归城管，建议明确牵头单位，限期拆除。',
        }),
      )
    ).id
    await created(zhang.post(`/api/mp/deputy/suggestions/${suggestionId}/cosign-invitation`))
  })
  afterEach(() => app.close())

  it('after 附议 and after 不附议: the green line says it, the box under it what is still open', async () => {
    holdPhone(app, 'o-deputy-dp0002')
    await asDeputy(app, 'dp0002')
    const wang = await openPage(`pages/suggestion/detail?suggestionId=${suggestionId}`)
    await wang.tap('#act')
    expect(wang.textOf('#done')).to.equal('您已附议')
    expect(wang.textOf('.sg-action .hint')).to.equal('截止 12月2日（星期三）上午10:00 前可以取消。')
    // Come back later: no green line, so the box says it.
    const later = await openPage(`pages/suggestion/detail?suggestionId=${suggestionId}`)
    expect(later.textOf('.sg-action .hint')).to.match(/^您已附议。截止 .+ 前可以取消。$/)

    holdPhone(app, 'o-deputy-dp0003')
    await asDeputy(app, 'dp0003')
    const li = await openPage(`pages/suggestion/detail?suggestionId=${suggestionId}`)
    await li.tap('#decline')
    expect(li.textOf('#done')).to.equal('已回复不附议，已告诉张伟代表')
    expect(li.textOf('.sg-action .hint')).to.match(/^截止 .+ 前，改变主意还可以附议。$/)
  })

  it('his rating in brackets under the answer; answered across a new year, every date with its year', async () => {
    const zhang = await phoneOfZhang(app)
    await created(zhang.post(`/api/mp/deputy/suggestions/${suggestionId}/submit`))
    const admin = await asAdmin(app)
    await created(admin.post(`/api/admin/suggestions/${suggestionId}/review`, { decision: 'accept' }))
    await created(admin.post(`/api/admin/suggestions/${suggestionId}/assignment`, { leadUnitId: 'u01' }))
    app.clock.set(new Date('2026-12-07T02:00:00Z'))
    let unit = await new Client(app.baseUrl).login('chengang', STAFF_PASSWORD)
    await created(
      unit.post(`/api/unit/suggestions/${suggestionId}/answer`, {
        category: 'in_progress',
        text: '已列入明年计划，2027年6月底前拆除。',
        plannedBy: '2027-06-30',
      }),
    )
    await created(
      (await phoneOfZhang(app)).post(`/api/mp/deputy/suggestions/${suggestionId}/rating`, { score: 'basically_satisfied', comment: '希望按时办完' }),
    )

    const sameYear = await openPage(`pages/suggestion/detail?suggestionId=${suggestionId}`)
    expect(sameYear.textOf('.answer-rating')).to.equal('您的评价：基本满意（希望按时办完）')
    // The answer's moment as the server says one (and as his meeting pages do), never "12月7日 周一 10:00".
    expect(sameYear.textOf('.answer .hint'), 'all in one year: no year said').to.equal('12月7日（星期一）上午10:00')

    app.clock.set(new Date('2027-05-20T02:00:00Z'))
    unit = await new Client(app.baseUrl).login('chengang', STAFF_PASSWORD)
    await created(unit.post(`/api/unit/suggestions/${suggestionId}/answer`, { category: 'resolved', text: '楼顶违建已全部拆除。' }))
    await phoneOfZhang(app)
    const page = await openPage(`pages/suggestion/detail?suggestionId=${suggestionId}`)
    expect(page.textOf('.answer-rating')).to.equal('您上次的评价：基本满意（希望按时办完）')
    const answered = page.component.querySelectorAll('.answer .hint').map((h: { dom: HTMLElement }) => h.dom.textContent)
    expect(answered).to.have.length(2)
    expect(answered[0]).to.equal('2026年12月7日（星期一）上午10:00')
    expect(answered[1]).to.equal('2027年5月20日（星期四）上午10:00')
    const steps = page.component.querySelectorAll('.sg-step .hint').map((h: { dom: HTMLElement }) => h.dom.textContent)
    expect(steps.length).to.be.above(2)
    for (const step of steps) expect(step).to.match(/^20(26|27)年\d{1,2}月\d{1,2}日（星期[一二三四五六日]）/)
  })
})
