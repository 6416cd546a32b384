import { expect } from 'chai'
import { asDeputy, asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { created } from './office.js'

const WORDS = '灯还是没修好，噪音的事也没人管'

/** What the 重新办理 box shows: the value the page hands the text box. */
const inBox = (page: MpPage) => String(page.component.querySelector('#reason').instance.data.value)

/**
 * Review 36, finding 10: 王阿姨 rates the answer 2 分 with "灯还是没修好，噪音的事也没人管", and is asked at once
 * "请写下还有什么没解决" over an empty box. The chat carries her words over; so does the page: the box holds them,
 * said above it, hers to change before she sends. Coming back to the page later, they are there too.
 */
describe('mini-program: her rating words carry into asking again', () => {
  let app: Backend
  let caseId: string
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    const wang = await asResident(app, 'o-wang-carry')
    caseId = (await created(wang.post('/api/mp/cases', { text: '建设路12号门口的路灯坏了，楼上502半夜剁肉很吵', regionId: 'c010101', deputyCode: 'DP0001' })))
      .id
    const zhang = await asDeputy(app, 'dp0001')
    await created(zhang.post(`/api/mp/deputy/cases/${caseId}/reply`, { text: '已联系路灯所，本周修好。邻居噪音的事请找社区调解。' }))
    holdPhone(app, 'o-wang-carry')
  })
  afterEach(() => app.close())

  async function rateTwo() {
    const page = await openPage(`pages/case/detail?caseId=${caseId}`)
    await page.emit('#rate', 'change', { value: 2 })
    await page.type('#comment', WORDS)
    await page.tap('#submit-rating')
    return page
  }

  it('after 2 分 with her words, the 重新办理 box holds them, says so, and sends them as she changed them', async () => {
    const page = await rateTwo()
    expect(inBox(page)).to.equal(WORDS)
    expect(page.textOf('#reason-carried')).to.equal('下面已经填上您评价时写的话，可以改一改，再点“申请重新办理”。')
    expect(page.textOf('#reason-count')).to.equal(`已写 ${WORDS.length} 字，最多 500 字`)

    const changed = `${WORDS}，请再看看`
    await page.type('#reason', changed)
    expect(page.has('#reason-carried'), 'her own words now').to.equal(false)
    await page.tap('#reopen')
    expect(page.textOf('#status')).to.include('重新办理')
    expect(page.textOf('.step--reopened'), 'her step says what she sent').to.include('您申请了重新办理').and.include(changed)
  })

  it('opened again later, the box still holds her rating words', async () => {
    ;(await rateTwo()).close()
    const again = await openPage(`pages/case/detail?caseId=${caseId}`)
    expect(inBox(again)).to.equal(WORDS)
    expect(again.has('#reason-carried')).to.equal(true)
  })

  it('rated without words, the box is empty and asks her to write', async () => {
    const page = await openPage(`pages/case/detail?caseId=${caseId}`)
    await page.emit('#rate', 'change', { value: 2 })
    await page.tap('#submit-rating')
    expect(inBox(page)).to.equal('')
    expect(page.has('#reason-carried')).to.equal(false)
    expect(page.textOf('#reopen-until')).to.include('请写下还有什么没解决')
  })
})
