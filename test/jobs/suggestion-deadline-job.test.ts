import { expect } from 'chai'
import { startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { asStaff, localToday, suggestionAt, told } from '../helpers/suggestions.js'
import { addDays } from '../../src/domain/suggestion-due.js'

const DAY = 86_400_000

describe('代表建议 deadlines: units reminded 15 and 3 days ahead, the office and the units told once overdue', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
  })
  afterEach(() => app.close())

  const run = () => app.liaison.jobs.find((j) => j.name === 'suggestion-deadlines')!.run()

  it('reminds each unit once per reminder day and tells the office once, whatever how often the job runs', async () => {
    const { id } = await suggestionAt(app, 'accepted')
    const sunli = await asStaff(app, 'sunli')
    const deadline = addDays(localToday(app), 20)
    const { number } = (await sunli.post(`/api/admin/suggestions/${id}/assignment`, { leadUnitId: 'u01', coUnitIds: ['u02'], deadline })).body

    await run()
    expect(await told(app, 'suggestion.due_soon'), '20 days ahead: nothing yet').to.deep.equal([])
    app.clock.advance(5 * DAY)
    await run()
    await run()
    const fifteen = await told(app, 'suggestion.due_soon')
    expect(fifteen).to.have.length(2)
    expect(fifteen).to.include(`staff:sf21 → 代表建议 ${number}《建设路加装路灯》还有 15 天到期（${deadline}），请按时答复。`)
    app.clock.advance(12 * DAY)
    await run()
    expect(await told(app, 'suggestion.due_soon')).to.have.length(4)
    expect(await told(app, 'suggestion.overdue')).to.deep.equal([])

    app.clock.advance(4 * DAY)
    await run()
    await run()
    const overdue = await told(app, 'suggestion.overdue')
    expect(overdue).to.have.length(1)
    expect(overdue[0]).to.match(/^office:d01 → 代表建议 .*已超过办理期限（\d{4}年\d{1,2}月\d{1,2}日），主办单位 市住房和城乡建设局 尚未答复，请督办。$/)
    const listed = await (await asStaff(app, 'sunli')).get('/api/admin/suggestions?overdue=true')
    expect(listed.body.items.map((s: { id: string }) => s.id)).to.deep.equal([id])
    expect(listed.body.items[0].assignment.dueText).to.equal('已超期 1 天')
  })

  it('reminds the units still owing the answer once the deadline has passed, once, however often the job runs', async () => {
    const { id } = await suggestionAt(app, 'accepted')
    const deadline = addDays(localToday(app), 2)
    const sunli = await asStaff(app, 'sunli')
    const { number } = (await sunli.post(`/api/admin/suggestions/${id}/assignment`, { leadUnitId: 'u01', coUnitIds: ['u02'], deadline })).body
    expect((await (await asStaff(app, 'wujing')).post(`/api/unit/suggestions/${id}/answer`, { text: '配合选址' })).status).to.equal(200)
    app.clock.advance(2 * DAY)
    await run()
    expect(await told(app, 'suggestion.overdue_unit'), 'due today: not late yet').to.deep.equal([])
    app.clock.advance(DAY)
    await run()
    app.clock.advance(DAY)
    await run()
    const [y, m, d] = deadline.split('-').map(Number)
    // The co-unit gave its opinion: only the lead's staff are pressed.
    expect(await told(app, 'suggestion.overdue_unit')).to.deep.equal([
      `staff:sf21 → 代表建议 ${number}《建设路加装路灯》已超过办理期限（${y}年${m}月${d}日），还没有答复，请尽快答复；确需更多时间的，请在“交办建议”里申请延期。`,
    ])
  })

  it('stops reminding a co-unit once it has given its opinion; the lead is still reminded', async () => {
    const { id } = await suggestionAt(app, 'accepted')
    const deadline = addDays(localToday(app), 15)
    await (await asStaff(app, 'sunli')).post(`/api/admin/suggestions/${id}/assignment`, { leadUnitId: 'u01', coUnitIds: ['u02'], deadline })
    expect((await (await asStaff(app, 'wujing')).post(`/api/unit/suggestions/${id}/answer`, { text: '配合选址' })).status).to.equal(200)
    await run()
    expect((await told(app, 'suggestion.due_soon')).map((t) => t.split(' → ')[0])).to.deep.equal(['staff:sf21'])
  })

  it('leaves answered suggestions alone', async () => {
    const { id } = await suggestionAt(app, 'assigned')
    await (await asStaff(app, 'chengang')).post(`/api/unit/suggestions/${id}/answer`, { category: 'resolved', text: '已办好' })
    app.clock.advance(100 * DAY)
    await run()
    expect(await told(app, 'suggestion.due_soon')).to.deep.equal([])
    expect(await told(app, 'suggestion.overdue')).to.deep.equal([])
  })
})
