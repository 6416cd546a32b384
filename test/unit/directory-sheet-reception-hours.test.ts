import { expect } from 'chai'
import { checkDirectoryFile, type ExistingDirectory } from '../../src/domain/directory-import.js'
import { sheetProblemDetails } from '../../src/domain/directory-sheet-problems.js'
import { sheetsToDirectoryFile, type SheetRows } from '../../src/domain/directory-sheets.js'
import { readExcelSheet as sheet } from '../helpers/sheets.js'

const empty: ExistingDirectory = { regions: [], stations: [], units: [], deputies: [], staff: [] }

/** What a clerk would see for these sheets: "place：problem", or the converted file when there is none. */
function judge(sheets: SheetRows[], existing = empty) {
  const conversion = sheetsToDirectoryFile(sheets, existing)
  const check = checkDirectoryFile(conversion.file, existing, ['其他'])
  const problems = sheetProblemDetails(sheets, conversion, check.ok ? [] : check.problems).map((p) => `${p.path}：${p.message}`)
  return { problems, file: check.ok ? check.file : null }
}

const HEADINGS = '联络站代码,联络站名称,类型,地址,接待日,接待时间'

describe('the stations sheet’s 接待时间 column', () => {
  it('reads the hours of the reception days as people write them, and none from a blank cell', async () => {
    const stations = await sheet('联络站名册.csv', [
      HEADINGS,
      'ST001,东风路联络站,社区,东风路12号,周三,8:30-11:30',
      'ST002,光明联络站,社区,,周六,14：00至17：00',
      'ST003,马庄联络站,社区,,周二,',
    ])
    const { problems, file } = judge([stations])
    expect(problems).to.deep.equal([])
    expect(file!.stations.map((s) => [s.code, s.receptionHours ?? null])).to.deep.equal([
      ['ST001', { from: '8:30', to: '11:30' }],
      ['ST002', { from: '14:00', to: '17:00' }],
      ['ST003', null],
    ])
  })

  it('refuses a range that is no range of the day, naming the cell', async () => {
    const stations = await sheet('联络站名册.csv', [HEADINGS, 'ST001,东风路联络站,社区,,周三,11:30-8:30', 'ST002,光明联络站,社区,,周六,上午'])
    const { problems } = judge([stations])
    expect(problems.join('\n')).to.include('“11:30-8:30”的结束时间不晚于开始时间').and.include('“上午”不是一段时间，请写成“8:30-11:30”')
  })
})
