import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, phoneOfZhang } from './office.js'

/**
 * 张伟, 68, opens a new message; the answer box sits beside 受理. He types "收到" there and taps
 * 发送答复, meaning he has it. Nothing goes to the resident: under his words, by the button he
 * tapped, he reads why and what to do (tap 受理, answer once it is done), and his words stay in
 * the box. He taps 受理, writes what was done, and the answer goes out.
 */
describe('mini-program: a deputy who answers "收到" is told at the answer box, his words kept', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  it('shows the refusal under the answer box, keeps "收到" there, sends nothing, and takes the real answer after 受理', async () => {
    const resident = await asResident(app)
    const c = await created(resident.post('/api/mp/cases', { text: '楼道里的扶手断了', regionId: 'c010101', deputyCode: 'DP0001' }))
    await phoneOfZhang(app)
    const page = await openPage(`pages/deputy/case?caseId=${c.id}`)

    await page.type('.reply-text', '收到')
    await page.tap('.reply')
    expect(page.textOf('.reply-error')).to.equal('这句话只告诉了群众“收到了”，还没说怎么办的。请先点“受理”，办好以后再答复，写明做了什么、结果怎样。')
    expect(page.data.replyText, 'his words are still in the box').to.equal('收到')
    expect(phone.toasts, 'no "答复已发送"').to.deep.equal([])
    expect(page.textOf('.status')).to.equal('新留言，请在11月24日（星期二）上午10:00前受理')
    expect((await resident.get(`/api/mp/cases/${c.id}`)).body).to.include({ status: 'assigned', reply: null })

    await page.tap('.acknowledge')
    expect(page.has('.reply-error'), 'the refusal goes with the next tap').to.equal(false)
    await page.type('.reply-text', '已请物业换了新扶手。')
    await page.tap('.reply')
    expect(page.textOf('.status')).to.equal('已答复，等群众评价')
    expect((await resident.get(`/api/mp/cases/${c.id}`)).body).to.include({ status: 'replied', reply: '已请物业换了新扶手。' })
  })
})
