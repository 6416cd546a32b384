import { expect } from 'chai'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openOffline, openPage, type MpPage } from './harness/page.js'
import { phone } from './harness/wx.js'

/** The buttons the error screen offers, by the words on them (the card shows each one's words). */
function offered(page: MpPage) {
  const buttons = [page.has('#load-failed >>> .retry') && '再试一次', page.has('#load-failed >>> .home') && '返回首页'].filter(Boolean) as string[]
  for (const words of buttons) expect(page.textOf('#load-failed')).to.include(words)
  return buttons
}

/**
 * A list the server refuses (403: not hers to see; 404: not there) will be refused however often
 * she taps 再试一次: every list page offers 返回首页 then, as the pages of one thing do. Without
 * signal the same page still offers 再试一次.
 */
describe('mini-program: a list the server refuses offers 返回首页, not 再试一次', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('a resident who opens 我的建议 (a deputy’s page, from a link passed on) is told so, with 返回首页', async () => {
    holdPhone(app, 'o-resident-at-suggestions')
    const page = await openPage('pages/suggestion/index')
    expect(page.textOf('#load-failed')).to.include('此功能仅限已绑定的人大代表使用')
    expect(offered(page)).to.deep.equal(['返回首页'])
    await page.tap('#load-failed >>> .home')
    expect(phone.navigations.at(-1)).to.deep.equal({ how: 'reLaunch', url: '/pages/index/index' })
  })

  // Each list page, and the request that brings its list.
  const LISTS: Array<[string, string]> = [
    ['pages/case/list', '/api/mp/cases'],
    ['pages/public/index', '/api/public/cases'],
    ['pages/meetings/index', '/api/mp/public-meetings'],
    ['pages/quiz/index', '/api/mp/quizzes'],
    ['pages/survey/index', '/api/mp/tasks'],
    ['pages/suggestion/index', '/api/mp/deputy/suggestions'],
    ['pages/study/index', '/api/mp/study/this-month'],
    ['pages/projects/index', '/api/public/livelihood-projects'],
    ['pages/find/index', '/api/mp/regions'],
  ]

  for (const [url, path] of LISTS) {
    for (const [status, message] of [
      [403, '您没有权限查看这些内容'],
      [404, '找不到这些内容'],
    ] as const) {
      it(`${url}: refused (${status}) says why, with 返回首页`, async () => {
        holdPhone(app, `o-refused-list-${status}`)
        phone.refusals.push({ path, status, code: status === 403 ? 'forbidden' : 'not_found', message })
        const page = await openPage(url)
        expect(page.textOf('#load-failed'), url).to.include(message)
        expect(offered(page), url).to.deep.equal(['返回首页'])
        page.close()
      })
    }

    it(`${url}: without signal, still 再试一次`, async () => {
      holdPhone(app, 'o-offline-list')
      const page = await openOffline(url)
      expect(page.textOf('#load-failed'), url).to.include('网络不通')
      expect(offered(page), url).to.deep.equal(['再试一次'])
      page.close()
    })
  }
})
