import { expect } from 'chai'
import writeExcelFile from 'write-excel-file/node'
import { Client } from '../helpers/app.js'
import { logInAs, newPage, useConsole } from './harness.js'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Text as Excel's plain "CSV（逗号分隔）" writes it on a Chinese Windows: GBK, found byte pair by byte pair. */
function gbk(text: string): Buffer {
  const decoder = new TextDecoder('gbk')
  const pairs = new Map<string, number[]>()
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) pairs.set(decoder.decode(new Uint8Array([a, b])), [a, b])
  return Buffer.from([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : pairs.get(c)!)))
}

/** Text in Big5 (as a Taiwan or Hong Kong machine saves it): not UTF-8, yet read as GBK without a byte left over. */
function big5(text: string): Buffer {
  const decoder = new TextDecoder('big5')
  const pairs = new Map<string, number[]>()
  for (let a = 0xa1; a <= 0xf9; a++)
    for (let b = 0x40; b <= 0xfe; b++) if (!pairs.has(decoder.decode(new Uint8Array([a, b])))) pairs.set(decoder.decode(new Uint8Array([a, b])), [a, b])
  return Buffer.from([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : pairs.get(c)!)))
}

/**
 * An organizer who reads no English imports her question sheet as she keeps it: an Excel
 * workbook headed in Chinese, or a CSV saved by Excel in its Chinese (GBK) encoding.
 */
describe('console: a question sheet straight from Excel', function () {
  this.timeout(180_000)
  const story = useConsole()

  it('imports an .xlsx workbook and a GBK CSV headed in Chinese into the question bank', async () => {
    const organizer = story.app.login((l) => l.role === 'organizer')
    const office = await new Client(story.app.baseUrl).login(organizer.username, organizer.password)
    const now = story.app.clock.now().getTime()
    const created = await office.post('/api/admin/quizzes', {
      title: '代表法学习测验',
      drawCount: 2,
      timeLimitSeconds: 600,
      attemptsAllowed: 1,
      closesAt: new Date(now + 7 * 86_400_000).toISOString(),
      audience: 'public',
      draft: true,
    })
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    const page = await newPage(story.browser, story.app)
    await logInAs(page, organizer, `/quizzes/${created.body.id}`)
    const importFile = async (name: string, mimeType: string, buffer: Buffer) => {
      await page.getByRole('button', { name: '从表格导入' }).click()
      await page.getByLabel('题目文件').setInputFiles({ name, mimeType, buffer })
      await page.getByRole('button', { name: '导入', exact: true }).click()
    }

    const workbook = await writeExcelFile([
      {
        sheet: '题目',
        data: [
          ['题型', '题干', '选项', '答案', '解析', '分值', '标签'],
          ['单选', '代表法是哪一年通过的？', '1992|2010|2015', 'A', '1992 年通过', 2, '代表法'],
          ['判断', '人大代表可以提出建议。', null, '对', null, 1, null],
        ],
      },
    ]).toBuffer()
    await importFile('题库.xlsx', XLSX, workbook)
    await page.locator('.t-alert').getByText('已导入 2 道题').waitFor()
    const bank = page.locator('[data-test=question-bank]')
    await bank.getByText('代表法是哪一年通过的？').waitFor()
    await bank.getByText('人大代表可以提出建议。').waitFor()

    await importFile('题库.csv', 'text/csv', gbk('题型,题目,选项,答案,分数\r\n多选,哪些是代表的权利？,提出建议|参加视察|审批预算,AB,5\r\n'))
    await page.locator('.t-alert').getByText('已导入 1 道题').waitFor()
    await bank.getByText('哪些是代表的权利？').waitFor()

    // A file neither UTF-8 nor GBK: refused as she picks it, not imported as gibberish.
    const saveAgain = '请在 Excel 或 WPS 里另存为“CSV UTF-8（逗号分隔）”再选'
    await page.getByRole('button', { name: '从表格导入' }).click()
    const utf8WithABadByte = Buffer.concat([Buffer.from('type,stem,options,answer\nsingle,宪法日是哪天？,12月4日|3月5日,A\n'), Buffer.from([0xff])])
    await page.getByLabel('题目文件').setInputFiles({ name: '坏题库.csv', mimeType: 'text/csv', buffer: utf8WithABadByte })
    await page.getByText(`“坏题库.csv”里有读不出的字。${saveAgain}`).waitFor()
    // One read as GBK whose header the server does not know: its header may be right but read wrongly.
    await page
      .getByLabel('题目文件')
      .setInputFiles({ name: '台湾题库.csv', mimeType: 'text/csv', buffer: big5('題型,題幹,選項,答案\r\n單選,憲法日是哪天？,甲|乙,A\r\n') })
    await page.getByRole('button', { name: '导入', exact: true }).click()
    await page.locator('[data-test=csv-problems]').getByText('第一行表头少了').waitFor()
    await page.getByText(`这个文件可能没有读对。${saveAgain}`).waitFor()
    expect(await bank.getByText('宪法日是哪天？').count(), 'nothing imported').to.equal(0)
    expect(page.problems).to.deep.equal([])
  })
})
