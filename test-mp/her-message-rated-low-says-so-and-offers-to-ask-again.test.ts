import { expect } from 'chai'
import { asDeputy, asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created } from './office.js'

/**
 * 王秀英 rates 张伟代表's answer 2 分 (不满意): the drain is still blocked. Her message is 已办结 for the
 * office, but a green "✓ 已办结" right under her 2 分 reads as if all were well. Her page says it truly,
 * 已办结 with her score, not in the green of a job well done, and offers one thing to do: 申请重新办理.
 * Her list says the same, the same way.
 */
describe('mini-program: her message rated low says so and offers to ask again', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Shanghai
  })
  afterEach(() => app.close())

  it('after 2 分: 已办结 with her score, not a green ✓, and 申请重新办理 the one filled button', async () => {
    const wang = await asResident(app, 'o-wang-xiuying-rates')
    const drain = await created(
      wang.post('/api/mp/cases', { text: '马庄社区5号楼下水道堵了一个星期，污水漫到楼道里', regionId: 'c010101', deputyCode: 'DP0001' }),
    )
    const zhang = await asDeputy(app, 'dp0001')
    await created(zhang.post(`/api/mp/deputy/cases/${drain.id}/reply`, { text: '已联系物业疏通，这周内处理好。' }))
    holdPhone(app, 'o-wang-xiuying-rates')

    const page = await openPage(`pages/case/detail?caseId=${drain.id}`)
    await page.emit('#rate', 'change', { value: 2 })
    await page.tap('#submit-rating')

    expect(page.textOf('#status')).to.equal('! 已办结，您评了 2 分（不满意）')
    const badge = page.component.querySelector('#status').dom.innerHTML as string
    expect(badge, 'not the green of a job done well').not.to.include('badge--done')
    expect(page.has('#submit-rating')).to.equal(false)
    expect(page.textOf('#reopen-until')).to.include('可以在 11月30日 10:00前申请重新办理')
    expect(page.buttonLook('#reopen'), 'the one thing to do').to.equal('filled')
    expect(page.has('#withdraw')).to.equal(false)

    const list = await openPage('pages/case/list')
    expect(list.textOf(`#case-${drain.ticket}`), 'her list says it the same way')
      .to.include('! 已办结，您评了 2 分（不满意）')
      .and.not.include('✓')
  })
})
