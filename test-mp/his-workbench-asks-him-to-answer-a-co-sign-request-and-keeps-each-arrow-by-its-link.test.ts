import { expect } from 'chai'
import { asDeputy } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { declarations } from './harness/stylesheets.js'
import { created, phoneOfZhang } from './office.js'

/**
 * Review 37, findings 22 and 23. 王芳's 我的待办 offered a colleague's co-sign request with a filled 去附议: the button
 * presumed her yes, while the line asked her to answer by a day. It says 去回复 now. And at the foot of 张伟's workbench,
 * “我转出的留言（转给其他代表、交回联络站） ›” wrapped in 关怀模式 and left the arrow alone on the next line: each link
 * is now a short name with its arrow, and what it holds in a grey line under it.
 */
describe('mini-program: his workbench asks him to answer a co-sign request, and keeps each arrow by its link', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-25T02:00:00Z')) // Wednesday 10:00
  })
  afterEach(() => app.close())

  it('a colleague’s request to co-sign: 去回复, not 去附议', async () => {
    const zhang = await phoneOfZhang(app)
    const { id } = await created(zhang.post('/api/mp/deputy/suggestions', { title: '建设路社区楼顶违建整治', body: '建设路社区3号院楼顶违建。' }))
    await created(zhang.post(`/api/mp/deputy/suggestions/${id}/cosign-invitation`))
    holdPhone(app, 'o-deputy-dp0002')
    await asDeputy(app, 'dp0002')
    const hers = await openPage('pages/deputy/index')
    expect(hers.textOf('.task')).to.include('《建设路社区楼顶违建整治》').and.include('张伟代表请您附议').and.include('去回复')
    expect(hers.buttonLook('.task .action')).to.equal('filled')
    expect(hers.text()).not.to.include('去附议')
  })

  it('each link: a short name with its arrow, never apart, and what it holds under it', async () => {
    await phoneOfZhang(app)
    const workbench = await openPage('pages/deputy/index')
    const link = (selector: string) => [workbench.textOf(`${selector} .link-name`), workbench.textOf(`${selector} .link-note`)]
    expect(link('#open-handled')).to.deep.equal(['我办过的留言 ›', '已答复、已办结的留言'])
    expect(link('#open-handed-on')).to.deep.equal(['我转出的留言 ›', '转给其他代表、交回联络站的留言'])
    expect(link('.open-records')).to.deep.equal(['我的履职档案 ›', ''])
    expect(link('#open-suggestions')).to.deep.equal(['我的建议 ›', '写建议、附议、评价答复'])
    expect(link('#open-away')).to.deep.equal(['暂停接收新留言 ›', '外出、生病时'])
    expect(declarations('pages/deputy/index.wxss', '.link-name').get('white-space')).to.equal('nowrap')
    // One gap between every two links: a least height left a blank under a link without a note (我的履职档案,
    // 每日摘要设置), so the list read as groups. The padding alone keeps each taller than a button.
    const linkRule = declarations('pages/deputy/index.wxss', '.link')
    expect(linkRule.has('min-height')).to.equal(false)
    expect(linkRule.get('padding')).to.equal('32rpx 0')
  })
})
