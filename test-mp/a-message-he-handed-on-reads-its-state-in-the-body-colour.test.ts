import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { declarations } from './harness/stylesheets.js'
import { created, phoneOfZhang } from './office.js'

/**
 * 张伟 hands a message on to 王芳 from its page. 已转交 is a state, finished, nothing wrong: it reads in the
 * body colour, not bold red. Red stays for what is wrong: a message whose day to acknowledge went by.
 */
describe('mini-program: a message he handed on reads its state in the body colour', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00
  })
  afterEach(() => app.close())

  const message = async () =>
    created((await asResident(app)).post('/api/mp/cases', { text: '楼道里的扶手断了，老人上下楼不方便', regionId: 'c010101', deputyCode: 'DP0001' }))

  it('已转交 in the body colour; overdue in red', async () => {
    const handed = await message()
    const late = await message()
    await phoneOfZhang(app)
    const page = await openPage(`pages/deputy/case?caseId=${handed.id}`)
    await page.tap('.show-transfer')
    await page.tap('.to-DP0002')
    await page.type('.transfer-reason', '王芳代表住在这个小区，更了解情况')
    await page.tap('.transfer')
    expect(page.textOf('.status')).to.equal('已转交')
    expect(page.has('.status--urgent'), 'not drawn as a warning').to.equal(false)
    expect(declarations('pages/deputy/case.wxss', '.status').has('color'), 'the body colour').to.equal(false)

    app.clock.set(new Date('2026-11-27T02:00:00Z')) // Friday: its day to acknowledge went by
    const overdue = await openPage(`pages/deputy/case?caseId=${late.id}`)
    expect(overdue.textOf('.ack-by')).to.include('已过受理期限')
    expect(overdue.has('.status.status--urgent')).to.equal(true)
    expect(declarations('pages/deputy/case.wxss', '.status--urgent').get('color')).to.equal('#b71c1c')
  })
})
