import type { AuditLine, AuditNameBook, AuditRef } from './audit-names.js'
import type { AuditAction } from './audit-words.js'
import { STAFF_ROLE_WORDS } from './audit-words.js'
import { STATUS_FILTER_LABELS, type CaseStatusFilter } from './case.js'
import { directoryImportWords } from './audit-import-words.js'
import { localDate, monthDayText } from './dates.js'
import { AWAY_REASON_LABELS } from './deputy-away.js'
import { excerpt } from './excerpt.js'
import { maskPhoneAndIdNumbers } from './pii-mask.js'
import { CITY_OFFICE, districtOfficeName } from './office-name.js'

/**
 * 详情 of an entry of the audit trail: a few words of what was done (交王芳代表办理, 提醒未回复的 3 人,
 * 筛选：状态 待分派), or nothing. Never the stored JSON: what an admin cannot read is left out.
 */

const str = (v: unknown) => (typeof v === 'string' && v ? v : null)
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null)
const list = (v: unknown) => (Array.isArray(v) ? v : [])
const joined = (...parts: Array<string | null | false>) => parts.filter(Boolean).join('，')

/** The fields people change, as the console's forms call them. */
const FIELD_WORDS: Record<string, string> = {
  title: '标题',
  name: '名称',
  description: '说明',
  summary: '摘要',
  body: '正文',
  link: '链接',
  source: '来源',
  required: '是否必读',
  publishAt: '发布时间',
  role: '角色',
  stationIds: '所属联络站',
  regionIds: '负责地区',
  unitIds: '所属承办单位',
  active: '在任状态',
  kind: '类型',
  address: '地址',
  receptionDays: '接待日',
  receptionHours: '接待时间',
  level: '代表层级',
  topics: '关注领域',
  phone: '电话',
  dutyDates: '接待值班日期',
  regionId: '所在地区',
  contact: '联系方式',
  startAt: '开始时间',
  endAt: '结束时间',
  startsAt: '开始时间',
  endsAt: '结束时间',
  opensAt: '开始时间',
  closesAt: '结束时间',
  place: '地点',
  agenda: '议程',
  attachments: '附件',
  publicSeats: '公众席位',
  rsvpDeadline: '回复截止时间',
  questions: '题目',
  articles: '条文',
  responseCap: '份数上限',
  audience: '参加范围',
  drawCount: '每次抽题数',
  timeLimitSeconds: '答题时限',
  stem: '题干',
  options: '选项',
  answer: '答案',
  explanation: '解析',
  costWan: '估算投资',
  unitId: '承办单位',
}
/** People have 姓名, things have 名称. */
const PERSON_KINDS = new Set(['staff', 'deputy'])

/** 改了：标题、结束时间 (the fields a correction or edit names, by `fields`, `changes` or `before`). */
function changedWords(e: AuditLine): string {
  const d = e.details
  const keys = list(d.fields).length ? list(d.fields).map(String) : Object.keys((d.changes ?? d.before ?? {}) as object)
  const words = new Set<string>()
  for (const k of keys) {
    if (k === 'stationId') continue // only names the station whose duty days were set (dutyDates)
    words.add(k === 'name' && PERSON_KINDS.has(e.targetKind ?? '') ? '姓名' : (FIELD_WORDS[k] ?? '其他'))
  }
  return words.size ? `改了：${[...words].join('、')}` : ''
}

/** An office by its id: a district's by the district's name, 'city' the whole installation's (`installation`: business.officeName …). */
const office = (id: string, names: AuditNameBook, installation: string) => (id === 'city' ? installation : districtOfficeName(names('region', id)?.name ?? ''))
const deputy = (id: unknown, names: AuditNameBook) => `${(str(id) && names('deputy', str(id)!)?.name) || ''}代表`
const reason = (v: unknown, label = '理由') => (str(v) ? `${label}：${excerpt(str(v)!, 40)}` : null)
/**
 * A deputy's reason for 转交 or 退回, as he gave it, often with the resident's phone or ID number in it
 * ("群众电话 138… 打不通"): those masked before it is cut short, so no part of a number shows.
 */
const deputyReason = (v: unknown) => reason(str(v) && maskPhoneAndIdNumbers(str(v)!))
/** A 提醒未参与 / 提醒未读 press: how many were reminded, and how many must be phoned (no WeChat bound). */
const remindedWords = (d: Record<string, unknown>) =>
  num(d.reminded) !== null ? joined(`提醒 ${d.reminded} 人`, num(d.unreachable) ? `${d.unreachable} 人收不到，需电话联系` : null) : ''
const via = (v: unknown) => (v === 'bot' ? '通过微信助手' : v === 'mini-program' ? '通过小程序' : '')
// Where a sign-in came from, labelled: the office looks at it to spot a stranger trying accounts (来自 127.0.0.1 said nothing).
const from = (d: Record<string, unknown>) => (str(d.client) ? `网络地址 ${d.client}` : '')
const who = (d: Record<string, unknown>) => joined(str(d.username) && `账号 ${d.username}`, from(d))
/** The notice's version as the resident agreed to it: v3 is 第 3 版. */
const noticeVersion = (v: string) => (/^v?\d+$/i.test(v) ? `第 ${v.replace(/^v/i, '')} 版` : `${v} 版`)

/**
 * The case list's filters as an export's entry keeps them (read back by filterWords): dates as ISO
 * strings, a hot issue's cases by their number only (up to 200 ids would swamp the entry).
 */
export function exportedFilters(f: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === null || v === '') continue
    kept[k] = v instanceof Date ? v.toISOString() : k === 'ids' ? list(v).length : v
  }
  return kept
}

/** "筛选：状态 待分派，主题 环境保护": the list's filters as the export was asked for them. */
function filterWords(f: Record<string, unknown>, names: AuditNameBook, timeZone: string): string {
  const day = (v: unknown) => (str(v) && !Number.isNaN(Date.parse(str(v)!)) ? localDate(new Date(str(v)!), timeZone) : null)
  const named = (kind: 'region' | 'station', v: unknown) => (str(v) ? (names(kind, str(v)!)?.name ?? '') : null)
  const status = str(f.status) as CaseStatusFilter | null
  const parts = [
    status && `状态 ${STATUS_FILTER_LABELS[status] ?? ''}`,
    f.open === true && '未办结',
    f.overdue === true && '已超期',
    f.ackLate === true && '未按时受理',
    f.atOffice === true && '在人大办（没有联络站）',
    str(f.topic) && `主题 ${f.topic}`,
    str(f.districtId) && `区县 ${named('region', f.districtId)}`,
    str(f.handledIn) && `由${named('region', f.handledIn)}办理`,
    str(f.regionId) && `地点 ${named('region', f.regionId)}`,
    str(f.stationId) && `联络站 ${named('station', f.stationId)}`,
    str(f.deputyId) && `办理代表 ${deputy(f.deputyId, names)}`,
    num(f.rating) !== null && `评分 ${f.rating} 分`,
    f.unhappy === true && '群众不满意',
    (day(f.from) || day(f.to)) && `时间 ${day(f.from) ?? ''} 至 ${day(f.to) ?? ''}`,
    str(f.q) && `查找“${excerpt(str(f.q)!, 20)}”`,
    num(f.ids) !== null && `热点问题的 ${f.ids} 条留言`,
  ]
  const said = joined(...parts)
  return said ? `筛选：${said}` : '全部留言'
}

/** `installation`: the whole installation's office by its name, which 'city' stands for (office-name.ts installationOffice). */
type DetailWords = (d: Record<string, unknown>, names: AuditNameBook, e: AuditLine, timeZone: string, installation: string) => string

/**
 * The office's decisions on a suggestion: what its timeline says of it (交办：主办 …，期限 3月6日; 同意延期 30 天 …),
 * numbers masked, as staff may paste a phone into a note.
 */
const suggestionSaid: DetailWords = (d) => (str(d.said) ? excerpt(maskPhoneAndIdNumbers(str(d.said)!), 80) : '')
const SUGGESTION_DETAILS: Partial<Record<AuditAction, DetailWords>> = Object.fromEntries(
  (
    [
      'suggestion.accepted',
      'suggestion.returned',
      'suggestion.merged',
      'suggestion.converted',
      'suggestion.assigned',
      'suggestion.request_approved',
      'suggestion.request_denied',
      'suggestion.closed',
      'suggestion.published',
      'suggestion.unpublished',
      'suggestion.urged',
      'suggestion.supervised',
    ] as const
  ).map((a) => [a, suggestionSaid]),
)

/** Per action; an action not here has nothing more to say than its name and its object. */
const DETAILS: Partial<Record<AuditAction, DetailWords>> = {
  'login.succeeded': from,
  'login.failed': who,
  'activation.failed': who,
  'activation.expired': who,
  'account.activated': from,
  'staff.password.changed': from,
  'staff.password.change_failed': from,
  'staff.create': (d) => (str(d.role) ? `角色：${STAFF_ROLE_WORDS[str(d.role)!] ?? '工作人员'}` : ''),
  // 全市 chosen is said: "负责地区" alone reads as districts picked, and the whole city is the widest a change can give.
  'staff.update': (d, __, e) => (d.wholeCity === true ? changedWords(e).replace('负责地区', '负责地区（全市）') : changedWords(e)),
  'staff.sessions.ended': (d) => (num(d.ended) !== null ? `下线 ${d.ended} 处登录` : ''),
  // Let go of with the account (`cause`), not by her own 解除: said, so that nobody looks for her doing it.
  'staff.bot_unbound': (d) =>
    d.cause === 'account_disabled' ? '账号停用，微信绑定一并解除' : d.cause === 'chat_erased' ? '账号已停用，本人在聊天里删除个人信息时一并解除' : '',
  'station.update': (_, __, e) => changedWords(e),
  'unit.update': (_, __, e) => changedWords(e),
  'deputy.update': (d, _, e) =>
    joined(changedWords(e), d.active === false && d.wasActive === true && '已设为离任', d.active === true && d.wasActive === false && '已恢复在任'),
  'deputy.bound': (d) => via(d.via),
  // The code as it was typed on the demo's computer: whom the demo sign-in came in as.
  'mp.demo_login': (d) => (str(d.as) ? `演示登录码 demo:${d.as}` : ''),
  // `via`: he set or ended it himself (通过小程序); staff's entries have none.
  'deputy.away.set': (d) =>
    str(d.from) && str(d.until)
      ? joined(
          `${monthDayText(str(d.from)!)}至${monthDayText(str(d.until)!)}`,
          str(d.reason) && (AWAY_REASON_LABELS as Record<string, string>)[str(d.reason)!],
          via(d.via),
        )
      : '',
  'deputy.away.ended': (d) =>
    str(d.until) ? joined(`原定至${monthDayText(str(d.until)!)}${d.wasAway === false ? '（尚未开始，已取消）' : '，提前结束'}`, via(d.via)) : '',
  'directory.import': directoryImportWords,
  // Which number the deputy read: the one she left as her contact phone, or one found in her message's words.
  'case.phone.read': (d) => (d.source === 'text' ? '留言内容里写的电话' : d.source === 'field' ? '留言人留的联系电话' : ''),
  // A staff member's 查看完整原文: her words with the numbers in them; a duplicate's, read on the page of the message it joined.
  'case.text.read': (d) =>
    d.source === 'text' ? (str(d.withTicket) ? `在留言 ${d.withTicket} 页面查看的重复留言原话，号码未隐去` : '群众写的原话，号码未隐去') : '',
  'case.assigned': (d, names) => `交${deputy(d.deputyId, names)}办理`,
  'case.reassigned': (d, names) => `由${deputy(d.fromDeputyId, names)}改为${deputy(d.deputyId, names)}办理`,
  'case.handed_up': (d, names, _, __, installation) => joined(str(d.toOffice) && `上报${office(str(d.toOffice)!, names, installation)}`, reason(d.note)),
  'case.rejected': (d) => reason(d.note) ?? '',
  'case.merged': (d) => (str(d.intoTicket) ? `并入留言 ${d.intoTicket}` : ''),
  'case.transferred': (d, names) => joined(`转给${deputy(d.deputyId, names)}办理`, deputyReason(d.note)),
  // Back to the station's queue (or the office's).
  'case.handed_back': (d, names, _, __, installation) =>
    joined(
      str(d.toOffice)
        ? `交回${office(str(d.toOffice)!, names, installation)}`
        : `交回${(str(d.toStation) && names('station', str(d.toStation)!)?.name) || '联络站'}`,
      deputyReason(d.note),
    ),
  'case.urged': (d, names) => joined(`催${deputy(d.deputyId, names)}办理`, reason(d.note, '附言')),
  'case.topic_corrected': (d) => (str(d.from) && str(d.to) ? `主题由“${d.from}”改为“${d.to}”` : ''),
  'cases.exported': (d, names, _, tz) => filterWords((d.filters ?? {}) as Record<string, unknown>, names, tz),
  // How many lines the sheet holds: a download closed midway (its action says 中途停止) with the lines already written.
  'cases.export_finished': (d, names, _, tz) =>
    joined(
      num(d.rows) !== null && (d.complete === false ? `已导出 ${d.rows} 条` : `共 ${d.rows} 条`),
      filterWords((d.filters ?? {}) as Record<string, unknown>, names, tz),
    ),
  'topics.retrained': (d, names, _, __, installation) =>
    list(d.offices)
      .filter(str)
      .map((o) => office(o as string, names, installation).replace(/办公室$/, ''))
      .join('、'),
  ...SUGGESTION_DETAILS,
  'meeting.published': (d) => (num(d.invited) !== null ? `通知 ${d.invited} 人` : ''),
  'meeting.reminded': (d) => (num(d.reminded) !== null ? `提醒未回复的 ${d.reminded} 人` : ''),
  'meeting.corrected': (_, __, e) => changedWords(e),
  'meeting.cancelled': (d) => reason(d.reason, '原因') ?? '',
  'meeting.invitees_added': (d) => `追加 ${list(d.added).length} 人`,
  'meeting.attendance_recorded': (d) => joined(`为${str(d.name) ?? ''}补签`, reason(d.note, '说明')),
  'meeting.leave_recorded': (d) => joined(`为${str(d.name) ?? ''}请假`, reason(d.note, '说明')),
  'meeting.entry_undone': (d) => `撤销为${str(d.name) ?? ''}${d.kind === 'attended' ? '补签' : '请假'}的登记`,
  'meeting.attendance_exported': (d) => (num(d.rows) !== null ? `共 ${d.rows} 人` : ''),
  'campaign.corrected': (_, __, e) => changedWords(e),
  'campaign.reminded': (d) => remindedWords(d),
  'campaign.unread_exported': (d) => (num(d.rows) !== null ? `共 ${d.rows} 人` : ''),
  'reading.corrected': (_, __, e) => changedWords(e),
  'quiz.corrected': (_, __, e) => changedWords(e),
  'quiz.question_corrected': (_, __, e) => changedWords(e),
  'quiz.results_exported': (d) => (num(d.rows) !== null ? `共 ${d.rows} 条成绩` : ''),
  'survey.corrected': (_, __, e) => changedWords(e),
  'survey.responses_exported': (d) => (num(d.rows) !== null ? `共 ${d.rows} 份答卷` : ''),
  // 查看完整原文 on 文字回答 or 逐条意见: how many residents' words were read whole, and where.
  'survey.text.read': (d) => (num(d.rows) !== null ? `${d.source === 'opinions' ? '逐条意见' : '文字回答'} ${d.rows} 条` : ''),
  'survey.reminded': (d) => remindedWords(d),
  'survey.not_voted_exported': (d) => (num(d.rows) !== null ? `共 ${d.rows} 人` : ''),
  'calendar.imported': (d) => (num(d.daysOff) !== null ? `休息日 ${d.daysOff} 天，工作日 ${d.workdays} 天` : ''),
  'calendar.replaced': (d) => (num(d.daysOff) !== null ? `休息日 ${d.daysOff} 天，工作日 ${d.workdays} 天` : ''),
  'livelihood.cycle_created': (d) => (num(d.year) !== null ? `${d.year} 年` : ''),
  'livelihood.candidate_created': (d) => (list(d.proposals).length ? `由 ${list(d.proposals).length} 条提议合成` : ''),
  'livelihood.candidate_updated': (_, __, e) => changedWords(e),
  'livelihood.candidate_withdrawn': (d) =>
    joined(str(d.title) && `「${excerpt(str(d.title)!, 30)}」`, str(d.note) ? `建议不列入，${reason(d.note)}` : `${list(d.proposals).length} 条建议退回待梳理`),
  'livelihood.proposal_declined': (d) => reason(d.note) ?? '',
  'livelihood.ballot_settled': (d) => `选出 ${list(d.chosen).length} 个项目`,
  'livelihood.progress_posted': (d) => (num(d.quarter) !== null ? `第 ${d.quarter} 季度，完成 ${d.percent ?? 0}%` : ''),
  // Beside its action 同意隐私告知, which version only: 同意第 3 版隐私告知 said the action twice.
  'privacy.consent.given': (d) => (str(d.version) ? noticeVersion(str(d.version)!) : ''),
  'privacy.chat_joined': (d) => (num(d.cases) !== null ? `并入留言 ${d.cases} 条` : ''),
  'privacy.chat_join_undone': (d) => (num(d.cases) !== null ? `退回聊天的留言 ${d.cases} 条` : ''),
  'privacy.chat_unjoined': (d) => (num(d.cases) !== null ? `退回聊天的留言 ${d.cases} 条` : ''),
  'privacy.erased': (d) => joined(num(d.withdrawn) !== null && `撤回留言 ${d.withdrawn} 条`, num(d.anonymised) !== null && `匿名处理留言 ${d.anonymised} 条`),
  // Done by a clerk for her (联络站): the reason the clerk typed, beside what it did.
  'privacy.erased_on_request': (d) =>
    joined(num(d.withdrawn) !== null && `撤回留言 ${d.withdrawn} 条`, num(d.anonymised) !== null && `匿名处理留言 ${d.anonymised} 条`, reason(d.reason)),
  // The words hidden, for the office to check a wrong hiding (they may read the message anyway); older entries kept none.
  'case.words_hidden': (d) =>
    joined(
      typeof d.words === 'string' && d.words && `隐去“${d.words}”`,
      num(d.places) !== null && `${d.places} 处`,
      typeof d.mask === 'string' && d.mask && `换成“${d.mask}”`,
    ),
}

/** The ids an entry's details name, read with the page's other names. */
export function auditDetailRefs(e: AuditLine): AuditRef[] {
  const d = e.details
  const refs: AuditRef[] = []
  const add = (kind: AuditRef['kind'], v: unknown) => {
    if (str(v) && !(kind === 'region' && v === 'city')) refs.push({ kind, id: str(v)! })
  }
  add('deputy', d.deputyId)
  add('deputy', d.fromDeputyId)
  add('region', d.toOffice)
  add('station', d.toStation)
  for (const o of list(d.offices)) add('region', o)
  if ((e.action === 'cases.exported' || e.action === 'cases.export_finished') && d.filters && typeof d.filters === 'object') {
    const f = d.filters as Record<string, unknown>
    add('region', f.districtId)
    add('region', f.handledIn)
    add('region', f.regionId)
    add('station', f.stationId)
    add('deputy', f.deputyId)
  }
  return refs
}

export function auditDetailWords(e: AuditLine, names: AuditNameBook, timeZone: string, installation = CITY_OFFICE): string {
  const words = DETAILS[e.action as AuditAction]
  return words ? words(e.details ?? {}, names, e, timeZone, installation) : ''
}
