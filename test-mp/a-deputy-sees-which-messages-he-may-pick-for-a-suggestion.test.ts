import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, phoneOfZhang } from './office.js'

/**
 * 张伟 writes a suggestion and may pick residents' messages it comes from. Each row he has not picked says 选择, the
 * co-sign picker's word, where ✓ 已选 goes once he taps it: a row with nothing at its end did not say it could be
 * picked at all. He taps one; it says ✓ 已选 and the other still 选择.
 */
describe('mini-program: the messages a deputy may pick for a suggestion say 选择 until picked', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('an unpicked message says 选择, a picked one ✓ 已选', async () => {
    const resident = await asResident(app)
    const write = (text: string) => created(resident.post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' }))
    const lift = (await write('建设路老小区没有电梯，老人上下楼很难')).ticket as string
    const lamp = (await write('建设路的路灯坏了一个月了，晚上很黑')).ticket as string
    await phoneOfZhang(app)
    const page = await openPage('pages/suggestion/new')

    // What each row reads at its end, after the message's number and words.
    const mark = (ticket: string) => /(选择|✓ 已选)?$/.exec(page.textOf(`#case-${ticket}`))![1] ?? '(nothing)'
    expect(mark(lift), 'before any is picked').to.equal('选择')
    expect(mark(lamp)).to.equal('选择')

    await page.tap(`#case-${lift}`)
    expect(mark(lift)).to.equal('✓ 已选')
    expect(page.textOf(`#case-${lift}`), 'not 选择 as well').not.to.include('选择')
    expect(mark(lamp), 'the one he left').to.equal('选择')

    await page.tap(`#case-${lift}`)
    expect(mark(lift), 'tapped again: unpicked').to.equal('选择')
  })
})
