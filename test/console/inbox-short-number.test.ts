import { expect } from 'chai'
import { asResident } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

const DAY = 86_400_000

/**
 * A resident rings 建设路街道代表联络站 about "my message, number 0002": residents are told the
 * short number. 张国华 types 0002 into the inbox's search box and finds her message, not another
 * station's 0002, and the list says that only the last 90 days' numbers were looked at.
 */
describe('console: station staff find a message by the short number a resident reads out', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  it('typing 0002 lists the message numbered 0002 at her station, says which days were looked at, and says so plainly when there is none', async () => {
    const resident = await asResident(story.app)
    const write = async (text: string, regionId: string) => (await resident.post('/api/mp/cases', { text, regionId })).body.ticket as string
    // Yesterday 和平社区 (another station) got numbers 0001 and 0002; today 建设路街道 gets them.
    await write('和平社区菜市场门口占道经营', 'c010201')
    const elsewhere = await write('和平社区垃圾站气味很大', 'c010201')
    story.app.clock.advance(DAY)
    await write('楼道里堆满杂物，消防通道堵了', 'c010101')
    const hers = await write('3号楼门口的停车位被人用地锁占了', 'c010101')
    expect([elsewhere, hers].map((t) => t.slice(-4))).to.deep.equal(['0002', '0002'])

    const staff = story.app.login((l) => l.role === 'station_staff' && l.username === 'zhangguohua')
    const page = await newPage(story.browser, story.app)
    await logInAs(page, staff)
    await page.getByRole('heading', { name: '留言办理' }).waitFor()
    await page.waitForFunction(() => document.querySelectorAll('tbody tr:not(.t-table__empty-row)').length === 2)

    const box = page.getByPlaceholder('输入留言内容或编号查找')
    await box.fill('0002')
    await box.press('Enter')
    await page.getByText('查找：“0002”').waitFor()
    await page.waitForFunction(() => document.querySelectorAll('tbody tr:not(.t-table__empty-row)').length === 1)
    const found = await page.locator('tbody').innerText()
    expect(found).to.include(hers).and.include('地锁').and.not.include(elsewhere).and.not.include('消防通道')
    const note = page.getByTestId('number-search')
    expect(await note.innerText())
      .to.include('只查找了最近 90 天')
      .and.include('更早的留言，请输入完整编号')
    expect(await page.getByText('没有找到相关留言').count()).to.equal(0)
    await screenshot(page, 'inbox-short-number')

    // One digit is a number too: not refused as "too short".
    await box.fill('2')
    await box.press('Enter')
    await page.getByText('查找：“2”').waitFor()
    await page.waitForFunction(() => document.querySelectorAll('tbody tr:not(.t-table__empty-row)').length === 1)
    expect(await page.locator('tbody').innerText()).to.include(hers)

    await box.fill('0003')
    await box.press('Enter')
    await page.getByText('最近 90 天没有编号为 0003 的留言').waitFor()
    expect(await note.innerText()).to.include('只查找了最近 90 天')
    await screenshot(page, 'inbox-short-number-none')
    expect(page.problems).to.deep.equal([])
  })
})
