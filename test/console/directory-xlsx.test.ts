import { readFileSync } from 'node:fs'
import { inflateRawSync } from 'node:zlib'
import { expect } from 'chai'
import readExcelFile from 'read-excel-file/node'
import writeExcelFile, { type SheetData } from 'write-excel-file/node'
import { logInAs, newPage, screenshot, useConsole, type ConsolePage } from './harness.js'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const HEADINGS = ['代表代码', '姓名', '层级', '所属联络站', '关注领域', '电话', '值班日期']
/** A cell Excel took for a date when the clerk typed 2026/12/9: a day number shown in a date format. */
const excelDate = (y: number, m: number, d: number) => ({ value: new Date(Date.UTC(y, m - 1, d)), type: Date, format: 'yyyy/m/d' })

/** A workbook as Excel saves it, one worksheet per entry (a blank Sheet2 as Excel adds it too). */
const workbook = (sheets: Array<{ sheet: string; data: SheetData }>) => writeExcelFile(sheets).toBuffer()

/** The parts of an .xlsx (a zip) as text, to see what Excel will make of its cells. */
function xlsxParts(zip: Buffer): Map<string, string> {
  const parts = new Map<string, string>()
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  let at = zip.readUInt32LE(end + 16)
  for (let i = zip.readUInt16LE(end + 10); i > 0; i--) {
    const [method, size, nameLength] = [zip.readUInt16LE(at + 10), zip.readUInt32LE(at + 20), zip.readUInt16LE(at + 28)]
    const local = zip.readUInt32LE(at + 42)
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    const data = zip.subarray(dataAt, dataAt + size)
    parts.set(zip.subarray(at + 46, at + 46 + nameLength).toString('utf8'), (method === 8 ? inflateRawSync(data) : data).toString('utf8'))
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  return parts
}

/** The number format Excel shows for a cell ("@" is 文本, Text), from the sheet's style index and the style sheet. */
function cellFormat(parts: Map<string, string>, ref: string): string {
  const style = Number(new RegExp(`<c r="${ref}"(?: [^>]*)? s="(\\d+)"`).exec(parts.get('xl/worksheets/sheet1.xml')!)?.[1] ?? 0)
  const styles = parts.get('xl/styles.xml')!
  const xf = [...(/<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)?.[1] ?? '').matchAll(/<xf\b[^>]*>/g)][style]?.[0] ?? ''
  const id = /numFmtId="(\d+)"/.exec(xf)?.[1] ?? '0'
  return id === '49' ? '@' : (new RegExp(`<numFmt numFmtId="${id}" formatCode="([^"]*)"`).exec(styles)?.[1] ?? 'General')
}

async function upload(page: ConsolePage, name: string, buffer: Buffer, mimeType = XLSX) {
  await page.getByLabel('名册文件').setInputFiles({ name, mimeType, buffer })
  await page.getByRole('button', { name: '开始导入' }).click()
}

describe('console: a clerk imports the roster straight from an Excel workbook (.xlsx)', function () {
  this.timeout(180_000)
  const story = useConsole()
  const admin = () => story.app.login((l) => l.role === 'admin')

  it('reads each worksheet, keeps phone numbers and duty dates Excel stored as numbers and dates, and names a mistake by worksheet and row', async () => {
    const { stations } = await story.app.liaison.store.directory.snapshot()
    const station = stations[0]
    const page = await newPage(story.browser, story.app)
    await logInAs(page, admin())
    await page.goto('/console/directory/import')
    await page.locator('[data-test=import-steps]').getByText('保存成 Excel 表格（.xlsx）或 CSV 文件都可以').waitFor()

    // The phone typed as a number (Excel stores 13900009101, not text), one duty day Excel took for a date,
    // two days typed as text; and the empty Sheet2 Excel adds, which is not a roster.
    const filled = await workbook([
      {
        sheet: '代表名册',
        data: [
          HEADINGS,
          ['DP9101', '韩梅', '市人大代表', station.name, null, 13900009101, excelDate(2026, 12, 9)],
          ['DP9102', '李雷', '乡镇', station.code, '环境保护', null, '2026-12-10、2026-12-17'],
        ],
      },
      { sheet: 'Sheet2', data: [[null]] },
    ])
    await upload(page, '代表名册.xlsx', filled)
    await page.locator('[data-test=import-report]').getByText('导入完成：新增代表 2 位；其他没有改动。', { exact: true }).waitFor()
    await screenshot(page, 'console-directory-xlsx-imported')
    const han = await story.app.liaison.store.deputies.get('dp9101')
    expect(han).to.deep.include({ name: '韩梅', level: 'city', stationIds: [station.id], dutyByStation: { [station.id]: ['2026-12-09'] } })
    const li = await story.app.liaison.store.deputies.get('dp9102')
    expect(li?.dutyByStation).to.deep.equal({ [station.id]: ['2026-12-10', '2026-12-17'] })
    // Every digit of the phone came through (the console shows it masked: first three, last four).
    const shown = await page.request.get('/api/admin/deputies/dp9101')
    expect(((await shown.json()) as { phoneMasked: string }).phoneMasked).to.match(/^139\D+9101$/)

    // Two roster worksheets in one workbook, two mistakes: nothing imported, the place names the worksheet's tab.
    // A 16-digit number has lost its last digit in Excel already (it keeps 15): told as Excel's own 1.2E+15 is.
    const mistaken = await workbook([
      {
        sheet: '代表名册',
        data: [
          HEADINGS,
          ['DP9103', '王磊', '市人大代表', station.name, null, null, null],
          ['DP9105', '周洁', '市人大代表', station.name, null, 1234567890123456, null],
        ],
      },
      { sheet: '补充', data: [HEADINGS, [null], ['DP9104', '赵雪', '市人大代表', '东风路联络站', null, null, null]] },
    ])
    await upload(page, '名册.xlsx', mistaken)
    await page.locator('[data-test=import-problems-title]').getByText('文件有 2 处问题，未导入任何数据').waitFor()
    const rows = (await page.locator('[data-test=import-problems] tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim())
    expect(rows).to.deep.equal([
      '1 名册.xlsx（代表名册） 第 3 行「电话」 “1.234567890123456E+15”是 Excel 把一长串数字改成的科学计数法，原来的数字已经丢失。请把这一列设为“文本”格式，重新填写后再保存',
      '2 名册.xlsx（补充） 第 3 行「所属联络站」 没有叫“东风路联络站”的联络站',
    ])
    await screenshot(page, 'console-directory-xlsx-mistake')
    expect(await story.app.liaison.store.deputies.get('dp9103'), 'all or nothing').to.equal(null)
    expect(page.problems).to.deep.equal([])
  })

  it('downloads an Excel template whose columns are text (dates stay as typed), the import reads it back, and a 说明 page beside the roster is left out and said so', async () => {
    const { stations } = await story.app.liaison.store.directory.snapshot()
    const station = stations[0]
    const page = await newPage(story.browser, story.app, { acceptDownloads: true })
    await logInAs(page, admin())
    await page.goto('/console/directory/import')
    await page.locator('[data-test=templates] .t-tabs__nav-item', { hasText: '代表名册' }).click()
    await page.getByRole('button', { name: '下载代表名册模板（CSV 文件）' }).waitFor()
    await screenshot(page, 'console-directory-xlsx-templates')

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载代表名册模板（Excel 表格）' }).click()])
    expect(download.suggestedFilename()).to.equal('代表名册模板.xlsx')
    const template = readFileSync((await download.path())!)
    const [read] = await readExcelFile(template)
    expect(read.sheet).to.equal('代表名册')
    expect(read.data[0]).to.deep.equal(HEADINGS)
    expect(read.data[1]).to.deep.equal([
      'SL0001',
      '张伟（示例）',
      '市人大代表',
      '东风路联络站（示例）',
      '环境保护、交通出行',
      '13800000001',
      '2026-12-01、2026-12-15',
    ])
    // 值班日期 and 电话 are text where the clerk types, so Excel keeps 2026/12/9 and 13900009101 as typed.
    const parts = xlsxParts(template)
    for (const ref of ['G2', 'G3', 'G1002', 'F3', 'A3']) expect(cellFormat(parts, ref), ref).to.equal('@')
    expect(cellFormat(parts, 'A1'), 'the headings are plain').to.not.equal('@')

    // Sent back as downloaded: every column is read, the example row is known for what it is.
    await upload(page, '代表名册模板.xlsx', template)
    await page.locator('[data-test=import-problems-title]').getByText('文件有 1 处问题，未导入任何数据').waitFor()
    const rows = (await page.locator('[data-test=import-problems] tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim())
    expect(rows).to.deep.equal(['1 代表名册模板.xlsx 第 2 行 第 2 行是模板里的示例，请删去这一行，或改成自己的内容'])

    // The office keeps its instructions on a 说明 page of the same workbook.
    const withGuide = await workbook([
      { sheet: '代表名册', data: [HEADINGS, ['DP9201', '韩梅', '市人大代表', station.name, null, null, '2026-12-09']] },
      { sheet: '说明', data: [['填写说明'], ['1. 第一行的列名不要改'], ['2. 值班日期写成 2026-12-01 这样']] },
    ])
    await upload(page, '名册.xlsx', withGuide)
    const report = page.locator('[data-test=import-report]')
    await report.getByText('导入完成：新增代表 1 位；其他没有改动。', { exact: true }).waitFor()
    // The page left out is told on a line of its own, first, not inside the sentence about deputies kept.
    await report.getByText('“说明”页不是名单，已跳过').waitFor()
    expect(await page.locator('[data-test=import-warnings] li').first().innerText()).to.equal('“说明”页不是名单，已跳过')
    await screenshot(page, 'console-directory-xlsx-guide-skipped')
    expect((await story.app.liaison.store.deputies.get('dp9201'))?.dutyByStation).to.deep.equal({ [station.id]: ['2026-12-09'] })
    expect(page.problems).to.deep.equal([])
  })

  it("reads a city's roster of thousands of rows (the reader unpacks large parts in a worker the page's security policy lets it start)", async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, admin())
    await page.goto('/console/directory/import')
    // 4,000 deputies, each of a station that does not exist: the whole sheet is read, and refused row by row.
    const big = await workbook([
      {
        sheet: '代表名册',
        data: [
          HEADINGS,
          ...Array.from({ length: 4000 }, (_, i) => [
            `DP${20000 + i}`,
            `代表${i}`,
            '市人大代表',
            '没有这个站',
            '环境保护、交通出行',
            13900000000 + i,
            '2026-12-01、2026-12-15',
          ]),
        ],
      },
    ])
    await upload(page, '全市代表名册.xlsx', big)
    await page.locator('[data-test=import-problems-title]').getByText('文件共有 4000 处问题，未导入任何数据。下面列出前 200 处').waitFor()
    expect(page.problems).to.deep.equal([])
  })

  it('refuses an old .xls or a WPS .et file with words saying how to save it as .xlsx', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, admin())
    await page.goto('/console/directory/import')
    await upload(page, '代表名册.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'application/vnd.ms-excel')
    const error = page.locator('[data-test=import-error]')
    await error.getByText('“代表名册.xls”是旧版 Excel（.xls）格式，这里读不了。请在 Excel 里点“另存为”，文件类型选“Excel 工作簿（*.xlsx）”').waitFor()
    await screenshot(page, 'console-directory-xlsx-old-excel')
    await upload(page, '代表名册.et', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), 'application/octet-stream')
    await error.getByText('“代表名册.et”是 WPS 表格自己的格式，这里读不了。请在 WPS 里点“另存为”，文件类型选“Excel 文件（*.xlsx）”').waitFor()
    // An old workbook only renamed to .xlsx is told the same way, not as a broken file.
    await upload(page, '代表名册.xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]))
    await error.getByText('“代表名册.xlsx”是旧版 Excel（.xls）格式').waitFor()
    expect(page.problems).to.deep.equal([])
  })
})
