import type Database from 'better-sqlite3'
import type { CaseRecord, CaseStatus } from '../../src/domain/case.js'
import { TOPICS } from '../../src/demo/demo-city.js'
import type { Random } from '../../src/demo/names.js'
import { CASE_COLUMNS, caseValues } from '../../src/store/sqlite/case-rows.js'
import type { StationPlaces } from './places.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** What residents write about, by topic, in their own words (the place is added in front). */
const TEXTS: Record<string, string[]> = {
  环境保护: ['楼下垃圾桶满了好几天没人清运，臭味很大', '河道里有人倒垃圾，水都发黑了', '附近饭店油烟太大，窗户都不敢开'],
  交通出行: ['路口红绿灯时间太短，老人过马路来不及', '公交车站离小区太远，希望增设站点', '小区门口的路坑坑洼洼，下雨全是积水'],
  教育: ['孩子明年上小学，学位够不够', '学校门口接送孩子太拥堵', '希望社区办一个课后托管班'],
  医疗卫生: ['社区卫生服务站药品不全', '医保卡异地看病报销难', '希望家庭医生能上门看看老人'],
  社会保障: ['养老金认证太麻烦，老人不会用手机', '低保申请要跑好几趟', '高龄补贴一直没发下来'],
  劳动就业: ['工地拖欠工资三个月了', '希望多办几场招聘会', '灵活就业社保怎么交'],
  城乡建设: ['小区门口的路灯坏了一个多月', '老旧小区希望加装电梯', '楼顶漏水好几年了没人修'],
  营商环境: ['办营业执照跑了好几趟', '小店门口不让摆摊，生意难做', '希望简化开店审批'],
  社区治理: ['楼道里堆满杂物，消防通道堵了', '广场舞声音太大影响休息', '小区里停车位太少'],
  物业管理: ['物业费收了却不管事', '电梯经常坏，物业拖着不修', '业委会成立不起来'],
  农业农村: ['村里的土地流转款还没发', '农田灌溉渠堵了', '希望村里修一条硬化路'],
  文化旅游: ['社区文化活动室一直锁着门', '景区门票太贵', '希望多办些老年人的文艺活动'],
  安全生产: ['楼道里有人用电动车飞线充电，太危险了', '附近工地没有围挡', '燃气管道老化有异味'],
  法治: ['被人骗了三万块钱，立案很难', '邻里纠纷希望有人来调解', '希望多开展普法宣传'],
  其他: ['谢谢代表们的辛苦付出', '想了解一下代表接待日是哪天', '希望多来社区走走听听大家的意见'],
}

/** How often each topic comes up: roads, buildings and neighbours more than law. */
const TOPIC_WEIGHTS = [9, 10, 6, 7, 6, 4, 14, 3, 12, 10, 5, 3, 4, 2, 5]

export interface HistoryOptions {
  cases: number
  start: Date
  now: Date
  residents: number
}

export interface HistoryCounts {
  cases: number
  events: number
}

/** Status by age: old messages are mostly closed, this fortnight's are still moving. */
function statusFor(rand: Random, ageDays: number): CaseStatus {
  const r = rand()
  const table: Array<[number, CaseStatus]> =
    ageDays > 45
      ? [
          [0.88, 'closed'],
          [0.92, 'withdrawn'],
          [0.97, 'rejected'],
          [0.99, 'forwarded'],
          [1, 'replied'],
        ]
      : ageDays > 15
        ? [
            [0.5, 'closed'],
            [0.7, 'replied'],
            [0.78, 'forwarded'],
            [0.86, 'acknowledged'],
            [0.89, 'withdrawn'],
            [0.94, 'rejected'],
            [0.97, 'reopened'],
            [1, 'assigned'],
          ]
        : [
            [0.08, 'submitted'],
            [0.28, 'assigned'],
            [0.58, 'acknowledged'],
            [0.65, 'forwarded'],
            [0.85, 'replied'],
            [0.95, 'closed'],
            [0.97, 'withdrawn'],
            [1, 'rejected'],
          ]
  return table.find(([p]) => r < p)![1]
}

const weightedTopic = (() => {
  const total = TOPIC_WEIGHTS.reduce((a, b) => a + b, 0)
  return (rand: Random) => {
    let r = rand() * total
    for (let i = 0; i < TOPICS.length; i++) if ((r -= TOPIC_WEIGHTS[i]) < 0) return TOPICS[i]
    return TOPICS[TOPICS.length - 1]
  }
})()

/** Cases per day, growing over the years as more residents find the mini-program. */
function casesPerDay(total: number, days: number): number[] {
  const weights = Array.from({ length: days }, (_, d) => 0.5 + d / days)
  const sum = weights.reduce((a, b) => a + b, 0)
  const counts = weights.map((w) => Math.floor((total * w) / sum))
  counts[days - 1] += total - counts.reduce((a, b) => a + b, 0)
  return counts
}

/** A case id the console's routes accept (cs- and a UUID's shape), ordered by creation so inserts append. */
export const benchCaseId = (n: number) => `cs-${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`

/**
 * Writes three years of cases and their timelines into an open database, in the order they
 * arrived: each a case row through the adapter's own row mapper, and the events its
 * status implies (submitted, assigned, acknowledged, forwarded, replied, rated, closed …).
 */
export function writeHistory(db: Database.Database, rand: Random, stations: StationPlaces[], options: HistoryOptions): HistoryCounts {
  const insertCase = db.prepare(`INSERT INTO cases (${CASE_COLUMNS.join(', ')}) VALUES (${CASE_COLUMNS.map(() => '?').join(', ')})`)
  const insertEvent = db.prepare(`INSERT INTO case_events (id, case_id, seq, at, type, actor_role, actor_id, from_status, to_status, note, data)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insertTicket = db.prepare('INSERT OR REPLACE INTO ticket_counters (day, last) VALUES (?, ?)')
  const days = Math.floor((options.now.getTime() - options.start.getTime()) / DAY)
  const perDay = casesPerDay(options.cases, days)
  let n = 0
  let events = 0
  for (let d = 0; d < days; d++) {
    const dayStart = options.start.getTime() + d * DAY
    // 07:00–22:00 in Shanghai: residents write in the waking hours.
    const times = Array.from({ length: perDay[d] }, () => dayStart - 8 * HOUR + 7 * HOUR + rand() * 15 * HOUR).sort((a, b) => a - b)
    const ticketDay = new Date(dayStart).toISOString().slice(0, 10).replaceAll('-', '')
    times.forEach((t, i) => {
      const record = oneCase(rand, stations, options, ++n, new Date(t), `${ticketDay}-${String(i + 1).padStart(4, '0')}`)
      insertCase.run(caseValues(record.case))
      for (const [seq, e] of record.events.entries())
        insertEvent.run(`ev-${n.toString(36)}-${seq}`, record.case.id, seq + 1, e.at.toISOString(), e.type, e.role, e.actorId, e.from, e.to, e.note, e.data)
      events += record.events.length
    })
    if (times.length) insertTicket.run(ticketDay, times.length)
  }
  return { cases: n, events }
}

interface EventRow {
  at: Date
  type: string
  role: string
  actorId: string | null
  from: CaseStatus | null
  to: CaseStatus | null
  note: string | null
  data: string
}

function oneCase(rand: Random, stations: StationPlaces[], o: HistoryOptions, n: number, createdAt: Date, ticket: string) {
  // A few busy stations get much of the traffic (city centres), the rest a steady trickle.
  const station = stations[Math.floor(stations.length * rand() ** 1.6)]
  const placeless = rand() < 0.04
  const place = placeless || !station.places.length ? null : station.places[Math.floor(rand() * station.places.length)]
  const deputyId = !placeless && station.deputyIds.length && rand() < 0.85 ? station.deputyIds[Math.floor(rand() * station.deputyIds.length)] : null
  const topic = weightedTopic(rand)
  const texts = TEXTS[topic]
  const ageDays = (o.now.getTime() - createdAt.getTime()) / DAY
  const status = statusFor(rand, ageDays)
  const residentId = `mu-${Math.floor(o.residents * rand() ** 1.3)}`
  const ackAt = new Date(createdAt.getTime() + (2 + rand() * 28) * HOUR)
  const repliedAt = new Date(ackAt.getTime() + (1 + rand() * 19) * DAY)
  const closedAt = new Date(repliedAt.getTime() + (1 + rand() * 6) * DAY)
  const rating = 1 + Math.min(4, Math.floor(rand() ** 0.5 * 5))
  const events: EventRow[] = [{ at: createdAt, type: 'submitted', role: 'resident', actorId: residentId, from: null, to: 'submitted', note: null, data: '{}' }]
  const ev = (at: Date, type: string, role: string, actorId: string | null, from: CaseStatus, to: CaseStatus, note: string | null = null, data = '{}') =>
    events.push({ at, type, role, actorId, from, to, note, data })
  const reached = (s: CaseStatus) => STAGES[status].includes(s)
  if (reached('assigned')) ev(createdAt, 'assigned', 'system', null, 'submitted', 'assigned')
  if (reached('acknowledged')) ev(ackAt, 'acknowledged', 'deputy', deputyId, 'assigned', 'acknowledged')
  if (reached('forwarded')) ev(new Date(ackAt.getTime() + DAY), 'forwarded', 'deputy', deputyId, 'acknowledged', 'forwarded', '转交职能部门')
  if (reached('replied')) ev(repliedAt, 'replied', 'deputy', deputyId, 'acknowledged', 'replied', '已联系有关部门处理')
  if (reached('reopened')) ev(closedAt, 'reopened', 'resident', residentId, 'replied', 'reopened', '问题没有解决')
  const rated = status === 'closed' && rand() < 0.7
  if (rated) ev(closedAt, 'rated', 'resident', residentId, 'replied', 'closed', null, JSON.stringify({ rating }))
  else if (status === 'closed') ev(closedAt, 'closed', 'system', null, 'replied', 'closed')
  if (status === 'withdrawn') ev(ackAt, 'withdrawn', 'resident', residentId, 'assigned', 'withdrawn')
  if (status === 'rejected') ev(ackAt, 'rejected', 'staff', 'sf0001', 'submitted', 'rejected', '不属于代表履职范围')
  const last = events[events.length - 1].at
  const record: CaseRecord = {
    id: benchCaseId(n),
    ticket,
    residentId,
    text: `${texts[Math.floor(rand() * texts.length)]}（${n % 97}号楼）`,
    images: [],
    regionId: place?.regionId ?? null,
    communityId: place?.communityId ?? null,
    districtId: placeless ? null : station.districtId,
    stationId: placeless ? null : station.id,
    deputyId: status === 'submitted' ? null : deputyId,
    officeRegionId: placeless ? null : station.districtId,
    topic,
    status,
    anonymous: rand() < 0.1,
    publicConsent: rand() < 0.3,
    phoneEnc: null,
    routingReasons: [{ rule: 'place', code: 'covering_station', message: '按所在社区分到联络站' }],
    flaggedForReview: false,
    createdAt,
    updatedAt: last,
    ackDueAt: new Date(createdAt.getTime() + DAY),
    replyDueAt: new Date(createdAt.getTime() + 21 * DAY),
    acknowledgedAt: reached('acknowledged') ? ackAt : null,
    repliedAt: reached('replied') ? repliedAt : null,
    closedAt: status === 'closed' ? closedAt : null,
    reply: reached('replied') ? '已联系有关部门处理' : null,
    forwardedTo: reached('forwarded') ? { department: '区住建局', reference: null, note: null, at: new Date(ackAt.getTime() + DAY) } : null,
    rating: rated ? rating : null,
    ratingComment: null,
    ratedAt: rated ? closedAt : null,
    mergedInto: null,
    ackEscalation: 0,
    replyEscalation: 0,
    reopenCount: status === 'reopened' ? 1 : 0,
    idempotencyKey: null,
    version: events.length,
    deadlinesProvisional: false,
    handlingDistrictId: placeless ? null : station.districtId,
    ratings: rated ? [{ rating, comment: null, at: closedAt }] : [],
  } as CaseRecord
  return { case: record, events }
}

/** The stages a case in each status has been through. */
const STAGES: Record<CaseStatus, CaseStatus[]> = {
  submitted: [],
  assigned: ['assigned'],
  acknowledged: ['assigned', 'acknowledged'],
  forwarded: ['assigned', 'acknowledged', 'forwarded'],
  replied: ['assigned', 'acknowledged', 'replied'],
  closed: ['assigned', 'acknowledged', 'replied', 'closed'],
  reopened: ['assigned', 'acknowledged', 'replied', 'reopened'],
  withdrawn: ['assigned'],
  rejected: [],
}
