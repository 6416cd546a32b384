import { expect } from 'chai'
import { asAdmin, asDeputy, asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created } from './office.js'

const MONDAY = Date.parse('2026-11-23T02:00:00Z') // 10:00 in Shanghai
const DAY = 86_400_000

/**
 * 赵阿姨 rated the answer to her message 1 分, and the 7 days to ask for 重新办理 have passed. The
 * page offers 再写一条留言 and says where the new message goes: to the deputy she wrote to by name,
 * whose form it opens as his card does, while he is in office; otherwise by her place.
 */
describe('mini-program: 再写一条留言 goes to the deputy she wrote to', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date(MONDAY))
  })
  afterEach(() => app.close())

  /** Her message (to a deputy by code, or by place), answered and rated 1 分, nine days ago. */
  async function ratedLowLongAgo(openid: string, to: { deputyCode?: string }) {
    const zhao = await asResident(app, openid)
    const lamp = await created(zhao.post('/api/mp/cases', { text: '北门的路灯坏了一个月', regionId: 'c010101', ...to }))
    const holder = (await app.liaison.store.cases.get(lamp.id))!.deputyId!
    const deputy = await asDeputy(app, holder)
    await created(deputy.post(`/api/mp/deputy/cases/${lamp.id}/reply`, { text: '已联系供电所，这周内修好。' }))
    await created(zhao.post(`/api/mp/cases/${lamp.id}/rate`, { rating: 1, comment: '还是没修' }))
    app.clock.set(new Date(MONDAY + 9 * DAY))
    holdPhone(app, openid)
    return lamp.id as string
  }

  it('to 张伟 by his code: says the new message goes to him, and opens his form', async () => {
    const id = await ratedLowLongAgo('o-again-zhang', { deputyCode: 'DP0001' })
    const page = await openPage(`pages/case/detail?caseId=${id}`)
    expect(page.textOf('#write-again-to')).to.equal('新的留言会送给张伟代表。')
    await page.tap('#write-again')
    expect(phone.navigations.at(-1)).to.deep.include({ url: '/pages/case/new?deputyCode=DP0001&chosen=1' })
    const form = await follow()
    expect(form.text()).to.include('写给：张伟 代表')
  })

  it('to 张伟 who has since left office: the new message goes by her place', async () => {
    const id = await ratedLowLongAgo('o-again-left', { deputyCode: 'DP0001' })
    expect((await (await asAdmin(app)).patch('/api/admin/deputies/dp0001', { active: false })).status).to.equal(200)
    const page = await openPage(`pages/case/detail?caseId=${id}`)
    expect(page.textOf('#write-again-to')).to.equal('新的留言会按您选的地方，送到那里的代表联络站。')
    await page.tap('#write-again')
    expect(phone.navigations.at(-1)).to.deep.include({ url: '/pages/case/new' })
  })

  it('written by her place, not to a deputy by name: the new message goes by her place too', async () => {
    const id = await ratedLowLongAgo('o-again-place', {})
    const page = await openPage(`pages/case/detail?caseId=${id}`)
    expect(page.data.c.handledBy.deputy, 'a deputy was picked for her, not named by her').to.be.a('string')
    expect(page.textOf('#write-again-to')).to.equal('新的留言会按您选的地方，送到那里的代表联络站。')
    await page.tap('#write-again')
    expect(phone.navigations.at(-1)).to.deep.include({ url: '/pages/case/new' })
  })
})
