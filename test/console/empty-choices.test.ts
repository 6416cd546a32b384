import { expect } from 'chai'
import { dropdownSays, logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * A choice list that finds nothing says so in the console's words, never TDesign's 暂无数据
 * ("no data"): a search with no match says 没有找到，换个字试试; a list empty because nothing
 * exists yet says what is missing and where to add it.
 */
describe('console: a choice list with nothing in it says why', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()
  const admin = () => story.app.login((l) => l.role === 'admin')

  it('a search in a select or a place picker with no match says 没有找到，换个字试试', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, admin(), '/audit')
    await page.getByRole('heading', { name: '操作记录' }).waitFor()
    await page.getByPlaceholder('全部人员').click()
    await page.keyboard.type('查无此人')
    const said = await dropdownSays(page, '没有找到，换个字试试')
    await screenshot(page, 'choices-select-nothing-found')
    expect(said).to.equal('没有找到，换个字试试')
    // In the grey of the page's other notes, not TDesign's faint disabled grey: readable by older eyes.
    const colours = await page.evaluate(() => {
      const probe = document.body.appendChild(Object.assign(document.createElement('span'), { style: 'color: var(--td-text-color-secondary)' }))
      const notes = getComputedStyle(probe).color
      probe.remove()
      return { words: getComputedStyle(document.querySelector('.t-select__empty')!).color, notes }
    })
    expect(colours.words).to.equal(colours.notes)
    await page.keyboard.press('Escape')

    await page.goto('/console/cases')
    await page.getByRole('heading', { name: '留言办理' }).waitFor()
    await page.getByPlaceholder('全部地点').click()
    // As she would: the places are on screen before she types. Typed while the tree was still arriving
    // on a busy CI machine, the filter was drawn over by the full list.
    await page.locator('.t-popup').filter({ visible: true }).last().getByText('澜江区').waitFor()
    await page.keyboard.type('查无此地')
    const place = await dropdownSays(page, '没有找到，换个字试试')
    await screenshot(page, 'choices-tree-select-nothing-found')
    expect(place).to.equal('没有找到，换个字试试')
    expect(page.problems).to.deep.equal([])
  })

  it('账号与角色 with no unit yet says where to add one; a station search with no match says to try other words', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, admin())
    // No handling unit has been added yet.
    await page.route(/\/api\/admin\/units(\?|$)/, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ items: [] }) }))
    await page.goto('/console/staff')
    await page.locator('[data-test=staff]').getByRole('button', { name: '修改' }).first().waitFor()
    // A unit's staff, whose unit is not in the list read, are not shown its code (u01) for 负责范围.
    const unitStaff = page.locator('[data-test=staff] tbody tr', { hasText: '承办单位工作人员' })
    await unitStaff.first().getByText('（没读到这个承办单位）').waitFor()
    expect(await unitStaff.allInnerTexts(), 'no raw unit code').to.satisfy((rows: string[]) => rows.length > 0 && rows.every((r) => !/\bu\d+\b/.test(r)))
    await page.getByRole('button', { name: '新建账号' }).click()
    const dialog = page.locator('.t-dialog')
    await dialog.getByText('承办单位工作人员').click()
    await dialog.getByLabel('所在承办单位').click()
    const units = await dropdownSays(page, '还没有承办单位。请先在“承办单位”里添加。')
    await screenshot(page, 'choices-no-units-yet')
    expect(units).to.equal('还没有承办单位。请先在“承办单位”里添加。')
    await dialog.getByText('新建账号', { exact: true }).click()

    await dialog.getByText('联络站工作人员').click()
    await dialog.getByLabel('所在联络站').click()
    await page.keyboard.type('查无此站')
    expect(await dropdownSays(page, '没有找到，换个字试试')).to.equal('没有找到，换个字试试')
    expect(page.problems).to.deep.equal([])
  })

  it('名册 with no region imported yet says how to import them, not 暂无数据', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, admin())
    await page.route(/\/api\/mp\/regions/, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ items: [] }) }))
    await page.goto('/console/directory')
    await page.getByRole('heading', { name: '名册' }).waitFor()
    await page.locator('.t-tabs__nav-item', { hasText: '地区' }).click()
    const tree = page.locator('[data-test=region-tree]')
    await tree.getByText('还没有地区。可以点上方的“导入名册”导入。').waitFor()
    await screenshot(page, 'choices-no-regions-yet')
    expect(await tree.innerText()).not.to.include('暂无数据')
    expect(page.problems).to.deep.equal([])
  })
})
