import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, phoneOfZhang } from './office.js'

/**
 * 张伟 already fixed what a new message asks about. In the chat he sends "回复 0001 …" at once;
 * his message's page offers the same: the answer box is there beside 受理, not only after it
 * (the backend takes an answer to a message not yet acknowledged, and counts it acknowledged).
 */
describe('mini-program: a deputy answers a new message at once', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  it('offers 受理 and the answer box together, and one tap on 发送答复 answers it', async () => {
    const resident = await asResident(app)
    const c = await created(resident.post('/api/mp/cases', { text: '楼道里的扶手断了', regionId: 'c010101', deputyCode: 'DP0001' }))
    await phoneOfZhang(app)

    const page = await openPage(`pages/deputy/case?caseId=${c.id}`)
    expect(page.has('.acknowledge'), '受理 is still offered').to.equal(true)
    expect(page.text()).to.include('已经办好的，也可以直接在下面答复，不用先受理。').and.include('答复群众')

    await page.type('.reply-text', '已请物业换了新扶手。')
    await page.tap('.reply')
    expect(phone.toasts).to.deep.equal(['答复已发送'])
    expect(page.textOf('.status')).to.equal('已答复，等群众评价')
    expect(page.text()).to.include('答复已发送给群众。').and.include('您答复了群众')
    expect(page.has('.acknowledge') || page.has('.reply'), 'nothing left to do').to.equal(false)

    const hers = (await resident.get(`/api/mp/cases/${c.id}`)).body
    expect(hers).to.include({ status: 'replied', reply: '已请物业换了新扶手。' })
  })
})
