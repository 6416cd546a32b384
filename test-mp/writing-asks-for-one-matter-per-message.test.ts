import { expect } from 'chai'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'

/**
 * Review 36, finding 5: 王阿姨 wrote about the broken streetlight and her neighbour's midnight noise in one message;
 * it went to one deputy as one case, and the noise was passed over. The form says, under 想反映的事情 and above the
 * box she writes in, to write one matter per message; 送出留言 stays the page's one filled button.
 */
describe('mini-program: the form asks for one matter per message', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('says 一件事写一条留言 between 想反映的事情 and the photos, and keeps 送出留言 the one main action', async () => {
    holdPhone(app, 'o-wang-one-matter')
    const write = await openPage('pages/case/new?deputyCode=DP0001')
    expect(write.text(), 'not on the notice: on the form').not.to.include('一件事写一条留言')
    await write.tap('#agree')
    expect(write.textOf('#one-matter')).to.equal('一件事写一条留言，能更快交给管这件事的人。')
    const text = write.text()
    const hint = text.indexOf('一件事写一条留言')
    expect(text.indexOf('想反映的事情'), 'under its label').to.be.at.least(0).and.below(hint)
    expect(hint, 'by the box, before the photos').to.be.below(text.indexOf('照片（可不传'))
    expect(write.buttonLook('#submit'), '送出留言: the one obvious action').to.equal('filled')
    // One verb for sending, as 留言已送出 and her list ("…送出") say it.
    expect(write.text()).to.include('送出留言').and.not.include('提交')
  })
})
