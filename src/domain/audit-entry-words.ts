import { auditActionWords, STAFF_ROLE_WORDS } from './audit-words.js'
import { auditDetailRefs, auditDetailWords } from './audit-detail-words.js'
import { excerpt } from './excerpt.js'
import { isNamed, type AuditLine, type AuditName, type AuditNameBook, type AuditNamedKind, type AuditRef } from './audit-names.js'

/** One entry in an admin's words: 人员, 操作, 对象, 详情 of the 操作记录 page. */
export interface AuditEntryWords {
  actor: string
  action: string
  target: string
  details: string
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : null)

/** Everything an entry names by id, for one batch read of a whole page's names. */
export function auditRefs(e: AuditLine): AuditRef[] {
  const refs: AuditRef[] = []
  if (e.actorKind === 'staff' && e.actorId) refs.push({ kind: 'staff', id: e.actorId })
  if (isNamed(e.targetKind) && e.targetId) refs.push({ kind: e.targetKind, id: e.targetId })
  // A district's point rules are named by the district.
  if (e.targetKind === 'point_rules' && e.targetId && e.targetId !== 'city') refs.push({ kind: 'region', id: e.targetId })
  const acting = actingPerson(e)
  if (acting) refs.push(acting)
  return [...refs, ...auditDetailRefs(e)]
}

/**
 * Who did it when the entry has no staff actor: the deputy who read a resident's phone, bound
 * his WeChat or took his chat's code himself (绑定微信聊天), handed a message on to a colleague (转交) or back to its station (退回), paused his own new messages
 * or ended that pause (暂停接收留言), the staff member who bound the bot or a station's group from the chat.
 */
function actingPerson(e: AuditLine): AuditRef | null {
  if (e.actorKind !== 'system') return null
  const deputy =
    e.action === 'case.phone.read' || e.action === 'case.opened'
      ? str(e.details.deputyId)
      : e.action === 'deputy.bound' || e.action === 'deputy.away.set' || e.action === 'deputy.away.ended' || e.action === 'deputy.binding_code.issue'
        ? e.targetId
        : e.action === 'case.transferred' || e.action === 'case.handed_back' // the deputy who handed it on, or back
          ? str(e.details.fromDeputyId)
          : null
  if (deputy) return { kind: 'deputy', id: deputy }
  const staff = e.action === 'staff.bot_bound' ? e.targetId : e.action === 'station.room_bound' ? str(e.details.staffId) : null
  return staff ? { kind: 'staff', id: staff } : null
}

/** A staff member as 人员 reads: 张国华（联络站工作人员）. */
const staffWords = (n: AuditName | undefined) => (n ? `${n.name}（${STAFF_ROLE_WORDS[n.role ?? ''] ?? '工作人员'}）` : '工作人员（账号已不存在）')

function actorWords(e: AuditLine, names: AuditNameBook): string {
  // Residents are never named here: what they did is theirs, not who they are.
  if (e.actorKind === 'mp_user') return '群众'
  if (e.actorKind === 'staff' && e.actorId) return staffWords(names('staff', e.actorId))
  const acting = actingPerson(e)
  if (acting?.kind === 'deputy') return `${names('deputy', acting.id)?.name ?? ''}（人大代表）`
  if (acting?.kind === 'staff') return staffWords(names('staff', acting.id))
  // Someone at the login page, not yet known to be anyone (the user name they typed is in 详情).
  if (e.action === 'login.failed' || e.action.startsWith('activation.')) return '未登录的访客'
  return '系统'
}

/** How each kind of thing reads once named, e.g. 留言 20261205-0001, 会议「…」. */
const NAMED_WORDS: Record<AuditNamedKind, { of: (n: AuditName) => string; gone: string }> = {
  staff: { of: (n) => `账号 ${staffWords(n)}`, gone: '账号（已不存在）' },
  deputy: { of: (n) => `${n.name}代表`, gone: '代表（已不存在）' },
  station: { of: (n) => n.name, gone: '联络站（已不存在）' },
  unit: { of: (n) => `承办单位 ${n.name}`, gone: '承办单位（已不存在）' },
  region: { of: (n) => n.name, gone: '地区（已不存在）' },
  case: { of: (n) => `留言 ${n.name}`, gone: '留言（已不存在）' },
  meeting: { of: (n) => `会议「${n.name}」`, gone: '会议（已不存在）' },
  survey: { of: (n) => `问卷「${n.name}」`, gone: '问卷（已不存在）' },
  quiz: { of: (n) => `知识竞赛「${n.name}」`, gone: '知识竞赛（已不存在）' },
  quiz_question: { of: (n) => `竞赛题目「${excerpt(n.name, 20)}」`, gone: '竞赛题目（已不存在）' },
  campaign: { of: (n) => `学习活动「${n.name}」`, gone: '学习活动（已不存在）' },
  reading_item: { of: (n) => `学习材料「${n.name}」`, gone: '学习材料（已不存在）' },
  livelihood_cycle: { of: (n) => `民生实事「${n.name}」`, gone: '民生实事（已不存在）' },
  livelihood_project: { of: (n) => `民生实事项目「${n.name}」`, gone: '民生实事项目（已不存在）' },
  livelihood_proposal: { of: (n) => `民生实事提议「${n.name}」`, gone: '民生实事提议（已不存在）' },
  // Named by its number (2026-0012), as the office's lists and the units' notices name it.
  suggestion: { of: (n) => `代表建议 ${n.name}`, gone: '代表建议（已不存在）' },
}

/** Deletions that keep the name of what they removed in their details (as `title`): their entry still says which one. */
const DELETED_WITH_TITLE: ReadonlySet<string> = new Set(['quiz.draft_deleted'])

/** What an entry without a target acted on, when the action alone does not say it. */
const UNTARGETED: Record<string, string> = {
  'cases.exported': '留言列表',
  'cases.export_finished': '留言列表',
  'directory.import': '代表名册',
  'topics.retrained': '主题分类',
}

function targetWords(e: AuditLine, names: AuditNameBook): string {
  const id = e.targetId
  if (!e.targetKind || !id) return UNTARGETED[e.action] ?? ''
  // A login or a password change of one's own: the name is already in 人员.
  if (e.targetKind === 'staff' && e.actorKind === 'staff' && id === e.actorId) return '本人账号'
  if (isNamed(e.targetKind)) {
    const named = names(e.targetKind, id)
    if (named) return NAMED_WORDS[e.targetKind].of(named)
    const removed = DELETED_WITH_TITLE.has(e.action) ? str(e.details.title) : null
    return removed ? `${NAMED_WORDS[e.targetKind].of({ kind: e.targetKind, id, name: removed, role: null })}（已删除）` : NAMED_WORDS[e.targetKind].gone
  }
  if (e.targetKind === 'mp_user') return '群众本人'
  if (e.targetKind === 'calendar_year') return `${id} 年工作日历`
  if (e.targetKind === 'point_rules') return id === 'city' ? '全市履职积分规则' : `${names('region', id)?.name ?? ''}履职积分规则`
  return ''
}

/**
 * An entry in an admin's words: nothing of it a bare code, an id or JSON. `installation`: the whole installation's office
 * by its name (business.officeName, 市人大常委会办公室, or a district's own), which an office id 'city' names.
 */
export function auditEntryWords(e: AuditLine, names: AuditNameBook, timeZone: string, installation?: string): AuditEntryWords {
  return {
    actor: actorWords(e, names),
    // A download the reader closed midway did not 完成: said so, rather than the action's usual words.
    action: e.action === 'cases.export_finished' && e.details?.complete === false ? '留言列表导出中途停止' : auditActionWords(e.action),
    target: targetWords(e, names),
    details: auditDetailWords(e, names, timeZone, installation),
  }
}
