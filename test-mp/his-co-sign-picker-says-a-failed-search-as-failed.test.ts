import { expect } from 'chai'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { declarations } from './harness/stylesheets.js'
import { phone } from './harness/wx.js'
import { created, phoneOfZhang } from './office.js'

/**
 * 张伟 picks whom to ask to co-sign his draft. The picker asks, and says he may pick nobody; the deputies it lists
 * first are "您所在联络站的代表" (李强 and 王芳 are of two stations he belongs to, not of one), each station's name kept
 * whole on its line. When a search fails (the server, the network), it says the search did not happen and to tap
 * 查找 again, not "没有找到代表", and the earlier search's list does not stand under it as if it were the answer;
 * the names he picked stay.
 */
describe('mini-program: his co-sign picker says a failed search as failed, and its words as he reads them', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-25T02:00:00Z'))
  })
  afterEach(() => app.close())

  it('asks whom (可以不选), lists his stations’ deputies with each station whole, and a failed search says so', async () => {
    const zhang = await phoneOfZhang(app)
    const { id } = await created(zhang.post('/api/mp/deputy/suggestions', { title: '光明路口加装红绿灯', body: '光明路口车多人多，建议加装红绿灯。' }))
    const page = await openPage(`pages/suggestion/detail?suggestionId=${id}`)
    const picker = '#cosign-picker'

    expect(page.textOf(`${picker} >>> .cp-title`)).to.equal('想请哪几位代表附议？（可以不选）')
    expect(page.textOf(`${picker} >>> .cp-heading`)).to.equal('您所在联络站的代表：')
    const stations = page.component.querySelectorAll(`${picker} >>> .cp-station`).map((s: { dom: HTMLElement }) => s.dom.textContent)
    expect(stations).to.deep.equal(['马庄街道代表联络站', '轻工街道代表联络站'])
    expect(page.textOf(`${picker} >>> .choice-dp0001`), 'himself is never offered').to.equal('')
    expect(page.textOf(`${picker} >>> .choice-dp0002 .cp-detail`)).to.equal('区人大代表，轻工街道代表联络站')
    expect(declarations('components/cosign-picker/cosign-picker.wxss', '.cp-station').get('white-space')).to.equal('nowrap')

    await page.tap(`${picker} >>> .choice-dp0002`)
    await page.type(`${picker} >>> .cp-words`, '刘')
    await page.tap(`${picker} >>> .cp-find`)
    expect(page.textOf(`${picker} >>> .cp-heading`)).to.equal('姓名里有“刘”的代表：')

    phone.refusals.push({ path: `/api/mp/deputy/suggestions/${id}/cosigner-choices`, status: 500, code: 'internal', message: '系统出了点问题，请稍后再试' })
    await page.type(`${picker} >>> .cp-words`, '李')
    await page.tap(`${picker} >>> .cp-find`)
    expect(page.textOf(`${picker} >>> .cp-error`)).to.equal('没能查找：系统出了点问题，请稍后再试。请再点“查找”。')
    expect(page.has(`${picker} >>> .cp-heading`), 'no heading of an earlier search').to.equal(false)
    expect(page.has(`${picker} >>> .cp-choice`), 'no list of an earlier search').to.equal(false)
    expect(page.textOf(`${picker} >>> #cp-chosen`), 'the one he picked stays')
      .to.include('已选 1 位代表')
      .and.include('王芳')

    phone.refusals.splice(0)
    await page.tap(`${picker} >>> .cp-find`)
    expect(page.has(`${picker} >>> .cp-error`)).to.equal(false)
    expect(page.textOf(`${picker} >>> .cp-heading`)).to.equal('姓名里有“李”的代表：')
  })
})
