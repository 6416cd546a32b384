import { expect } from 'chai'
import { checkDirectoryFile, type ExistingDirectory } from '../../src/domain/directory-import.js'
import type { Region, Station } from '../../src/domain/directory.js'
import { normalizePhone } from '../../src/domain/phone.js'
import { ancestry, buildRegionTree, stationsCovering } from '../../src/domain/region-tree.js'
import { smallCity } from '../fixtures.js'

const TOPICS = ['环境保护', '教育', '医疗卫生', '社会保障', '农业农村', '法治', '其他']
const empty: ExistingDirectory = { regions: [], stations: [], units: [], deputies: [], staff: [] }

describe('phone numbers as people type them', () => {
  it('accepts mobiles and landlines with spaces, dashes, +86 and full-width digits', () => {
    expect(normalizePhone('138 0000 0001')).to.equal('13800000001')
    expect(normalizePhone('+86 138-0000-0001')).to.equal('13800000001')
    expect(normalizePhone('8613800000001')).to.equal('13800000001')
    expect(normalizePhone('１３８００００００01')).to.equal('13800000001')
    expect(normalizePhone('0375-1234567')).to.equal('03751234567')
    expect(normalizePhone('(010) 12345678')).to.equal('01012345678')
  })
  it('refuses what cannot be a phone number', () => {
    for (const bad of ['12345', '12800000001', '1380000000', '138000000011', 'abc', '110', '']) expect(normalizePhone(bad), bad).to.equal(null)
  })
})

describe('the region tree and station coverage', () => {
  const city = smallCity()
  const regions = new Map(city.regions.map((r) => [r.id, r as Region]))
  const stations = city.stations as Station[]

  it('nests regions under their parents', () => {
    const tree = buildRegionTree(city.regions as Region[])
    expect(tree.map((d) => d.id)).to.deep.equal(['d01', 'd02'])
    expect(tree[0].children.map((s) => s.id)).to.deep.equal(['s0101', 's0102'])
  })

  it('walks up from a grid to its district', () => {
    expect(ancestry('g01010101', regions).map((r) => r.kind)).to.deep.equal(['grid', 'community', 'street', 'district'])
  })

  it('lets the most specific coverage win, and covers everything under a covered region', () => {
    expect(stationsCovering('c010102', regions, stations).map((c) => [c.station.id, c.distance])).to.deep.equal([
      ['st003', 0],
      ['st001', 1],
    ])
    expect(stationsCovering('g01010101', regions, stations).map((c) => c.station.id)).to.deep.equal(['st001'])
    expect(stationsCovering('d02', regions, stations)).to.deep.equal([])
    expect(stationsCovering('unknown', regions, stations)).to.deep.equal([])
  })
})

describe('checking a directory file', () => {
  const problemsOf = (file: unknown, existing = empty) => {
    const result = checkDirectoryFile(file, existing, TOPICS)
    return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`)
  }

  it('accepts a good file and normalises codes, user names and phones', () => {
    const city = smallCity()
    city.stations[0].code = 'st001'
    city.staff[0].username = 'LiNa'
    const result = checkDirectoryFile(city, empty, TOPICS)
    expect(result.ok).to.equal(true)
    if (!result.ok) return
    expect(result.file.stations[0].code).to.equal('ST001')
    expect(result.file.staff[0].username).to.equal('lina')
    expect(result.file.deputies[2].phone).to.equal('13800000003')
  })

  it('finds a cycle in the region tree and names it', () => {
    const problems = problemsOf({
      regions: [
        { id: 'a', name: 'A', kind: 'street', parentId: 'b' },
        { id: 'b', name: 'B', kind: 'street', parentId: 'a' },
      ],
    })
    expect(problems).to.include('regions[0].parentId: 区域树有环：a → b → a')
    expect(problems).to.include('regions[1].parentId: 区域树有环：b → a → b')
  })

  it('refuses a region that is its own parent, a district with a parent, and a street without one', () => {
    const problems = problemsOf({
      regions: [
        { id: 'd1', name: '区', kind: 'district', parentId: null },
        { id: 's1', name: '街', kind: 'street', parentId: 's1' },
        { id: 'd2', name: '区2', kind: 'district', parentId: 'd1' },
        { id: 's2', name: '街2', kind: 'street', parentId: null },
      ],
    })
    expect(problems).to.include('regions[1].parentId: 区域不能以自己为上级')
    expect(problems.some((p) => p.startsWith('regions[2].parentId: 上级区域 "d1"'))).to.equal(true)
    expect(problems.some((p) => p.startsWith('regions[3].parentId: 只有区县可以没有上级区域'))).to.equal(true)
  })

  it('checks references against what the store already holds', () => {
    const existing: ExistingDirectory = {
      ...empty,
      stations: [{ id: 'st9', code: 'ST9', name: '已有站', kind: 'other', address: '', regionIds: [], receptionDays: [] }],
    }
    const deputy = { id: 'dp1', code: 'DP1', name: '甲', level: 'city', stationIds: ['st9'] }
    expect(problemsOf({ deputies: [deputy] }, existing)).to.deep.equal([])
    expect(problemsOf({ deputies: [deputy] })).to.deep.equal(['deputies[0].stationIds[0]: 没有叫“st9”的联络站'])
  })

  it('refuses duplicate user names, odd ids and a station worker without a station', () => {
    const problems = problemsOf({
      staff: [
        { id: 'a', name: '甲', role: 'organizer', username: 'same' },
        { id: 'b', name: '乙', role: 'station_staff', username: 'same' },
        { id: 'c d', name: '丙', role: 'admin', username: 'other' },
      ],
    })
    expect(problems).to.include('staff[1].username: 用户名重复 "same"（与 staff[0] 相同）')
    expect(problems).to.include('staff[1].stationIds: 联络站工作人员至少属于一个联络站')
    expect(problems.some((p) => p.startsWith('staff[2].id:'))).to.equal(true)
  })

  it("refuses the roster template's example activation code in any import file, not only in a sheet", () => {
    const staff = { id: 'sf1', name: '周敏', role: 'station_staff', stationIds: ['st1'], username: 'zhoumin' }
    const stations = [{ id: 'st1', code: 'ST1', name: '东风路联络站', kind: 'community', regionIds: [] }]
    expect(problemsOf({ stations, staff: [{ ...staff, activationCode: 'k7p2-q9xm-4tvb' }] })).to.deep.equal([
      'staff[0].activationCode: 激活码不能用模板里的示例，请另设一个',
    ])
    expect(problemsOf({ stations, staff: [{ ...staff, activationCode: 'R4N8-W2HC-7JDX' }] })).to.deep.equal([])
  })

  it('warns, without refusing, about communities no station covers', () => {
    const city = smallCity()
    city.stations = city.stations.filter((s) => s.id !== 'st002')
    city.deputies = city.deputies.filter((d) => !d.stationIds.includes('st002'))
    city.staff = city.staff.filter((s) => !s.stationIds.includes('st002'))
    const result = checkDirectoryFile(city, empty, TOPICS)
    expect(result.ok && result.warnings).to.deep.equal(['1 个社区/村没有联络站覆盖：马庄社区(c010201)'])
  })

  it('refuses something that is not a directory at all', () => {
    expect(problemsOf([1, 2])).to.have.length(1)
    expect(problemsOf({ deputys: [] })).to.deep.equal(['deputys: 不允许的字段'])
  })
})
