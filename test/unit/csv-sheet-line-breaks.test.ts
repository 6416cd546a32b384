import { expect } from 'chai'
import { parse } from 'csv-parse/sync'
import { csvSheet, csvSheetStream } from '../../src/services/csv-sheet.js'

/**
 * What a spreadsheet reads back from the file: rows of cells, the byte-order mark dropped. Excel, WPS and Python's
 * csv end a row at any line break outside quotes, so the parser is told the same (left to guess, csv-parse takes
 * the first row's CRLF as the only row end and would read a bare line break as text).
 */
const readBack = (text: string): string[][] => parse(text, { bom: true, relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'] })

async function streamed(rows: string[][]): Promise<string> {
  const [header, ...rest] = rows
  async function* later() {
    yield* rest
  }
  const chunks: Buffer[] = []
  for await (const chunk of await csvSheetStream(header!, later())) chunks.push(Buffer.from(chunk))
  return Buffer.concat(chunks).toString('utf8')
}

describe('an exported sheet keeps a resident’s answer written on two lines in one cell', () => {
  const rows = [
    ['提交时间', '5. 您还有什么建议？', '来源'],
    ['2026-12-06 09:31', '希望食堂周末也开门\n饭菜软一点，老人咬不动', '扫码'],
    ['2026-12-06 09:40', '电梯常坏\r请早点修', '联络站'],
    ['2026-12-06 09:52', '没有换行', '扫码'],
  ]

  it('in a sheet written at once, as the survey and consultation exports are', async () => {
    const back = readBack(await csvSheet(rows))
    expect(back).to.have.length(4)
    for (const row of back) expect(row).to.have.length(3)
    expect(back[1]![1]).to.equal('希望食堂周末也开门\n饭菜软一点，老人咬不动')
    expect(back[2]![1]).to.equal('电梯常坏\r请早点修')
    expect(back[3]).to.deep.equal(['2026-12-06 09:52', '没有换行', '扫码'])
  })

  it('in a sheet written as its rows arrive, as the message list export is', async () => {
    const back = readBack(await streamed(rows))
    expect(back).to.have.length(4)
    for (const row of back) expect(row).to.have.length(3)
    expect(back[1]![1]).to.equal('希望食堂周末也开门\n饭菜软一点，老人咬不动')
    expect(back[2]![1]).to.equal('电梯常坏\r请早点修')
  })
})
