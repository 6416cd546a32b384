import { readFileSync } from 'node:fs'
import { expect } from 'chai'
import { staffSheet } from '../helpers/sheets.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * The office imports its staff sheet with the 激活码 cells left blank: the system makes the codes, and the page
 * offers them once, right under the report, as a file to hand out — the only place they are ever shown.
 */
describe('console: codes the system made for blank cells are downloaded right after the import', function () {
  this.timeout(120_000)
  const story = useConsole()
  const admin = () => story.app.login((l) => l.role === 'admin')

  it('shows 系统生成的激活码 with 下载激活码, and the file names each new clerk with a code', async () => {
    const { stations } = await story.app.liaison.store.directory.snapshot()
    const station = stations[0]
    const page = await newPage(story.browser, story.app, { acceptDownloads: true })
    await logInAs(page, admin())
    await page.goto('/console/directory/import')

    const sheet = staffSheet(`linxia,林霞,联络站工作人员,${station.name},,,`, `heping,何平,联络站工作人员,${station.name},,,`)
    await page.getByLabel('名册文件').setInputFiles({ name: sheet.name, mimeType: 'text/csv', buffer: Buffer.from(sheet.csv) })
    await page.getByRole('button', { name: '开始导入' }).click()
    await page.locator('[data-test=import-report]').getByText('导入完成', { exact: false }).waitFor()

    const codes = page.locator('[data-test=generated-codes]')
    await codes.getByText('有 2 个新账号的激活码是系统生成的', { exact: false }).waitFor()
    await screenshot(page, 'console-generated-activation-codes')
    const [download] = await Promise.all([page.waitForEvent('download'), codes.getByRole('button', { name: '下载激活码' }).click()])
    expect(download.suggestedFilename()).to.equal('新账号激活码.csv')
    const lines = readFileSync((await download.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).to.equal('姓名,账号,激活码')
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(' '))).to.deep.equal(['林霞 linxia', '何平 heping'])
    for (const l of lines.slice(1)) expect(l.split(',')[2]).to.match(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    await codes.getByText('已下载“新账号激活码.csv”，请妥善保管').waitFor()
  })
})
