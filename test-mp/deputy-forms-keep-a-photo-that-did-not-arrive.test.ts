import { expect } from 'chai'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { startBackend, type Backend } from './harness/backend.js'
import { follow, openPage, type MpPage } from './harness/page.js'
import { photoOnPhone } from './harness/photos.js'
import { MP_ROOT } from './harness/runtime.js'
import { phone } from './harness/wx.js'
import { phoneOfZhang } from './office.js'

/**
 * 张伟 (dp0001), 66, adds a photo to his suggestion and to his activity report in a lift with one
 * bar of signal. The photo does not arrive: its tile says so and offers 重新上传, and the form will
 * not go without it unsaid. The tiles' words are body size and 重新上传 / 删除 a finger high, on
 * every form with photos.
 */
describe('mini-program: a photo that did not arrive is never dropped without a word', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  async function photoOffline(form: MpPage) {
    const backend = phone.backend
    phone.backend = 'http://127.0.0.1:9'
    phone.photos.push(photoOnPhone('tmp_visit.jpg'))
    await form.tap('#add-photo')
    phone.backend = backend
  }

  it('a suggestion waits for the photo: 重新上传 sends it, then the suggestion is saved with it', async () => {
    await phoneOfZhang(app)
    const write = await openPage('pages/suggestion/new')
    await write.type('#title', '关于老旧小区加装电梯的建议')
    await write.type('#body', '建设路一带老小区多为六层，没有电梯，建议政府补贴加装。')
    await photoOffline(write)
    expect(write.textOf('#photo-0')).to.include('没传上').and.include('重新上传')
    await write.tap('#save')
    expect(write.textOf('.sg-form-error')).to.equal('有 1 张照片没传上。可以点“重新上传”，或者删掉这张照片再提交')
    expect(phone.navigations.at(-1)?.url ?? '').not.to.include('suggestion/detail')

    await write.tap('#photo-0 .sg-photo__retry')
    expect(write.textOf('#photo-0')).to.include('已上传')
    await write.tap('#save')
    const detail = await follow()
    expect(detail.path).to.equal('pages/suggestion/detail')
    expect(detail.has('.sg-image'), 'the photo went with it').to.equal(true)
  })

  it('an activity report waits for the photo: 重新上传 sends it, then the report goes', async () => {
    await phoneOfZhang(app)
    const form = await openPage('pages/records/report')
    await form.emit('.date', 'change', { value: '2026-11-20' })
    await form.type('.place', '建设路社区')
    await form.emit('.what', 'change', { value: '视察老旧小区加装电梯工程进度' })
    await photoOffline(form)
    await form.tap('.submit')
    expect(form.text()).to.include('有 1 张照片没传上。可以点“重新上传”，或者删掉这张照片再提交')
    await form.tap('#photo-0 .photo__retry')
    expect(form.textOf('#photo-0')).to.include('照片已上传').and.not.include('重新上传')
    await form.tap('.submit')
    expect(form.text(), form.textOf('.error')).to.include('已提交，联络站工作人员审核通过后计入您的履职档案。')
  })

  it('sizes the tiles’ words at body size and their actions a finger high (96rpx) on every form with photos', () => {
    /** The declarations of each rule of a page's stylesheet whose selector names a photo tile. */
    const tileRules = (file: string) =>
      [...readFileSync(join(MP_ROOT, file), 'utf8').matchAll(/([^{}]+)\{([^{}]*)\}/g)]
        .filter((m) => /photo/.test(m[1]))
        .map((m) => ({ selector: `${file} ${m[1].trim()}`, body: m[2] }))
    const rules = ['pages/case/new.wxss', 'pages/records/report.wxss', 'pages/suggestion/new.wxss'].flatMap(tileRules)
    const small = rules.filter((r) => {
      const size = /font-size:\s*([\d.]+)(rpx|em)/.exec(r.body)
      return size && (size[2] === 'em' ? Number(size[1]) < 1 : Number(size[1]) < 32)
    })
    expect(
      small.map((r) => r.selector),
      'tile text smaller than body text',
    ).to.deep.equal([])
    for (const file of ['pages/case/new.wxss', 'pages/records/report.wxss', 'pages/suggestion/new.wxss']) {
      const action = rules.find((r) => r.selector.startsWith(file) && /photo__action$/.test(r.selector))
      // 96rpx, or the button height that grows to 120rpx in 关怀模式 (96rpx otherwise).
      expect(action?.body, `${file}: 重新上传 and 删除 a finger high`).to.match(/min-height:\s*(?:96rpx|var\(--td-button-medium-height,\s*96rpx\))/)
    }
  })
})
