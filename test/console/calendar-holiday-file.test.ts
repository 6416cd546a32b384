import { expect } from 'chai'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * The administrator imports a year of holidays on 工作日历: the page's own file button says 选择文件 and, beside it,
 * 还没有选文件 (never the browser's English "Choose File" / "No file chosen"); once she chooses a file its name is said
 * there, and a file that is not a holiday file is refused in plain words, saying which file to choose.
 */
describe('console: 工作日历 chooses the holiday file in Chinese words', function () {
  this.timeout(180_000)
  const story = useConsole()

  it('says 选择文件 and 还没有选文件, then the chosen file’s name, and refuses a file that is not one in words', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.role === 'admin'),
      '/calendar',
    )
    await page.getByRole('heading', { name: '导入一年的安排' }).waitFor()
    // What to import and where to get it, in words he knows: no file format's name.
    expect(await page.getByTestId('calendar-how').innerText()).to.equal(
      '每年国务院公布放假安排后，请在下面导入当年的放假安排文件（文件名如 2027.json，可向技术支持索取）。',
    )
    const importing = page.locator('.t-space').filter({ has: page.getByRole('button', { name: '导入', exact: true }) })
    await importing.getByRole('button', { name: '选择文件' }).waitFor()
    expect(await importing.innerText()).to.match(/^选择文件\s*还没有选文件\s*导入$/)
    expect(await page.getByRole('button', { name: '导入', exact: true }).isDisabled(), '导入 waits for a file').to.equal(true)

    await page.getByLabel('放假安排文件').setInputFiles({ name: '2027年放假安排.txt', mimeType: 'text/plain', buffer: Buffer.from('2027年元旦放假1天') })
    await importing.getByText('2027年放假安排.txt', { exact: true }).waitFor()
    expect(await importing.innerText()).not.to.include('还没有选文件')
    await page.getByRole('button', { name: '导入', exact: true }).click()
    // Refused with the next step: which file to choose instead.
    await page.getByText('这个文件里读不出放假安排。请选技术支持给的放假安排文件（如 2027.json）。', { exact: true }).waitFor()
    await screenshot(page, 'calendar-holiday-file-refused')
    expect(page.problems).to.deep.equal([])
  })
})
