import { expect } from 'chai'
import { parseReceptionHours } from '../../src/domain/reception-days.js'
import { checkDirectoryFile, type ExistingDirectory } from '../../src/domain/directory-import.js'

/**
 * A station's 接待时间 is judged by one rule wherever it is typed: the console's two boxes (and the API), an import
 * file, a sheet's cell. What a clerk typed is kept as people read it ("8:30"); what cannot be kept is said in words.
 */
describe('one rule for a station’s reception hours', () => {
  const hours = (input: Parameters<typeof parseReceptionHours>[0]) => {
    const read = parseReceptionHours(input)
    return read.ok ? read.hours : `${read.field ?? 'cell'}: ${read.problem}`
  }

  it('keeps two times as people read them, 8:30 or 08:30, with spaces or a Chinese colon', () => {
    expect(hours({ from: '8:30', to: '11:30' })).to.deep.equal({ from: '8:30', to: '11:30' })
    expect(hours({ from: '08:30', to: '11:30' })).to.deep.equal({ from: '8:30', to: '11:30' })
    expect(hours({ from: ' 14:00 ', to: '17:00 ' })).to.deep.equal({ from: '14:00', to: '17:00' })
    expect(hours({ from: '8：30', to: '11：30' })).to.deep.equal({ from: '8:30', to: '11:30' })
    expect(hours({ from: '0:00', to: '23:59' })).to.deep.equal({ from: '0:00', to: '23:59' })
  })

  it('reads no hours from nothing, or from two blank boxes', () => {
    expect(hours(null)).to.equal(null)
    expect(hours(undefined)).to.equal(null)
    expect(hours({ from: '', to: ' ' })).to.equal(null)
  })

  it('says at the box which time is no time of the day, or that the end is not after the start', () => {
    expect(hours({ from: '8:30', to: '24:00' })).to.equal('to: 接待结束时间应为 0:00 至 23:59 之间的时间，如 8:30')
    expect(hours({ from: '上午', to: '11:30' })).to.equal('from: 接待开始时间应为 0:00 至 23:59 之间的时间，如 8:30')
    expect(hours({ from: '', to: '11:30' })).to.equal('from: 接待开始时间应为 0:00 至 23:59 之间的时间，如 8:30')
    expect(hours({ from: '8:60', to: '11:30' })).to.equal('from: 接待开始时间应为 0:00 至 23:59 之间的时间，如 8:30')
    expect(hours({ from: '11:30', to: '8:30' })).to.equal('to: 接待结束时间应晚于开始时间')
    expect(hours({ from: '9:00', to: '09:00' })).to.equal('to: 接待结束时间应晚于开始时间')
  })

  it('reads a sheet’s cell joined by -, 至, ～, 到 or a dash, and none from a blank cell', () => {
    for (const cell of [
      '8:30-11:30',
      '8:30至11:30',
      '8:30～11:30',
      '8:30~11:30',
      '8:30到11:30',
      '8:30－11:30',
      '8:30–11:30',
      '8:30—11:30',
      ' 08:30 - 11:30 ',
      '8：30至11：30',
    ]) {
      expect(hours(cell), cell).to.deep.equal({ from: '8:30', to: '11:30' })
    }
    expect(hours('')).to.equal(null)
    expect(hours('  ')).to.equal(null)
  })

  it('quotes a cell that is no range of the day, or whose end is not after its start', () => {
    const noRange = (cell: string) => `cell: “${cell}”不是一段时间，请写成“8:30-11:30”（24 小时制）`
    for (const cell of ['上午', '8:30', '8:30-', '8:30-11:30-12:00', '8:30-24:00', '8点半-11点半']) expect(hours(cell), cell).to.equal(noRange(cell))
    expect(hours('11:30-8:30')).to.equal('cell: “11:30-8:30”的结束时间不晚于开始时间，请写成“8:30-11:30”（24 小时制）')
    expect(hours('9:00至9:00')).to.equal('cell: “9:00至9:00”的结束时间不晚于开始时间，请写成“8:30-11:30”（24 小时制）')
  })
})

describe('an import file’s reception hours, by the same rule', () => {
  const empty: ExistingDirectory = { regions: [], stations: [], units: [], deputies: [], staff: [] }
  const fileWith = (receptionHours: unknown) => ({
    regions: [],
    stations: [{ id: 'st1', code: 'ST001', name: '东风路联络站', kind: 'community', receptionDays: ['wed'], receptionHours }],
    units: [],
    deputies: [],
    staff: [],
  })
  const check = (receptionHours: unknown) => {
    const checked = checkDirectoryFile(fileWith(receptionHours), empty, ['其他'])
    return checked.ok ? (checked.file.stations[0]!.receptionHours ?? null) : checked.problems.map((p) => `${p.path}：${p.message}`)
  }

  it('keeps 08:30 typed with spaces as 8:30, and no hours from null or two blanks', () => {
    expect(check({ from: ' 08:30', to: '11:30 ' })).to.deep.equal({ from: '8:30', to: '11:30' })
    expect(check(null)).to.equal(null)
    expect(check({ from: '', to: '' })).to.equal(null)
  })

  it('refuses a time past 23:59 and a range that ends before it starts in the console’s words, at the time at fault', () => {
    expect(check({ from: '8:30', to: '24:00' })).to.deep.equal(['stations[0].receptionHours.to：接待结束时间应为 0:00 至 23:59 之间的时间，如 8:30'])
    expect(check({ from: '11:30', to: '8:30' })).to.deep.equal(['stations[0].receptionHours.to：接待结束时间应晚于开始时间'])
  })
})
