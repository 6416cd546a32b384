import { z } from 'zod'
import { ID_PATTERN } from '../../../domain/directory-import.js'
import { requiredLine, requiredText, longText, singleLine } from '../../../domain/free-text.js'
import { SUGGESTION_STATUSES } from '../../../domain/suggestion.js'
import { pageQuery } from '../../schemas.js'

const suggestionId = z.string().regex(/^sg-[0-9a-f-]{36}$/, '建议编号格式无效')
const unitId = z.string().regex(ID_PATTERN, '单位编号格式无效')
const caseId = z.string().regex(/^cs-[0-9a-f-]{36}$/, '留言编号格式无效')
const date = z.iso.date('日期应为 YYYY-MM-DD')
const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional()
const year = z.coerce.number().int('年份应为四位数字').min(2000, '年份应为四位数字').max(2100, '年份应为四位数字')

export const suggestionIdParam = z.strictObject({ id: suggestionId })
export const requestIdParam = z.strictObject({ id: suggestionId, requestId: z.string().regex(/^rq-[0-9a-f-]{36}$/, '申请编号格式无效') })

const attachmentIds = z.array(z.string().max(200)).max(9, '最多 9 个附件')
const caseIds = z.array(caseId).max(20, '最多关联 20 条留言')

export const draftBody = z.strictObject({
  title: requiredLine(100, '标题'),
  body: requiredText(5000, '建议内容'),
  attachmentIds: attachmentIds.optional(),
  caseIds: caseIds.optional(),
})
export const editBody = z.strictObject({
  title: requiredLine(100, '标题').optional(),
  body: requiredText(5000, '建议内容').optional(),
  attachmentIds: attachmentIds.optional(),
  caseIds: caseIds.optional(),
})
export const deputyListQuery = z.strictObject({ ...pageQuery, box: z.enum(['mine', 'cosign']).default('mine') })
export const cosignInvitationBody = z.strictObject({
  days: z.number({ error: '天数应为 1–30 的整数' }).int('天数应为 1–30 的整数').min(1, '天数应为 1–30 的整数').max(30, '天数应为 1–30 的整数').default(7),
  /** Whom to ask by name; absent: the other deputies of his stations. */
  deputyIds: z.array(z.string().regex(ID_PATTERN, '代表编号格式无效')).max(30, '最多邀请 30 位代表').optional(),
})
/** 邀请附议's picker: words of a deputy's name; none, his stations' colleagues. */
export const cosignerChoicesQuery = z.strictObject({ q: singleLine().max(20, '姓名最多 20 个字').optional() })
export const ratingBody = z.strictObject({
  score: z.enum(['satisfied', 'basically_satisfied', 'dissatisfied'], { error: '请选择：满意、基本满意或不满意' }),
  comment: longText().max(500, '意见最多 500 字').default(''),
})

export const officeListQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(SUGGESTION_STATUSES).optional(),
  year: year.optional(),
  unitId: unitId.optional(),
  q: singleLine().max(50).optional(),
  keySupervision: flag,
  overdue: flag,
})
export const statsQuery = z.strictObject({ year })
export const summaryQuery = z.strictObject({})
export const reviewBody = z.strictObject({
  decision: z.enum(['accept', 'merge', 'return', 'convert'], { error: '请选择：立案、并案、退回或转为群众留言' }),
  reason: longText().max(500, '理由最多 500 字').optional(),
  mergeInto: suggestionId.optional(),
})
export const assignmentBody = z.strictObject({
  leadUnitId: unitId,
  coUnitIds: z.array(unitId).max(10, '最多 10 个协办单位').optional(),
  deadline: date.optional(),
  keySupervision: z.boolean().optional(),
  supervisionLeader: singleLine().max(30, '督办领导最多 30 字').nullable().optional(),
})
export const urgeBody = z.strictObject({ note: longText().max(300, '附言最多 300 字').optional() })
export const superviseBody = z.strictObject({ note: requiredText(500, '督办意见') })
export const decisionBody = z.strictObject({ approve: z.boolean({ error: '请选择同意或不同意' }), note: longText().max(500).nullable().optional() })

export const unitListQuery = z.strictObject({ ...pageQuery, status: z.enum(SUGGESTION_STATUSES).optional() })
export const answerBody = z.strictObject({
  category: z.enum(['resolved', 'in_progress', 'for_reference'], { error: '请选择：已解决、正在解决或列入计划、留作参考' }).optional(),
  text: requiredText(5000, '答复内容'),
  /** With 正在解决或列入计划: the day the unit promises the work done. */
  plannedBy: date.optional(),
})
export const unitRequestBody = z.strictObject({
  kind: z.enum(['extension', 'change_unit'], { error: '请选择：延期或更换主办单位' }),
  reason: requiredText(500, '理由'),
  days: z
    .number({ error: '延期天数应为 1–90 的整数' })
    .int('延期天数应为 1–90 的整数')
    .min(1, '延期天数应为 1–90 的整数')
    .max(90, '延期天数应为 1–90 的整数')
    .optional(),
  proposedUnitId: unitId.optional(),
})

export const publicListQuery = z.strictObject({ ...pageQuery, year: year.optional() })
