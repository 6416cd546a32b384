import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, phoneOfZhang, stationStaff } from './office.js'

/**
 * 张伟 has a message open and types his answer; meanwhile the clerk 李娜 gives it to 李强. When
 * he taps 发送答复 (or 受理, or 打电话给群众) the page must not keep offering 受理/答复 as if it
 * were still his: it turns to the calm view it shows when opened after the move, and what he typed
 * stays in sight with 复制, since it reached nobody.
 */
describe('mini-program: a message taken from the deputy while its page is open', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  const answer = '已联系交警大队，下周在学校门口画斑马线并派协管员放学时值守。'

  async function openThenMoved(phoneNumber?: string) {
    const resident = await asResident(app)
    const { id } = await created(
      resident.post('/api/mp/cases', {
        text: '学校门口没有斑马线，孩子过马路很危险',
        regionId: 'c010101',
        deputyCode: 'DP0001',
        ...(phoneNumber ? { phone: phoneNumber } : {}),
      }),
    )
    await phoneOfZhang(app)
    const page = await openPage(`pages/deputy/case?caseId=${id}`)
    expect(page.has('.acknowledge')).to.equal(true)
    const lina = await stationStaff(app)
    expect((await lina.post(`/api/admin/cases/${id}/assign`, { deputyId: 'dp0003', note: '李强代表负责学校周边' })).status).to.equal(200)
    return page
  }

  it('发送答复 refused: the calm view with the way back, his answer kept with 复制', async () => {
    const page = await openThenMoved()
    await page.type('.reply-text', answer)
    await page.tap('.reply')

    expect(page.textOf('.not-his-text')).to.equal('这条留言已改由其他代表办理，您不用再处理。')
    expect(page.has('.back-to-tasks')).to.equal(true)
    expect(page.text(), 'nothing of his left to do').not.to.include('当前状态').and.not.to.include('请于')
    expect(page.has('.acknowledge') || page.has('.reply') || page.has('.show-transfer')).to.equal(false)
    expect(page.textOf('.kept')).to.include('您刚才写的话没有发出去').and.include(answer)

    await page.tap('.copy-kept')
    expect(phone.clipboard).to.equal(answer)
    expect(page.textOf('.copied')).to.equal('已复制，可以粘贴到微信里发给联络站')
  })

  it('受理 refused: the same calm view', async () => {
    const page = await openThenMoved()
    await page.tap('.acknowledge')
    expect(page.textOf('.not-his-text')).to.equal('这条留言已改由其他代表办理，您不用再处理。')
    expect(page.has('.acknowledge')).to.equal(false)
    expect(page.has('.kept'), 'he had typed nothing').to.equal(false)
  })

  it('打电话给群众 refused in the same words, not 留言不存在', async () => {
    const page = await openThenMoved('13912345678')
    await page.tap('.call-phone')
    expect(page.text()).not.to.include('留言不存在')
    expect(page.textOf('.not-his-text')).to.equal('这条留言已改由其他代表办理，您不用再处理。')
    expect(phone.calls).to.deep.equal([])
  })
})
