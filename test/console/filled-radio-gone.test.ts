import { expect } from 'chai'
import { logInAs, newPage, useConsole } from './harness.js'

describe('console: leaving a page right after its layout changed', function () {
  this.timeout(120_000)
  const story = useConsole()

  it('leaves no error behind when a filter of buttons (全部 / 问卷调查 / 票决) is gone before it measured itself again', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.role === 'organizer'),
    )
    await page.goto('/console/surveys')
    await page.getByText('问卷调查', { exact: true }).first().waitFor()
    // The filter's size changes twice in a moment (the window resized, a font arriving), then she goes
    // on at once: its second measuring, held back up to 300 ms, comes after the list has gone.
    for (const width of ['600px', '640px']) {
      await page.evaluate((w) => {
        const filter = document.querySelector<HTMLElement>('.t-radio-group--filled')!
        filter.style.width = w
        return new Promise((r) => requestAnimationFrame(() => r(null)))
      }, width)
    }
    await page.getByRole('button', { name: '新建', exact: true }).click()
    await page.getByPlaceholder('如：社区停车管理意见征集').waitFor()
    await page.waitForTimeout(600)
    expect(page.problems).to.deep.equal([])
  })
})
