import { z } from 'zod'
import { CASE_STATUSES } from '../../../domain/case.js'
import { ID_PATTERN } from '../../../domain/directory-import.js'
import { longText, requiredLine, requiredText, singleLine } from '../../../domain/free-text.js'
import { isShortNumber, SEARCH_MAX_CHARS, SEARCH_MIN_CHARS } from '../../../domain/case-search.js'
import { STATS_SORTS } from '../../../domain/stats-ranking.js'
import { pageQuery } from '../../schemas.js'

const id = z.string().regex(ID_PATTERN, '编号格式无效')
// Text of only zero-width characters is empty too: a reason of one U+200B told her "不予受理：" and nothing.
const text = requiredText
const line = requiredLine
/** Codes from QR codes: an odd one is ignored by routing, so only the length is bounded here. */
const looseCode = z.string().trim().max(40).nullable().optional()
const caseId = z.string().regex(/^cs-[0-9a-f-]{36}$/, '留言编号格式无效')

export const caseIdParam = z.strictObject({ id: caseId })

export const submitBody = z.strictObject({
  text: text(2000, '留言内容'),
  images: z.array(z.string().max(200)).max(20).default([]),
  regionId: z.string().max(64).nullable().optional(),
  deputyCode: looseCode,
  stationCode: looseCode,
  /** The deputy or station was chosen in the mini-program (找我的代表, 再写一条), not scanned: she is told so, not 二维码. */
  targetChosen: z.boolean().default(false),
  anonymous: z.boolean().default(false),
  publicConsent: z.boolean().default(false),
  phone: z.string().max(30).nullable().optional(),
  /** No number typed: the one bound through WeChat's phone button is the contact (the write page says so). */
  useAccountPhone: z.boolean().default(false),
  /** She was told these words are already on a message of hers being handled (409 same_message_open) and sends them again. */
  sendAgain: z.boolean().default(false),
})

export const consentBody = z.strictObject({ version: z.string().min(1).max(20) })

export const myCasesQuery = z.strictObject({ ...pageQuery })

/** `done`: what the deputy answered or what is closed (replied, closed), newest first; otherwise one status, or the open ones. */
export const inboxQuery = z.strictObject({ ...pageQuery, status: z.enum([...CASE_STATUSES, 'done']).optional() })
/** 已转出: a page of the messages he handed on himself. */
export const handedOnQuery = z.strictObject({ ...pageQuery })

export const noteBody = z.strictObject({ note: longText().max(500).optional() })
export const replyBody = z.strictObject({ text: text(2000, '答复内容') })
export const forwardBody = z.strictObject({
  department: line(100, '办理部门'),
  reference: singleLine().max(100).nullable().optional(),
  note: longText().max(500).nullable().optional(),
})
export const transferBody = z.strictObject({
  deputyCode: z.string().trim().min(1, '请选择接手的代表').max(40).nullable().optional(),
  reason: text(500, '原因'),
})
export const rateBody = z.strictObject({
  rating: z.number({ error: '评分应为 1–5 的整数' }).int('评分应为 1–5 的整数').min(1, '评分应为 1–5 的整数').max(5, '评分应为 1–5 的整数'),
  comment: longText().max(500).nullable().optional(),
})
export const reasonBody = z.strictObject({ reason: text(500, '原因') })
export const withdrawBody = z.strictObject({ reason: longText().max(500).optional() })

/**
 * `fromDeputyId`: the deputy she saw holding it when she chose (null: nobody); when it changed meanwhile the
 * assign is refused (409 holder_changed) instead of silently taking the message from whoever holds it now.
 */
export const assignBody = z.strictObject({
  deputyId: id,
  note: longText().max(500).optional(),
  fromDeputyId: id.nullable().optional(),
  /**
   * 要求答复日期: a reply deadline earlier than the rules' (a local date, the whole day counting), which the deputy is then
   * held to; no later than the rules' reply deadline, nor a day gone or a day off (the service's 400, replyByRefusal).
   */
  replyBy: z.iso.date({ error: '要求答复日期应为 YYYY-MM-DD 格式的日期' }).optional(),
})
/**
 * 批量分派: the messages ticked (`ids`), to one deputy, with one note and one 要求答复日期 for all, held to the single
 * 分派's rules (assignBody); how many at most is the service's rule (CASE_IDS_MAX, a 422). `fromDeputyIds`, required
 * (the console is its only client): for each message, the deputy her list showed holding it (null: nobody), checked as
 * assignBody's `fromDeputyId`; parsed into the messages ticked, each with that deputy.
 */
export const assignTogetherBody = z
  .strictObject({
    ids: z.array(caseId).min(1, '请选择要分派的留言'),
    fromDeputyIds: z.record(caseId, id.nullable(), { error: '请写明每条留言列表上显示的办理代表' }),
    deputyId: assignBody.shape.deputyId,
    note: assignBody.shape.note,
    replyBy: assignBody.shape.replyBy,
  })
  .superRefine((b, ctx) => {
    const missing = b.ids.filter((i) => !Object.hasOwn(b.fromDeputyIds, i))
    if (missing.length)
      ctx.addIssue({ code: 'custom', path: ['fromDeputyIds'], message: `请写明每条留言列表上显示的办理代表（没有代表的写 null）：${missing.join('、')}` })
  })
  .transform(({ ids, fromDeputyIds, ...rest }) => ({ ...rest, ticked: ids.map((i) => ({ id: i, seenDeputyId: fromDeputyIds[i] ?? null })) }))
export const mergeBody = z.strictObject({ intoCaseId: caseId, note: longText().max(500).optional() })
/** 上报's reason, and `fromDeputyId` as assignBody's: the deputy she saw holding it (null: nobody), checked (holder_changed). */
export const handUpBody = z.strictObject({ reason: reasonBody.shape.reason, fromDeputyId: id.nullable().optional() })

// Said without jargon (no "ISO 8601"), with the shape the console sends.
const isoDateTime = z.iso.datetime({ offset: true, error: '时间格式不对，应写成 2026-12-01T09:00:00+08:00 这样' })
/** `ids=a,b` or `ids=a&ids=b`; how many one list may name is the service's rule (CASE_IDS_MAX, a 422). */
export const caseIdList = z.preprocess(
  (v) =>
    typeof v === 'string' || Array.isArray(v)
      ? [v]
          .flat()
          .flatMap((s) => String(s).split(','))
          .map((s) => s.trim())
      : v,
  z.array(caseId).min(1, '请给出留言编号'),
)
/**
 * A group's messages (a hot issue's, as the inbox's `ids` names them) for 一起催办 and 合并办理, in an address or (a whole
 * hot issue, POST …/urge/plan) a body; how many at most is the service's rule (a 422).
 */
export const caseGroupQuery = z.strictObject({ ids: caseIdList })
/**
 * The same, and one note for every deputy's notice and every message's timeline, as the single 催办's. `fromDeputyIds`:
 * the plan's, each message it would urge with the deputy it showed holding it; one given to another deputy since is not
 * urged (holder_changed), as 批量分派's. The console always sends it; without it, each is urged as it stands.
 */
export const urgeTogetherBody = z.strictObject({
  ids: caseIdList,
  note: noteBody.shape.note,
  fromDeputyIds: z.record(caseId, id, { error: '请把“一起催办”显示的每条留言的办理代表一并发来' }).optional(),
})
export const staffCasesQuery = z.strictObject({
  ...pageQuery,
  // 'merged': 已合并办理, which the list shows as a status of its own (CaseStatusFilter).
  status: z.enum([...CASE_STATUSES, 'merged']).optional(),
  topic: z.string().max(20).optional(),
  regionId: id.optional(),
  stationId: id.optional(),
  deputyId: id.optional(),
  /** 只看已超期: waiting past the reply deadline. */
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** 只看未按时受理: not acknowledged by its deadline, the reply not yet due (never one 已超期). */
  ackLate: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  from: isoDateTime.transform((s) => new Date(s)).optional(),
  to: isoDateTime.transform((s) => new Date(s)).optional(),
  order: z.enum(['newest', 'due']).default('newest'),
  // The dashboard's click-throughs: every figure lists its cases with these.
  open: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  rating: z.coerce.number({ error: '评分应为 1–5 的整数' }).int('评分应为 1–5 的整数').min(1, '评分应为 1–5 的整数').max(5, '评分应为 1–5 的整数').optional(),
  /** 群众不满意: a low score, or reopened and not rated again. */
  unhappy: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  districtId: id.optional(),
  /** The messages a district handles (the dashboard's new messages of a district office, as its 分析周报 counts them). */
  handledIn: id.optional(),
  /** The messages at an office, no station holding them (上报, or no station covers the place): the dashboard's 区人大办. */
  atOffice: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** The search box: a ticket, a short number ("2" is one: a message's number), or words the message contains. */
  q: singleLine()
    .min(1, { error: '请输入要查找的留言内容或编号', abort: true })
    .refine((s) => s.length >= SEARCH_MIN_CHARS || isShortNumber(s), `请至少输入 ${SEARCH_MIN_CHARS} 个字`)
    .max(SEARCH_MAX_CHARS, `最多输入 ${SEARCH_MAX_CHARS} 个字`)
    .optional(),
  /** Only these cases: a hot issue's messages (在留言列表中查看). */
  ids: caseIdList.optional(),
  /** A later page of a number search, asked with where its messages handed away went (the console comes back to it without that note). */
  whereabouts: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
})

/**
 * The inbox's dates in order, else 400 in words: a range from 12月1日 to 11月1日 matched nothing and answered 共 0 条, as
 * if there were no messages (review 38 § 13). A refinement added where a query is parsed (the list, its download), so
 * that staffCasesQuery itself stays a plain object the download's query is cut from.
 */
export const datesInOrder = (q: { from?: Date; to?: Date }, ctx: z.RefinementCtx): void => {
  // Only dates that were read: an unreadable one is already said once, by its own field, not again here.
  if (q.from instanceof Date && q.to instanceof Date && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['from'], message: '开始日期不能晚于结束日期' })
}
/** The console inbox's list query, its dates in order. */
export const staffCasesListQuery = staffCasesQuery.superRefine(datesInOrder)

export const previewBody = z.strictObject({
  text: text(2000, '留言内容'),
  regionId: z.string().max(64).nullable().optional(),
  deputyCode: looseCode,
  stationCode: looseCode,
  at: isoDateTime.transform((s) => new Date(s)).optional(),
})

export const statsQuery = z.strictObject({
  groupBy: z.enum(['station', 'district', 'topic', 'deputy', 'department']).default('station'),
  // Ranked groups paged by number (the console's pager jumps to any page), as the 履职档案 list is: an offset, not a cursor.
  sort: z.enum(STATS_SORTS, { error: '排序方式无效' }).default('total'),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: pageQuery.limit,
  status: z.enum(CASE_STATUSES).optional(),
  topic: z.string().max(20).optional(),
  regionId: id.optional(),
  stationId: id.optional(),
  deputyId: id.optional(),
  from: isoDateTime.transform((s) => new Date(s)).optional(),
  to: isoDateTime.transform((s) => new Date(s)).optional(),
})

/** 隐去漏掉的称呼: the words as they stand in her message (a name or 称呼, two characters at least: one would hit every 王). */
// What may be hidden (a 称呼, not a sentence) and how a reason must read are the service's rules, refused in words
// that say which field and why (OfficePrivacyRequests); the schemas only bound the size.
export const hideWordsBody = z.strictObject({ words: singleLine().max(30, '要隐去的称呼最多 30 字') })
/** 按本人要求删除: how she asked, typed by the clerk (居民来电要求, 居民来访要求). */
export const residentErasureBody = z.strictObject({ reason: longText().max(200, '原因最多 200 字') })
