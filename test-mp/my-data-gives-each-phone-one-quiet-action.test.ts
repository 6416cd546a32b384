import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created } from './office.js'

/**
 * 王阿姨 (72, 关怀模式) has left three phones: one on her account and one on each of two open messages (review 36,
 * findings 7, 8, 9). 我的信息 showed three red 改成这个号码 and three 删掉这个电话 before she had typed anything; a tap on
 * 改成这个号码 with nothing typed said so once at the top of the card, a screen above the third phone; and when the
 * page could not read what is kept, “请找联络站更正：” ended in a colon with nothing under it.
 */
describe('mini-program: 我的信息 gives each phone one quiet action, and says a problem at that phone', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  async function threePhones(openid: string) {
    const wang = await asResident(app, openid)
    await created(wang.request('PUT', '/api/mp/me/phone', { phone: '13700001111' }))
    const lamp = await created(
      wang.post('/api/mp/cases', { text: '建设路12号门口的路灯坏了', regionId: 'c010101', deputyCode: 'DP0001', phone: '13912345678' }),
    )
    const bins = await created(
      wang.post('/api/mp/cases', { text: '小区门口垃圾好几天没人清运', regionId: 'c010101', deputyCode: 'DP0001', phone: '13912340000' }),
    )
    holdPhone(app, openid)
    phone.storage.set('care.mode', 'on')
    return { keys: ['account', lamp.id as string, bins.id as string] }
  }

  const count = (page: MpPage, words: string) => page.text().split(words).length - 1

  it('before she taps: each phone has an outlined 改号码 and a text 删掉, no red button and no box', async () => {
    const { keys } = await threePhones('o-wang-three-phones')
    const data = await openPage('pages/mine/data')
    expect(data.component.querySelectorAll('.fix-row')).to.have.length(3)
    for (const key of keys) {
      expect(data.buttonLook(`#edit-${key}`), `${key}: 改号码 quiet`).to.equal('plain')
      expect(data.buttonLook(`#drop-${key}`), `${key}: 删掉 quiet`).to.equal('plain')
      expect(data.has(`#phone-${key}`), `${key}: no box until she asks for one`).to.equal(false)
    }
    expect(count(data, '改号码'), 'one 改号码 a phone').to.equal(3)
    expect(data.text(), 'no 改成这个号码 before she has a box to type in').not.to.include('改成这个号码')
  })

  it('改号码 opens the box of that phone only; 改成这个号码 with nothing typed says so in that phone’s block', async () => {
    const { keys } = await threePhones('o-wang-third-phone')
    const third = keys[2]
    const data = await openPage('pages/mine/data')
    await data.tap(`#edit-${third}`)
    expect(data.has(`#phone-${third}`)).to.equal(true)
    expect(data.has(`#phone-${keys[0]}`) || data.has(`#phone-${keys[1]}`), 'the other phones stay closed').to.equal(false)
    expect(count(data, '改成这个号码'), 'one').to.equal(1)
    expect(data.buttonLook(`#save-${third}`), 'the one filled button, while she changes it').to.equal('filled')

    await data.tap(`#save-${third}`)
    expect(data.textOf(`#fix-${third}`), 'said where she tapped').to.include('请先在上面的框里填写新号码')
    expect(data.textOf(`#fix-${keys[0]}`)).not.to.include('请先在上面的框里填写新号码')
    expect(count(data, '请先在上面的框里填写新号码'), 'once').to.equal(1)
    const card = data.text()
    expect(card.indexOf('请先在上面的框里填写新号码'), 'below the third phone, not at the top of the card').to.be.greaterThan(card.indexOf('13912340000'))

    await data.type(`#phone-${third}`, '13912340001')
    await data.tap(`#save-${third}`)
    expect(data.textOf('#fix-message')).to.include('已改好')
    expect(data.textOf(`#fix-${third}`)).to.include('13912340001')
    expect(data.has(`#phone-${third}`), 'done: the box closes').to.equal(false)
    expect(data.has('#fix-error')).to.equal(false)
  })

  it('when what is kept cannot be read, the card says so plainly, with no “请找联络站更正：” over nothing', async () => {
    await threePhones('o-wang-load-error')
    phone.refusals.push({ path: '/api/mp/me/kept', status: 500, code: 'internal_error', message: '系统出了点问题，请稍后再试' })
    const data = await openPage('pages/mine/data')
    expect(data.textOf('#kept-error')).to.equal('系统出了点问题，请稍后再试')
    expect(data.textOf('#fix-load-error')).to.equal('没能读到您留的电话和联络站，请点上面的“再试一次”。')
    expect(data.text()).not.to.include('请找联络站更正')
    expect(data.has('#station-contact')).to.equal(false)

    phone.refusals.length = 0
    await data.tap('#reload')
    expect(data.has('#fix-load-error')).to.equal(false)
    expect(data.textOf('#station-contact')).to.include('请找联络站更正：').and.include('轻工街道代表联络站')
  })
})
