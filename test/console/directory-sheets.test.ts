import { readFileSync } from 'node:fs'
import { expect } from 'chai'
import { dialogsClosed, dialogShown, logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * Text as a Chinese Windows Excel saves plain "CSV（逗号分隔）": GBK, not UTF-8. Node decodes GBK but
 * does not encode it, so the table is made by decoding every two-byte code once.
 */
function gbk(text: string): Buffer {
  const decoder = new TextDecoder('gbk')
  const table = new Map<string, number[]>()
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) table.set(decoder.decode(Uint8Array.from([lead, trail])), [lead, trail])
  }
  return Buffer.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (table.get(ch) ?? [0x3f]))))
}

describe('console: a clerk imports the roster from an Excel sheet', function () {
  this.timeout(120_000)
  const story = useConsole()
  const admin = () => story.app.login((l) => l.role === 'admin')

  it('downloads the template, uploads it filled in, sees what was imported, and sees a mistake by row and column', async () => {
    const { stations } = await story.app.liaison.store.directory.snapshot()
    const station = stations[0]
    const page = await newPage(story.browser, story.app, { acceptDownloads: true })
    await logInAs(page, admin())
    await page.goto('/console/directory/import')

    // The instructions are on the page, in words, not behind a link.
    await page.locator('[data-test=import-steps]').getByText('保存成 Excel 表格（.xlsx）或 CSV 文件都可以').waitFor()
    await page.locator('[data-test=templates] .t-tabs__nav-item', { hasText: '代表名册' }).click()
    const help = page.locator('[data-test=columns-deputies] tbody tr', { hasText: '所属联络站' })
    await help.getByText('必填').waitFor()
    await help.getByText('联络站的名称或代码').waitFor()
    await screenshot(page, 'console-directory-sheets-help')

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载代表名册模板（CSV 文件）' }).click()])
    expect(download.suggestedFilename()).to.equal('代表名册模板.csv')
    const template = readFileSync((await download.path())!)
    expect([...template.subarray(0, 3)], 'a byte-order mark, so that Excel reads the Chinese as Chinese').to.deep.equal([0xef, 0xbb, 0xbf])
    const [headings] = template.toString('utf8').slice(1).split('\r\n')
    expect(headings).to.equal('代表代码,姓名,层级,所属联络站,关注领域,电话,值班日期')

    // Filled in Excel and saved as plain "CSV": GBK, CRLF, and the clerk's own station name.
    const filled = [headings, `DP9001,韩梅,市人大代表,${station.name},,13900009001,2026/12/9`, `DP9002,李雷,乡镇,${station.code},,,`].join('\r\n') + '\r\n'
    await page.getByLabel('名册文件').setInputFiles({ name: '代表名册.csv', mimeType: 'text/csv', buffer: gbk(filled) })
    await page.getByRole('button', { name: '开始导入' }).click()
    const report = page.locator('[data-test=import-report]')
    // Only what changed is named; every figure is one click away, for whoever checks the import against the sheets.
    await report.getByText('导入完成：新增代表 2 位；其他没有改动。', { exact: true }).waitFor()
    expect(await report.locator('[data-test=import-figures]').getByText('新增：地区 0、联络站 0、承办单位 0、代表 2、工作人员 0').isVisible()).to.equal(false)
    await report.getByText('查看明细').click()
    await report.locator('[data-test=import-figures]').getByText('新增：地区 0、联络站 0、承办单位 0、代表 2、工作人员 0').waitFor()
    // The picker speaks of the Excel and CSV files the office has; JSON from other systems is told in the admins' help.
    expect(await page.locator('.t-card').innerText()).not.to.include('JSON')
    // The roster's other deputies are kept, and the page asks her to check them, apart from the success box: what to
    // do said once above a few names, the rest counted, and a sheet of new deputies needing nothing of her.
    const others = (await story.app.liaison.store.directory.snapshot()).deputies.filter((d) => d.active && !['dp9001', 'dp9002'].includes(d.id))
    expect(others.length, 'the demo city has many deputies in office').to.be.greaterThan(10)
    const leftOut = page.locator('[data-test=import-deputies-left-out]')
    await leftOut.getByText(`不在这次代表名册里的在任代表（${others.length} 位）`).waitFor()
    const said = await leftOut.innerText()
    expect(said.split('只导入了一部分代表（比如几位新代表）时，不在名册里的都会列在这里，不用处理').length - 1, 'said once').to.equal(1)
    expect(said, 'not repeated on every line').not.to.include('仍是在任代表，没有改动。')
    const lines = leftOut.locator('li')
    expect(await lines.count(), 'a few names, not all of them').to.equal(5)
    const first = others[0]
    // Who he is, what sets him apart (messages still his) and the button: nothing more on a line.
    expect(await lines.first().innerText()).to.match(new RegExp(`^${first.name}（${first.code}）(\\s*手上还有 \\d+ 条未办结留言)?\\s*设为离任$`))
    await leftOut
      .locator('[data-test=left-out-more]')
      .getByText(`另有 ${others.length - 5} 位没有列出。`)
      .waitFor()
    await screenshot(page, 'console-directory-sheets-imported')

    // A click on 设为离任 asks first, naming him and what follows; 取消 leaves him in office.
    await lines.first().getByRole('button', { name: '设为离任' }).click()
    const ask = page.locator('.t-dialog', { hasText: `设为离任：${first.name}` })
    await ask.getByText(`${first.name}代表（${first.code}）设为离任后，不再接收新留言`).waitFor()
    await ask.getByText(`如果${first.name}仍在任，只是这次名册里没有，请点“取消”。`).waitFor()
    await dialogShown(page)
    await screenshot(page, 'console-directory-sheets-leave-office-asked', { window: true })
    await ask.getByRole('button', { name: '取消' }).click()
    await dialogsClosed(page)
    expect((await story.app.liaison.store.deputies.get(first.id))!.active, 'still in office').to.equal(true)
    expect(await lines.first().getByRole('button', { name: '设为离任' }).isVisible(), 'nothing done: the button is still there').to.equal(true)

    // 全部列出: every one of them, each once.
    await leftOut.getByRole('button', { name: '全部列出' }).click()
    await leftOut.locator('[data-test=left-out-more]').waitFor({ state: 'detached' })
    expect(await lines.count()).to.equal(Math.min(others.length, 100))
    const han = await story.app.liaison.store.deputies.get('dp9001')
    expect(han).to.deep.include({ name: '韩梅', level: 'city', stationIds: [station.id] })

    // One mistake: nothing is imported, and the row is named as Excel shows it.
    const mistaken = [headings, `DP9003,王磊,市人大代表,${station.name},,,`, ',,,,,,', 'DP9004,赵雪,市人大代表,东风路联络站,,,'].join('\r\n')
    await page.getByLabel('名册文件').setInputFiles({ name: '代表名册.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + mistaken) })
    await page.getByRole('button', { name: '开始导入' }).click()
    await page.locator('[data-test=import-problems-title]').getByText('文件有 1 处问题，未导入任何数据').waitFor()
    const rows = (await page.locator('[data-test=import-problems] tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim())
    expect(rows).to.deep.equal(['1 代表名册.csv 第 4 行「所属联络站」 没有叫“东风路联络站”的联络站'])
    await screenshot(page, 'console-directory-sheets-mistake')
    expect(await story.app.liaison.store.deputies.get('dp9003'), 'all or nothing').to.equal(null)

    // A sheet full of mistakes: the first 200 are listed, the rest in a line for their column, and the title says how many there are in all.
    const manyMistakes = [headings, ...Array.from({ length: 300 }, (_, i) => `DP${7000 + i},代表${i},市人大代表,没有这个站,,,`)].join('\r\n')
    await page.getByLabel('名册文件').setInputFiles({ name: '代表名册.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + manyMistakes) })
    await page.getByRole('button', { name: '开始导入' }).click()
    await page
      .locator('[data-test=import-problems-title]')
      .getByText('文件共有 300 处问题，未导入任何数据。下面列出前 200 处，请改正后重新选择文件。')
      .waitFor()
    const listed = page.locator('[data-test=import-problems] tbody tr')
    expect(await listed.count()).to.equal(201)
    expect((await listed.nth(199).innerText()).replace(/\s+/g, ' ').trim()).to.equal('200 代表名册.csv 第 201 行「所属联络站」 没有叫“没有这个站”的联络站')
    expect((await listed.nth(200).innerText()).replace(/\s+/g, ' ').trim()).to.equal(
      '其余 代表名册.csv「所属联络站」 第 202 行到第 301 行，这一列还有 100 处问题没有一一列出，请检查这些行的这一列，一并改正',
    )
    await screenshot(page, 'console-directory-sheets-many-mistakes')

    // A workbook that is not one (a broken or mis-named file): the page says so, and how to save it again.
    await page.getByLabel('名册文件').setInputFiles({ name: '代表名册.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK') })
    await page.getByRole('button', { name: '开始导入' }).click()
    await page.locator('[data-test=import-error]').getByText('“代表名册.xlsx”读不出来，文件可能已损坏').waitFor()
    expect(page.problems).to.deep.equal([])
  })
})
