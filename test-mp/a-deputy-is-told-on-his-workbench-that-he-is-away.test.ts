import { expect } from 'chai'
import { asAdmin } from '../test/helpers/app.js'
import { addDays } from '../src/domain/local-days.js'
import { localDate, monthDayText } from '../src/domain/dates.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phoneOfZhang } from './office.js'

/**
 * The station marked 张伟 暂停接收留言 (外出学习). Residents read it on his card; he reads it on his own
 * workbench too: the dates, and that the messages he holds stay his. Never the office's reason.
 */
describe('mini-program: a deputy marked away reads it on his workbench', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('联络站已为您暂停接收新留言（…至…），您手上的留言仍由您办理', async () => {
    const today = localDate(app.clock.now(), 'Asia/Shanghai')
    const until = addDays(today, 6)
    const marked = await (await asAdmin(app)).put('/api/admin/deputies/dp0001/away', { from: today, until, reason: 'other', note: '省里培训' })
    expect(marked.status, JSON.stringify(marked.body)).to.equal(200)
    await phoneOfZhang(app)

    const workbench = await openPage('pages/deputy/index')
    expect(workbench.textOf('.away')).to.equal(`联络站已为您暂停接收新留言（${monthDayText(today)}至${monthDayText(until)}），您手上的留言仍由您办理`)
    expect(workbench.text()).not.to.include('省里培训')
  })

  it('not marked: no such line', async () => {
    await phoneOfZhang(app)
    const workbench = await openPage('pages/deputy/index')
    expect(workbench.has('.away')).to.equal(false)
    // Only the way to pause them himself (暂停接收新留言（外出、生病时）), no word of a pause.
    expect(workbench.text()).not.to.include('已为您暂停').and.not.include('您已暂停').and.not.include('暂停接收留言至')
    expect(workbench.textOf('#open-away')).to.equal('暂停接收新留言 ›外出、生病时')
  })
})
