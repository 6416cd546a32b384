import { expect } from 'chai'
import { localDate, monthDayText } from '../../src/domain/dates.js'
import { addDays } from '../../src/domain/local-days.js'
import { logInAs, newPage, screenshot, typeDateTime, useConsole } from './harness.js'

/**
 * 张国华, a station's clerk, hears that one of her deputies is in hospital this week. On 代表与值班 she
 * sets 暂停接收留言 from today to Friday with 请假, reads it beside his name, and ends it when he is back early.
 */
describe('console: a clerk marks a deputy away (暂停接收留言)', function () {
  this.timeout(120_000)
  const story = useConsole()

  it('sets the dates and the reason, shows them beside his name, and ends it early', async () => {
    const [deputy] = await story.app.liaison.store.deputies.listByStation('st001')
    const today = localDate(story.app.clock.now(), 'Asia/Shanghai')
    const until = addDays(today, 3)
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.username === 'zhangguohua'),
    )
    await page.locator('.t-menu').getByText('代表与值班').click()
    const row = page.locator('tbody tr').filter({ hasText: deputy.name }).first()
    await row.getByRole('button', { name: '暂停接收留言' }).click()

    const dialog = page.locator('[data-test="away-dialog"]').filter({ visible: true }).locator('.t-dialog')
    await dialog.getByText(`这几天里群众的新留言不再交给${deputy.name}代表`).waitFor()
    await typeDateTime(dialog.getByRole('textbox', { name: '结束日期', exact: true }), until)
    await dialog.getByText('请假', { exact: true }).click()
    await dialog.getByPlaceholder('可不填，只有工作人员能看到').fill('住院')
    await dialog.getByRole('button', { name: '保存' }).click()

    // The kind first, and the whole line within the 150-pixel name column, its end date too (it wraps rather than run
    // past the cell and be cut at "请假 12月7日至").
    const said = `请假 ${monthDayText(today)}至${monthDayText(until)}（住院）`
    await row.getByText(said).waitFor()
    const tag = row.locator('[data-test=away-text]')
    const [tagBox, cellBox] = await Promise.all([tag.boundingBox(), row.locator('td').first().boundingBox()])
    expect(tagBox!.x + tagBox!.width, 'the tag ends inside its column').to.be.at.most(cellBox!.x + cellBox!.width)
    expect(await tag.evaluate((el) => el.scrollWidth <= el.clientWidth), 'nothing of it overflows').to.equal(true)
    // Each date whole on one line, in this column and in any narrower or wider one the tag may be given: where the line
    // wraps it wraps between its parts, never inside a date ("…12月" above "10日（住院）").
    const dates = tag.locator('[data-test=away-date]')
    expect(await dates.allInnerTexts(), 'its two dates').to.deep.equal([monthDayText(today), monthDayText(until)])
    const split = await tag.evaluate((el) => {
      const wide = (el as HTMLElement).style.maxWidth
      const broken: string[] = []
      for (let width = 60; width <= 220; width += 2) {
        ;(el as HTMLElement).style.maxWidth = `${width}px`
        for (const d of el.querySelectorAll('[data-test=away-date]')) {
          if (d.getClientRects().length !== 1) broken.push(`${width}px: ${d.textContent}`)
        }
      }
      ;(el as HTMLElement).style.maxWidth = wide
      return broken
    })
    expect(split, 'no date is broken across two lines').to.deep.equal([])
    await screenshot(page, 'deputy-away')
    // Kept: read again from the server, not only the answer on screen.
    await page.reload()
    await page.locator('tbody tr').filter({ hasText: deputy.name }).first().getByText(said).waitFor()

    await page.locator('tbody tr').filter({ hasText: deputy.name }).first().getByRole('button', { name: '提前结束' }).click()
    const end = page.locator('[data-test="away-end-dialog"]').filter({ visible: true }).locator('.t-dialog')
    await end.getByText(`结束后，${deputy.name}代表从今天起重新接收群众的新留言。`).waitFor()
    await end.getByRole('button', { name: '结束暂停' }).click()
    const again = page.locator('tbody tr').filter({ hasText: deputy.name }).first()
    await again.getByRole('button', { name: '暂停接收留言' }).waitFor()
    expect(await again.innerText()).not.to.include('请假 ')
    expect(page.problems).to.deep.equal([])
  })
})
