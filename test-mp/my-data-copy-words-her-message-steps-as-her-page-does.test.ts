import { expect } from 'chai'
import { asDeputy, asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created } from './office.js'

/**
 * 导出我的信息 copies the steps of her message (办理经过) in the words her message's page uses —
 * "已交给张伟代表办理", "您的评价：2 分" — not the office's 分派代表, 代表受理, 群众评价.
 */
describe('mini-program: her copy of her data words her message as her message page does', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('copies 办理经过 in her words, the same lines her message page shows', async () => {
    const r = await asResident(app, 'o-copy-words')
    const c = await created(r.post('/api/mp/cases', { text: '北门的路灯坏了', regionId: 'c010101', deputyCode: 'DP0001' }))
    const zhang = await asDeputy(app, 'dp0001')
    await created(zhang.post(`/api/mp/deputy/cases/${c.id}/acknowledge`, {}))
    await created(zhang.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已报修，本周修好。' }))
    await created(r.post(`/api/mp/cases/${c.id}/rate`, { rating: 2, comment: '灯还是不亮' }))

    holdPhone(app, 'o-copy-words')
    const data = await openPage('pages/mine/data')
    await data.tap('#export')
    await data.tap('#copy')
    const copied = String(phone.clipboard)
    const steps = copied.slice(copied.indexOf('办理经过：'))
    expect(steps).to.include('您送出了留言').and.include('已交给张伟代表办理').and.include('张伟代表看到了留言，开始办理')
    expect(steps).to.include('张伟代表已答复：已报修，本周修好。').and.include('您的评价：2 分，灯还是不亮')
    for (const office of ['分派代表', '代表受理', '代表答复', '群众']) expect(steps, office).not.to.include(office)

    // Every step her message page shows is a line of her copy, in the same words.
    const page = await openPage(`pages/case/detail?caseId=${c.id}`)
    const shown = (page.data.c.timeline as Array<{ label: string }>).map((e) => e.label)
    expect(shown).to.include('已交给张伟代表办理')
    for (const label of shown) expect(steps, label).to.include(label)
  })
})
