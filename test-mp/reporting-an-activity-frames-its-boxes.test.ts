import { expect } from 'chai'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { declarations } from './harness/stylesheets.js'
import { phoneOfZhang } from './office.js'

/**
 * 刘代表, 58, on 报告履职活动: under 活动地点 and 做了什么 only grey example text floated on the white card, with
 * no box to say where to tap. Each is a framed box like the date above it, the 做了什么 box tall enough to write in.
 */
describe('mini-program: reporting an activity frames the place and what-was-done boxes', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  it('draws 活动地点 and 做了什么 in the frame the date box has, 做了什么 at least 200rpx high', async () => {
    await phoneOfZhang(app)
    const form = await openPage('pages/records/report')
    expect(form.text()).to.include('活动地点').and.include('做了什么')
    const what = form.component.querySelector('.what')._exparserNode
    expect(what.classList.contains('area'), '做了什么 carries the framed box class').to.equal(true)

    const sheet = 'pages/records/report.wxss'
    const frame = declarations(sheet, '.field').get('border')
    expect(frame, 'the date box is framed').to.match(/^2rpx solid #/)
    expect(declarations(sheet, '.place').get('border'), '活动地点').to.equal(frame)
    expect(declarations(sheet, '.area').get('border'), '做了什么').to.equal(frame)
    expect(parseFloat(declarations(sheet, '.area').get('min-height') ?? '0'), '做了什么 has room to write').to.be.at.least(200)
    // One frame, not TDesign's underline inside it.
    expect(form.component.querySelector('.place').instance.data.borderless, 'no underline inside the frame').to.equal(true)
  })
})
