import type { z } from 'zod'

/**
 * Plain Chinese for every validation problem a schema does not word itself, so no person
 * ever reads zod's "无效输入：期望 string，实际接收 number". `{field}` stands for the field's
 * name and is filled in from the path (see fieldLabel); schemas' own messages never hold it.
 */
export const FIELD = '{field}'

const TYPE_WORDS: Record<string, string> = {
  string: '应为文字',
  number: '应为数字',
  int: '应为整数',
  boolean: '应为 true 或 false',
  array: '应为列表',
  object: '格式不对',
  date: '应为日期',
  bigint: '应为整数',
}

const FORMAT_WORDS: Record<string, string> = {
  url: '应为网址',
  email: '应为电子邮箱地址',
  datetime: '应为带时区的时间，例如 2026-12-01T09:00:00+08:00',
  date: '应为日期，例如 2026-12-01',
  time: '应为时间，例如 09:00',
  uuid: '编号格式不对',
  regex: '格式不对',
}

const countWord = (origin: unknown) => (origin === 'string' ? '个字' : origin === 'array' || origin === 'set' ? '项' : '')

/** The message for one issue, `{field}` left for the caller; undefined keeps zod's own. */
export function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  const i = issue as z.core.$ZodRawIssue & Record<string, unknown>
  switch (i.code) {
    case 'invalid_type':
      if (i.input === undefined) return `请填写${FIELD}`
      return `${FIELD}${TYPE_WORDS[String(i.expected)] ?? '格式不对'}`
    case 'too_small': {
      const min = Number(i.minimum)
      if (i.origin === 'string') return min <= 1 ? `请填写${FIELD}` : `${FIELD}至少 ${min} 个字`
      if (i.origin === 'array' || i.origin === 'set') return `${FIELD}至少要有 ${min} 项`
      return `${FIELD}不能小于 ${min}`
    }
    case 'too_big': {
      const max = Number(i.maximum)
      const unit = countWord(i.origin)
      return unit ? `${FIELD}最多 ${max} ${unit}` : `${FIELD}不能大于 ${max}`
    }
    case 'invalid_format':
      return `${FIELD}${FORMAT_WORDS[String(i.format)] ?? '格式不对'}`
    case 'invalid_value': {
      const values = (i.values as unknown[] | undefined) ?? []
      return values.length === 1 ? `${FIELD}应为 ${String(values[0])}` : `${FIELD}只能是以下之一：${values.map(String).join('、')}`
    }
    case 'not_multiple_of':
      return Number(i.divisor) === 1 ? `${FIELD}应为整数` : `${FIELD}应为 ${String(i.divisor)} 的倍数`
    case 'invalid_union':
      return `${FIELD}格式不对`
    case 'invalid_key':
    case 'invalid_element':
      return `${FIELD}里有不符合要求的内容`
    case 'custom':
      return `${FIELD}不符合要求`
    default:
      return undefined
  }
}

/** Chinese names of the fields people meet most; others are "此项". */
const FIELD_LABELS: Record<string, string> = {
  text: '内容',
  title: '标题',
  name: '名称',
  description: '说明',
  summary: '摘要',
  body: '正文',
  reason: '原因',
  note: '备注',
  comment: '评语',
  comments: '意见',
  address: '地址',
  phone: '电话号码',
  limit: '每页条数',
  cursor: '翻页位置',
  rating: '评分',
  code: '代码',
  bindCode: '绑定码',
  username: '用户名',
  password: '密码',
  regionId: '地区',
  regionIds: '地区',
  stationId: '联络站',
  stationIds: '联络站',
  deputyId: '代表',
  deputyIds: '代表',
  deputyCode: '代表代码',
  stationCode: '联络站代码',
  status: '状态',
  topic: '主题',
  topics: '关注领域',
  from: '开始时间',
  to: '结束时间',
  startsAt: '开始时间',
  endsAt: '结束时间',
  opensAt: '开始时间',
  closesAt: '结束时间',
  place: '地点',
  agenda: '议程',
  options: '选项',
  answers: '答案',
  answer: '答案',
  images: '图片',
  kind: '类型',
  level: '级别',
  role: '角色',
  date: '日期',
  time: '时间',
  department: '承办部门',
  reference: '文号',
  stem: '题干',
  question: '题目',
  questions: '题目',
  points: '分值',
  tags: '标签',
  explanation: '解析',
  receptionDays: '接待日',
  receptionHours: '接待时间',
  dutyDates: '值班日期',
  anonymous: '匿名',
  publicConsent: '是否同意公开',
  response: '回复',
  reflection: '心得',
  source: '来源',
  url: '网址',
  q: '搜索词',
  id: '编号',
  ticket: '留言编号',
  version: '版本',
  results: '订阅结果',
  count: '数量',
  timeLimitSeconds: '答题时限',
}

/** The field's Chinese name from its path: the last named key ("options[2]" → 选项). */
export function fieldLabel(path: ReadonlyArray<PropertyKey>): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i]
    if (typeof key === 'string') return FIELD_LABELS[key] ?? '此项'
  }
  return '此项'
}
