import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, phoneOfZhang } from './office.js'

/**
 * A resident leaves her number so that the deputy can call her ("只有办理的代表能看到"). 张伟
 * reads "联系电话：139****5678" on the message in his workbench; one tap must give him the
 * whole number and dial it — the backend has the audited route for exactly this.
 */
describe('mini-program: a deputy calls the resident back from her message', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('shows the whole number and dials it when he taps 打电话给群众', async () => {
    const resident = await asResident(app)
    const written = await created(
      resident.post('/api/mp/cases', { text: '家门口的井盖松了，踩上去会晃', regionId: 'c010101', deputyCode: 'DP0001', phone: '13912345678' }),
    )
    await phoneOfZhang(app)
    const page = await openPage(`pages/deputy/case?caseId=${written.id}`)
    expect(page.text()).to.include('联系电话：139****5678')

    await page.tap('.call-phone')
    expect(page.textOf('.phone')).to.equal('联系电话：13912345678')
    expect(phone.calls).to.deep.equal(['13912345678'])
  })

  it('offers no call on a message with no number', async () => {
    const resident = await asResident(app)
    const written = await created(resident.post('/api/mp/cases', { text: '公园的长椅坏了两张', regionId: 'c010101', deputyCode: 'DP0001' }))
    await phoneOfZhang(app)
    const page = await openPage(`pages/deputy/case?caseId=${written.id}`)
    expect(page.textOf('.body'), 'her words').to.equal('公园的长椅坏了两张')
    expect(page.textOf('.status'), 'a new message: what to do by when').to.match(/^新留言，请在.+前受理$/)
    expect(page.text(), 'he answers her in writing').to.include('答复群众')
    expect(page.has('.reply'), '发送答复 to tap').to.equal(true)
    expect(page.text()).not.to.include('联系电话')
    expect(page.has('.call-phone'), 'no 打电话给群众 without a number').to.equal(false)
  })
})
