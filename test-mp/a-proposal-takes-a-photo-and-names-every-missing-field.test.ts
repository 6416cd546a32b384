import { expect } from 'chai'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { photoOnPhone } from './harness/photos.js'
import { collectingCycle } from './office.js'

/**
 * 我要提建议 on the phone: she taps 送出建议 with the form half filled and is told every field still empty at
 * once, not one per tap; she adds a photo of the place (添加照片) as on 我要留言, and it goes with her proposal,
 * where the office reads it.
 */
describe('mini-program: a proposal takes a photo and names every missing field at once', () => {
  let app: Backend
  let cycleId: string
  beforeEach(async () => {
    app = await startBackend()
    cycleId = (await collectingCycle(app)).id
  })
  afterEach(() => app.close())

  it('lists all the empty fields in one message, then sends the proposal with her photo', async () => {
    holdPhone(app, 'o-proposer-with-photo')
    const list = await openPage('pages/projects/index')
    await list.tap('#propose')
    const form = await follow()
    expect(form.path).to.equal('pages/projects/propose')

    await form.tap('#submit')
    expect(form.textOf('#error')).to.equal('还有没填的：「项目名称」、「要办什么事」、「在什么地方」')
    await form.type('#title', '建设路社区老楼加装电梯')
    await form.tap('#submit')
    expect(form.textOf('#error')).to.equal('还有没填的：「要办什么事」、「在什么地方」')

    await form.type('#description', '3号楼6层，没有电梯，老人下楼难')
    await form.type('#place', '建设路社区3号楼')
    expect(form.has('#error'), 'the red line goes as she fills in what it named').to.equal(false)
    expect(form.text()).to.include('照片（可不传，最多 1 张）')
    phone.photos.push(photoOnPhone('tmp_old_building.jpg'))
    await form.tap('#submit')
    expect(form.textOf('#error'), 'not yet agreed').to.equal('请先阅读并同意征集须知')
    await form.tap('#add-photo')
    expect(form.textOf('#photo-0')).to.include('已上传')
    expect(form.has('#error'), 'nor does it stay after she adds a photo').to.equal(false)
    expect(form.has('#add-photo'), 'one photo is all a proposal takes').to.equal(false)
    await form.emit('#agree', 'change', { checked: true })
    await form.tap('#submit')
    expect(form.textOf('#sent')).to.include('建议已送出，谢谢您！')

    const [stored] = await app.liaison.store.livelihood.listProposals(cycleId)
    expect(stored!.title).to.equal('建设路社区老楼加装电梯')
    expect(stored!.photos, 'her photo went with it').to.have.length(1)
  })
})
