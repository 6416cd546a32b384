import { expect } from 'chai'
import { asResident } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * 张国华 staffs 建设路街道代表联络站. A resident calls about "the parking message I sent":
 * she types a few of its words into the inbox's search box, then the ticket the resident
 * reads out, and is told plainly when nothing matches.
 */
describe('console: station staff search the inbox by words and by ticket', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  it('finds messages by a few of their words, one message by its ticket, and says so when none match', async () => {
    const resident = await asResident(story.app)
    const write = async (text: string) => (await resident.post('/api/mp/cases', { text, regionId: 'c010101' })).body.ticket as string
    await write('光明社区里停车位太少，晚上回来没地方停车')
    const ticket = await write('3号楼门口的停车位被人用地锁占了')
    await write('楼道里堆满杂物，消防通道堵了')

    const staff = story.app.login((l) => l.role === 'station_staff' && l.username === 'zhangguohua')
    const page = await newPage(story.browser, story.app)
    await logInAs(page, staff)
    await page.getByRole('heading', { name: '留言办理' }).waitFor()
    await page.waitForFunction(() => document.querySelectorAll('tbody tr:not(.t-table__empty-row)').length === 3)

    const box = page.getByPlaceholder('输入留言内容或编号查找')
    await box.fill('停车位')
    await box.press('Enter')
    await page.waitForURL(/q=/)
    await page.getByText('查找：“停车位”').waitFor()
    await page.waitForFunction(() => document.querySelectorAll('tbody tr:not(.t-table__empty-row)').length === 2)
    const found = await page.locator('tbody').innerText()
    expect(found).to.include('停车位太少').and.include('地锁').and.not.include('消防通道')
    await screenshot(page, 'inbox-search-words')

    await box.fill(ticket)
    await page.getByRole('button', { name: '查找', exact: true }).click()
    await page.getByText(`查找：“${ticket}”`).waitFor()
    await page.waitForFunction(() => document.querySelectorAll('tbody tr:not(.t-table__empty-row)').length === 1)
    expect(await page.locator('tbody').innerText()).to.include(ticket)

    await box.fill('没有人写过这样的话')
    await box.press('Enter')
    await page.getByText('没有找到相关留言').waitFor()
    await screenshot(page, 'inbox-search-none')

    // Clearing the box shows the whole list again.
    await page.getByText('清空全部筛选').click()
    await page.waitForFunction(() => document.querySelectorAll('tbody tr:not(.t-table__empty-row)').length === 3)
    expect(await box.inputValue()).to.equal('')
    expect(page.problems).to.deep.equal([])
  })
})
