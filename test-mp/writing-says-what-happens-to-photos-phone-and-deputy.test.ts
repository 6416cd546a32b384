import { expect } from 'chai'
import { asAdmin } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openPage, type MpPage } from './harness/page.js'
import { photoOnPhone } from './harness/photos.js'
import { phone } from './harness/wx.js'

async function casesOf(app: Backend, openid: string) {
  const user = await app.liaison.store.mpUsers.getByOpenid(openid)
  return user ? (await app.liaison.store.cases.search({ residentId: user.id, limit: 10 })).items : []
}

/**
 * 赵阿姨, 72, writes to her deputy from the form. What the form says must be what happens:
 * a photo that did not arrive is never dropped without a word (she can send it again, or delete
 * it); an anonymous message cannot be answered by phone, and the form says so where she would
 * type her number; a deputy who has left office is said to have left before she writes.
 */
describe('mini-program: the form says what will happen to her photo, her number and her message', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  /** Opens the form for 张伟 (or another deputy's code) and agrees to the notice. */
  async function form(openid: string, deputyCode = 'DP0001'): Promise<MpPage> {
    holdPhone(app, openid)
    const write = await openPage(`pages/case/new?deputyCode=${deputyCode}`)
    await write.tap('#agree')
    return write
  }

  /** Chooses a photo while the network is down (a lift, one bar of signal): it does not arrive. */
  async function photoOffline(write: MpPage) {
    const backend = phone.backend
    phone.backend = 'http://127.0.0.1:9'
    phone.photos.push(photoOnPhone('tmp_lamp.jpg'))
    await write.tap('#add-photo')
    phone.backend = backend
  }

  it('a photo that did not arrive stops the message with a word, and 重新上传 sends it once the signal is back', async () => {
    const write = await form('o-zhao-photo')
    await write.type('#text', '北门的路灯坏了一个月，晚上出门看不清路')
    await photoOffline(write)
    expect(write.textOf('#photo-0')).to.include('没传上：网络不通，请检查网络后重试').and.include('重新上传').and.include('删除')

    const before = phone.navigations.length
    await write.tap('#submit')
    expect(write.text()).to.include('有 1 张照片没传上。可以点“重新上传”，或者删掉这张照片再提交')
    expect(phone.navigations.length, 'she stays on her form').to.equal(before)
    expect(await casesOf(app, 'o-zhao-photo'), 'nothing sent without her photo').to.have.length(0)
    expect(write.data.text, 'her words are kept').to.equal('北门的路灯坏了一个月，晚上出门看不清路')

    await write.tap('#photo-0 .photo__retry')
    expect(write.textOf('#photo-0')).to.include('已上传').and.not.include('重新上传')
    await write.tap('#submit')
    await follow()
    const [sent] = await casesOf(app, 'o-zhao-photo')
    expect(sent.images, 'the photo went with her message').to.have.length(1)
  })

  it('deleting the photo that did not arrive lets the message go', async () => {
    const write = await form('o-zhao-delete')
    await write.type('#text', '楼道里的灯不亮了')
    await photoOffline(write)
    await write.tap('#submit')
    expect(await casesOf(app, 'o-zhao-delete')).to.have.length(0)
    await write.tap('#photo-0 .photo__remove')
    await write.tap('#submit')
    await follow()
    expect(await casesOf(app, 'o-zhao-delete')).to.have.length(1)
  })

  it('with 匿名留言 on, the phone field says the deputy cannot call her, and no number is sent', async () => {
    const write = await form('o-zhao-anon')
    await write.type('#phone', '13912345678')
    expect(write.has('#phone-anonymous')).to.equal(false)
    await write.emit('#anonymous', 'change', { value: true })
    expect(write.textOf('#phone-anonymous')).to.equal('您选了匿名留言，代表看不到您的电话，没法打电话给您。想让代表打电话给您，请关掉下面的“匿名留言”。')
    expect(write.has('#phone'), 'no field to type a number no one will see').to.equal(false)
    expect(write.text()).to.include('代表和工作人员看不到您是谁，也不能打电话给您')
    await write.type('#text', '广场舞音响太大声，晚上十点还没停')
    await write.tap('#submit')
    await follow()
    const [sent] = await casesOf(app, 'o-zhao-anon')
    expect(sent).to.include({ anonymous: true, phoneEnc: null })
  })

  it('writing to a deputy who has left office, the form says so before she writes', async () => {
    const admin = await asAdmin(app)
    expect((await admin.patch('/api/admin/deputies/dp0002', { active: false })).status).to.equal(200)
    const write = await form('o-zhao-left', 'DP0002')
    expect(write.textOf('#left-office')).to.equal('已离任王芳 代表已离任，不再接收留言。您在这里写的留言会交给代表联络站，由工作人员安排其他代表办理。')
    const inOffice = await form('o-zhao-left2', 'DP0001')
    expect(inOffice.has('#left-office')).to.equal(false)
  })
})
