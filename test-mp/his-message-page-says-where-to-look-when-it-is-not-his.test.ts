import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, phoneOfZhang, stationStaff } from './office.js'

/**
 * Review 37, findings 20 and 27. 张伟 opens an old notice of a message he handed back to his station: the page said
 * "…您不用再处理" (no full stop) and only 回到我的待办, though 我转出的留言 keeps it. It now ends the sentence and offers
 * 看我转出的留言 › under the one button, when he handed it on himself. And a link with a broken id said "留言编号格式无效"
 * with 再试一次, which could never bring it: now 找不到这条留言。 with 回到我的待办.
 */
describe('mini-program: his message page says where to look when the message is not his', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  const messageForZhang = async () =>
    created((await asResident(app)).post('/api/mp/cases', { text: '建设路社区3号院楼顶私搭乱建', regionId: 'c010101', deputyCode: 'DP0001' }))

  it('handed back by him: a whole sentence, 回到我的待办, and 看我转出的留言 › that opens his list', async () => {
    const { id } = await messageForZhang()
    const zhang = await phoneOfZhang(app)
    await created(zhang.post(`/api/mp/deputy/cases/${id}/transfer`, { reason: '涉及城管和街道职责不清，需要区里协调' }))

    const page = await openPage(`pages/deputy/case?caseId=${id}`)
    expect(page.textOf('.not-his-text')).to.equal('这条留言已交回联络站重新安排，您不用再处理。')
    expect(page.buttonLook('.back-to-tasks'), 'the one filled button').to.equal('filled')
    expect(page.textOf('.open-handed-on')).to.equal('看我转出的留言 ›')
    await page.tap('.open-handed-on')
    expect(phone.navigations.at(-1)).to.deep.equal({ how: 'navigateTo', url: '/pages/deputy/handed-on' })
  })

  it('taken back by the station: no link to a list it is not in', async () => {
    const { id } = await messageForZhang()
    await (await stationStaff(app)).post(`/api/admin/cases/${id}/assign`, { deputyId: 'dp0002', note: '王芳代表联系这个小区' })
    await phoneOfZhang(app)
    const page = await openPage(`pages/deputy/case?caseId=${id}`)
    expect(page.textOf('.not-his-text')).to.equal('这条留言已改由其他代表办理，您不用再处理。')
    expect(page.has('.open-handed-on')).to.equal(false)
  })

  it('a broken link: 找不到这条留言 and 回到我的待办, never 格式无效 or 再试一次', async () => {
    await phoneOfZhang(app)
    for (const id of ['nonexistent', 'cs-00000000-0000-7000-8000-000000000000']) {
      const page = await openPage(`pages/deputy/case?caseId=${id}`)
      expect(page.textOf('.not-his-text')).to.equal('找不到这条留言。')
      expect(page.has('.back-to-tasks')).to.equal(true)
      expect(page.text()).not.to.include('格式无效').and.not.include('再试一次').and.not.include('不存在')
    }
  })
})
