import { expect } from 'chai'
import { Client } from '../helpers/app.js'
import { dialogShown, dialogsClosed, logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * 张国华 keeps 建设路街道代表联络站 (st001, receives people on Wednesdays) in the demo city. Residents came at three in
 * the afternoon and found nobody: she adds the hours, 8:30 to 11:30. A range typed the wrong way round is said at its
 * box and saves nothing; the dialog reads out what residents will see; the station's line and its printed poster then
 * say it in the server's words, as the mini-program and the chat bot do: 每星期三 8:30–11:30接待.
 */
describe('console: a station clerk sets the hours of her reception days, and the poster says them', function () {
  this.timeout(180_000)
  const story = useConsole()

  it('refuses a backwards range at its box, then saves the hours and prints them on the poster', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.username === 'zhangguohua'),
    )
    const publicPage = async () => (await new Client(story.app.baseUrl).get('/api/mp/stations/ST001')).body
    expect((await publicPage()).receptionText).to.equal('每星期三接待')

    await page.locator('.t-menu').getByText('代表与值班').click()
    await page
      .locator('[data-test=station-line]')
      .getByText(/ · 每星期三接待$/)
      .waitFor()
    await page.getByRole('button', { name: '修改接待日和地址' }).click()
    const edit = page.locator('.t-dialog').filter({ hasText: '修改接待日和地址' })
    await dialogShown(page)
    const preview = edit.locator('[data-test=station-edit-preview]')
    await preview.getByText('每星期三接待', { exact: true }).waitFor()

    await edit.getByRole('textbox', { name: '接待开始时间', exact: true }).fill('11:30')
    await edit.getByRole('textbox', { name: '接待结束时间', exact: true }).fill('8:30')
    await edit.getByRole('button', { name: '保存' }).click()
    await edit.getByText('接待结束时间应晚于开始时间').waitFor()
    expect((await publicPage()).receptionText, 'nothing saved').to.equal('每星期三接待')

    await edit.getByRole('textbox', { name: '接待开始时间', exact: true }).fill('8:30')
    await edit.getByRole('textbox', { name: '接待结束时间', exact: true }).fill('11:30')
    await edit.getByText('接待结束时间应晚于开始时间').waitFor({ state: 'detached' })
    await preview.getByText('每星期三 8:30–11:30接待', { exact: true }).waitFor()
    await screenshot(page, 'station-edit-hours', { window: true })
    await edit.getByRole('button', { name: '保存' }).click()
    await dialogsClosed(page)
    await page
      .locator('[data-test=station-line]')
      .getByText(/ · 每星期三 8:30–11:30接待$/)
      .waitFor()
    expect(await publicPage()).to.deep.include({ receptionHours: { from: '8:30', to: '11:30' }, receptionText: '每星期三 8:30–11:30接待' })

    await page.locator('.t-menu').getByText('二维码海报').click()
    const poster = page.getByRole('region', { name: '联络站海报' })
    await poster.getByText('每星期三 8:30–11:30接待', { exact: true }).waitFor()
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.poster-qr')
      return !!img && img.complete && img.naturalWidth > 0
    })
    await screenshot(page, 'station-poster-hours')
    expect(await poster.innerText()).not.to.include('接待群众')
  })
})
