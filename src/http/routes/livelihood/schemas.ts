import { z } from 'zod'
import { longText, requiredLine, requiredText } from '../../../domain/free-text.js'
import { DEPUTY_LEVELS } from '../../../domain/directory.js'
import { ID_PATTERN } from '../../../domain/directory-import.js'
import { RATING_GRADES } from '../../../domain/livelihood.js'

const id = z.string().regex(ID_PATTERN, '编号格式无效')
const instant = z.iso.datetime({ offset: true, error: '时间应为带时区的 ISO 8601 格式' }).transform((s) => new Date(s))

export const livelihoodIdParam = z.strictObject({ id })

export const cycleCreateBody = z.strictObject({
  office: z.union([z.literal('city'), id], { error: '请选择本级人大（city 或区县编号）' }),
  year: z.number({ error: '请填写年度' }).int().min(2000, '年度有误').max(2100, '年度有误'),
  title: requiredLine(60, '名称'),
  opensAt: instant,
  closesAt: instant,
  projectCount: z.number({ error: '请填写确定几个项目' }).int().min(1, '至少确定 1 个项目').max(50, '最多确定 50 个项目'),
})

export const ballotBody = z.strictObject({
  /** Absent: now, by the server's clock; `closesAt` absent: a week after it opens. */
  opensAt: instant.optional(),
  closesAt: instant.optional(),
  roll: z
    .strictObject({
      levels: z.array(z.enum(DEPUTY_LEVELS)).optional(),
      districtIds: z.array(id).optional(),
      deputyIds: z.array(id).optional(),
    })
    .optional(),
})

/** Confirming the ballot: only a tie across the last place needs more, the 主任会议's decision on it. */
export const ballotResultBody = z.strictObject({
  tieDecision: z
    .strictObject({
      chosen: z.array(id).min(1, '请选择列入的项目').max(50),
      basis: requiredLine(100, '决定依据'),
    })
    .optional(),
})

const candidateFields = {
  title: requiredLine(60, '项目名称'),
  description: requiredText(1000, '项目内容'),
  place: requiredLine(100, '实施地点'),
  costWan: z.number({ error: '请填写估算投资（万元）' }).min(0, '估算投资不能为负').max(10_000_000, '估算投资有误'),
  unitId: id,
  proposalIds: z.array(id).max(200),
}
export const candidateCreateBody = z.strictObject({ ...candidateFields, proposalIds: candidateFields.proposalIds.default([]) })
/**
 * A correction: the fields changed, and `version`, the candidate's version the console read (optional: without it the
 * version read by the request is the one checked in the write); another's correction since is 409 stale_candidate.
 */
export const candidateEditBody = z
  .strictObject({ ...candidateFields, version: z.number({ error: '版本号有误' }).int('版本号有误').min(0, '版本号有误') })
  .partial()
  .refine((b) => Object.entries(b).some(([k, v]) => k !== 'version' && v !== undefined), { message: '请至少修改一项' })

export const declineBody = z.strictObject({ note: requiredText(300, '未列入的理由') })

/** 撤回 a candidate: without a note its proposals go back to be sorted; with one they are not taken up, for that reason. */
export const withdrawBody = z.strictObject({ note: requiredText(300, '不列入的理由').optional() })

export const progressBody = z.strictObject({
  quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: '季度应为 1 到 4' }),
  percent: z.number({ error: '请填写完成进度' }).int('完成进度应为整数').min(0, '完成进度在 0 到 100 之间').max(100, '完成进度在 0 到 100 之间'),
  text: requiredText(1000, '进展情况'),
  // Uploaded first (POST /api/unit/uploads) by the one reporting; checked in the route.
  photos: z.array(z.string().max(300)).max(6, '最多 6 张照片').default([]),
})

export const proposalBody = z.strictObject({
  title: requiredLine(60, '项目名称'),
  description: requiredText(1000, '要办什么事'),
  place: requiredLine(100, '在什么地方'),
  reason: longText().max(1000, '理由最多 1000 字').default(''),
  photos: z.array(z.string().max(300)).max(1, '最多一张照片').default([]),
  consentVersion: z.string({ error: '请先阅读并同意征集须知' }).min(1, '请先阅读并同意征集须知').max(40),
})

export const ratingBody = z.strictObject({
  grade: z.enum(RATING_GRADES, { error: '请选择满意、基本满意或不满意' }),
  comment: longText().max(500, '意见最多 500 字').default(''),
})
