import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, phoneOfZhang } from './office.js'

/**
 * 张伟 writes a long answer to a resident on the bus; the signal drops as he taps 发送答复.
 * He is told the network is down — and his answer is still there to send again, not gone.
 */
describe('mini-program: a deputy whose reply could not be sent keeps what he wrote', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('keeps the answer in the box when the network is down, and sends it on the next tap', async () => {
    const resident = await asResident(app)
    const written = await created(resident.post('/api/mp/cases', { text: '小区门口的垃圾好几天没人清运', regionId: 'c010101', deputyCode: 'DP0001' }))
    await phoneOfZhang(app)
    const page = await openPage(`pages/deputy/case?caseId=${written.id}`)
    await page.tap('.acknowledge')

    const answer = '已联系环卫所，明天起每天清运两次；如果还有问题，请再告诉我。'
    await page.type('.reply-text', answer)
    const backend = phone.backend
    phone.backend = 'http://127.0.0.1:9' // the signal drops
    try {
      await page.tap('.reply')
    } finally {
      phone.backend = backend
    }
    expect(page.text()).to.include('网络不通，请检查网络后重试').and.include('已受理，请在12月14日（星期一）前（含当日）答复群众')
    expect(page.data.replyText, 'what he wrote is still in the box').to.equal(answer)

    await page.tap('.reply')
    expect(page.text()).to.include('答复已发送给群众').and.include('已答复')
    expect((await resident.get(`/api/mp/cases/${written.id}`)).body).to.include({ status: 'replied', reply: answer })
  })
})
