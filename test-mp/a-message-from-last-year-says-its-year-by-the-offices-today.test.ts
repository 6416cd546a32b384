import { expect } from 'chai'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { lampWrittenAndAnswered } from './office.js'

/**
 * 赵阿姨 wrote about the stairwell lamp last November and 张伟 answered it then; opened in March, her message said
 * "11月23日" and she took it for this year's. A page's dates now say their year when any is not the office's current
 * year (the backend's today, never the phone's clock); dates all of this year say none.
 */
describe('mini-program: a message from last year says its year, by the office’s today', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  // 2029 and 2030: years the phone's clock is not in, so a page going by the phone's year would fail both halves.
  it('read the week it was answered, no year; read after the new year, every date on her message and her list with its year', async () => {
    const lamp = await lampWrittenAndAnswered(app, 'o-zhao-last-year', '2029-11-23T02:05:00Z', '2029-11-25T01:30:00Z')
    app.clock.set(new Date('2029-11-26T01:00:00Z'))
    const thisYear = await openPage(`pages/case/detail?caseId=${lamp.id}`)
    expect(thisYear.textOf('#submitted')).to.equal('11月23日（星期五）上午10:05送出')
    expect(thisYear.text()).to.include('11月25日（星期日）上午9:30').and.not.include('2029年')
    const listThisYear = await openPage('pages/case/list')
    expect(listThisYear.textOf(`#case-${lamp.ticket}`))
      .to.include('11月23日（星期五）上午10:05送出')
      .and.not.include('2029年')

    app.clock.set(new Date('2030-03-02T01:00:00Z'))
    const nextYear = await openPage(`pages/case/detail?caseId=${lamp.id}`)
    expect(nextYear.textOf('#submitted')).to.equal('2029年11月23日（星期五）上午10:05送出')
    expect(nextYear.text()).to.include('2029年11月25日（星期日）上午9:30')
    expect(nextYear.text(), 'no date without its year').not.to.match(/(?<![年\d])\d{1,2}月\d{1,2}日/)
    const listNextYear = await openPage('pages/case/list')
    expect(listNextYear.textOf(`#case-${lamp.ticket}`)).to.include('2029年11月23日（星期五）上午10:05送出')

    // Her deputy reads it the same way on his page: when she wrote it, and each step, with its year.
    holdPhone(app, 'o-deputy-dp0001')
    const his = await openPage(`pages/deputy/case?caseId=${lamp.id}`)
    expect(his.textOf('.created')).to.include('2029年11月23日（星期五）上午10:05')
    expect(his.textOf('.event-head')).to.match(/^2029年11月23日（星期五）上午10:05 /)
  })
})
