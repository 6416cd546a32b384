import { expect } from 'chai'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { lampWrittenAndAnswered } from './office.js'

/**
 * 赵阿姨's pages said a year by her phone's clock (utils/words.js) while a suggestion's page said it by its own dates
 * (utils/when.js): a message written and answered in one year read "2029年3月2日" on a phone whose clock was in
 * another year, and a page read differently on every phone. Now one rule: a page says its years only when its own
 * dates fall in more than one year, or outside the office's year (the backend's today, not the phone's: see
 * a-message-from-last-year-says-its-year-by-the-offices-today), and then every date on it says its year.
 */
describe('mini-program: a page says its years by its own dates, never by the phone’s clock', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('written and answered in one year (the phone’s clock in another): no year on her message or her list', async () => {
    const lamp = await lampWrittenAndAnswered(app, 'o-zhao-one-year', '2029-03-02T02:05:00Z', '2029-03-04T01:30:00Z')
    const page = await openPage(`pages/case/detail?caseId=${lamp.id}`)
    expect(page.textOf('#submitted')).to.equal('3月2日（星期五）上午10:05送出')
    expect(page.text()).to.include('3月4日（星期日）上午9:30').and.not.include('2029年')

    const list = await openPage('pages/case/list')
    expect(list.textOf(`#case-${lamp.ticket}`))
      .to.include('3月2日（星期五）上午10:05送出')
      .and.not.include('2029年')
  })

  it('written before a new year and answered after it: every date on her message with its year', async () => {
    const lamp = await lampWrittenAndAnswered(app, 'o-zhao-new-year', '2026-12-31T02:05:00Z', '2027-01-04T01:30:00Z')
    const page = await openPage(`pages/case/detail?caseId=${lamp.id}`)
    expect(page.textOf('#submitted')).to.equal('2026年12月31日（星期四）上午10:05送出')
    expect(page.text()).to.include('2027年1月4日（星期一）上午9:30')
    expect(page.text(), 'no date without its year').not.to.match(/(?<![年\d])\d{1,2}月\d{1,2}日/)
  })
})
