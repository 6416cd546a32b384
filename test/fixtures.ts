import type { DirectoryFile } from '../src/domain/directory.js'

type Region = NonNullable<DirectoryFile['regions']>[number]
type Station = NonNullable<DirectoryFile['stations']>[number]
type Deputy = NonNullable<DirectoryFile['deputies']>[number]
type Staff = NonNullable<DirectoryFile['staff']>[number]
type Unit = NonNullable<DirectoryFile['units']>[number]

export const STAFF_PASSWORD = 'station-pass-1'

/**
 * A small city in the import format, enough for a story: 湛河区 with 轻工街道 (two
 * communities, one with a grid) and 马庄街道 (one community), a station for each street,
 * an industrial park station, five deputies, two handling units (a city bureau and the
 * district government) and staff of every role.
 */
export function smallCity(): Required<DirectoryFile> {
  const regions: Region[] = [
    { id: 'd01', name: '湛河区', kind: 'district', parentId: null },
    { id: 's0101', name: '轻工街道', kind: 'street', parentId: 'd01' },
    { id: 'c010101', name: '建设路社区', kind: 'community', parentId: 's0101' },
    { id: 'g01010101', name: '建设路第一网格', kind: 'grid', parentId: 'c010101' },
    { id: 'c010102', name: '光明社区', kind: 'community', parentId: 's0101' },
    { id: 's0102', name: '马庄街道', kind: 'street', parentId: 'd01' },
    { id: 'c010201', name: '马庄社区', kind: 'community', parentId: 's0102' },
    { id: 'd02', name: '新华区', kind: 'district', parentId: null },
  ]
  const stations: Station[] = [
    { id: 'st001', code: 'ST001', name: '轻工街道代表联络站', kind: 'community', address: '建设路1号', regionIds: ['s0101'], receptionDays: ['wed'] },
    { id: 'st002', code: 'ST002', name: '马庄街道代表联络站', kind: 'community', address: '马庄路8号', regionIds: ['s0102'], receptionDays: ['tue'] },
    { id: 'st003', code: 'ST003', name: '光明社区代表联络点', kind: 'community', address: '光明路3号', regionIds: ['c010102'], receptionDays: ['fri'] },
  ]
  const deputy = (n: number, over: Partial<Deputy>): Deputy => ({
    id: `dp000${n}`,
    code: `DP000${n}`,
    name: `代表${n}`,
    level: 'city',
    stationIds: ['st001'],
    topics: [],
    phone: null,
    dutyByStation: {},
    ...over,
  })
  const deputies: Deputy[] = [
    deputy(1, { name: '张伟', topics: ['环境保护'], phone: '13800000001', dutyByStation: { st001: ['2026-11-25'] } }),
    deputy(2, { name: '王芳', level: 'county', topics: ['教育'], phone: '138 0000 0002' }),
    deputy(3, { name: '李强', level: 'national', stationIds: ['st002', 'st001'], phone: '+86 13800000003' }),
    deputy(4, { name: '赵敏', level: 'township', stationIds: ['st002'] }),
    deputy(5, { name: '刘洋', level: 'provincial', stationIds: ['st003'], topics: ['医疗卫生', '社会保障'] }),
  ]
  const staff: Staff[] = [
    { id: 'sf01', name: '李娜', role: 'station_staff', stationIds: ['st001'], username: 'lina', password: STAFF_PASSWORD },
    { id: 'sf02', name: '周杰', role: 'station_staff', stationIds: ['st002'], username: 'zhoujie', password: STAFF_PASSWORD },
    { id: 'sf03', name: '孙丽', role: 'organizer', stationIds: [], regionIds: ['d01'], username: 'sunli', password: STAFF_PASSWORD },
    { id: 'sf21', name: '陈刚', role: 'unit_staff', stationIds: [], unitIds: ['u01'], username: 'chengang', password: STAFF_PASSWORD },
    { id: 'sf22', name: '吴静', role: 'unit_staff', stationIds: [], unitIds: ['u02'], username: 'wujing', password: STAFF_PASSWORD },
  ]
  const units: Unit[] = [
    { id: 'u01', code: 'ZJJ', name: '市住房和城乡建设局', kind: 'department', contact: '0375-1234567' },
    { id: 'u02', code: 'ZHQZF', name: '湛河区人民政府', kind: 'district_government', regionId: 'd01' },
  ]
  return { regions, stations, units, deputies, staff }
}

/**
 * smallCity plus the places routing falls back on: 新华区 has a station with no deputy
 * yet (its staff assign), and 卫东区 has no station at all (its district office takes
 * messages). Staff: 王五 at the new station, 钱七 organizer of 新华区 only.
 */
export function caseCity(): Required<DirectoryFile> {
  const city = smallCity()
  city.regions.push(
    { id: 's0201', name: '新华街道', kind: 'street', parentId: 'd02' },
    { id: 'c020101', name: '新华社区', kind: 'community', parentId: 's0201' },
    { id: 'd03', name: '卫东区', kind: 'district', parentId: null },
    { id: 's0301', name: '东安街道', kind: 'street', parentId: 'd03' },
    { id: 'c030101', name: '东安社区', kind: 'community', parentId: 's0301' },
  )
  city.stations.push({
    id: 'st004',
    code: 'ST004',
    name: '新华街道代表联络站',
    kind: 'community',
    address: '新华路1号',
    regionIds: ['s0201'],
    receptionDays: ['mon'],
  })
  city.staff.push(
    { id: 'sf04', name: '王五', role: 'station_staff', stationIds: ['st004'], username: 'wangwu', password: STAFF_PASSWORD },
    { id: 'sf05', name: '钱七', role: 'organizer', stationIds: [], regionIds: ['d02'], username: 'qianqi', password: STAFF_PASSWORD },
  )
  return city
}

/** Five families of one community write about one broken lift, each in their own words: one hot issue. */
export const LIFT_MESSAGES = [
  '3号楼电梯又坏了，老人上不去楼，请尽快修电梯',
  '3号楼的电梯坏了一个星期了，没人来修，老人上下楼太难了',
  '我们小区电梯坏了好几天，老人腿脚不便上不去楼',
  '电梯又坏了！老人上不去楼，求求代表帮忙催一下修电梯',
  '3号楼电梯坏了没人修，老人只能在楼下等，太难了',
]
