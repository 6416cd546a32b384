import type { Person } from './client.js'
import type { Flow } from './flows/dialogue-state.js'
import { compact } from './typed-text.js'

/**
 * A resident's data rights as she asks for them in her own words ("我要看我的信息", "把我的信息删了", "我想改一下电话",
 * "我电话换了"), beyond the fixed phrases of the menu. Only a whole message that asks for her own data counts: a
 * possessor other than her ("邻居的电话", "物业电话改了") or more words after it ("我的信息被泄露了") leave it a
 * message for a deputy. Pure words, no I/O.
 */

/** `deleteWhich`: "删除" alone ("我要删除", "删掉吧"), which may mean her information or a message: she is asked which. */
export type EverydayPrivacyRequest = { kind: 'myData' } | { kind: 'erase' } | { kind: 'changePhone' } | { kind: 'deleteWhich' }

/** Politeness and wanting before the request: "你好，请问我想…", "麻烦帮我…", "能不能…". */
const LEAD = /^(?:你好|您好|请问|麻烦你|麻烦您|麻烦|请|我(?![的留登家])|俺|想|要|想要|需要|得|能|可以|能不能|可不可以|怎么|怎样|如何|帮我|给我|替我|再|就)/
/** Particles and asking words after it: "…吧", "…可以吗", "…怎么弄". */
const TAIL = /(?:吧|啊|呀|呢|吗|嘛|哈|了|一下|可以吗|可以不|行吗|行不行|好吗|怎么弄|怎么办|怎么操作|在哪里?|在哪儿)$/

/** Hers: "我的", "我留的", "留言里的" — never another person's or a place's. */
const MINE = '(?:我的|我|俺的|我家的?|家里的?|我留的|我留下的|我登记的|留言里的?|留言上的?|我留言里的?|留的|登记的)?'
const PHONE = '(?:联系)?(?:电话号码|手机号码|电话号|手机号|电话|手机|号码|联系方式)'
const DATA = '(?:个人)?(?:信息|资料|数据)'

const CHANGE_PHONE = [
  // "改一下电话", "换个手机号", "更正我留的电话", "换了新号码", "电话怎么改"
  new RegExp(
    `^(?:改|修改|更改|更正|改正|纠正|换|更换|变更)(?:了|一下|下)?(?:个|一个)?(?:新的?)?${MINE}${PHONE}(?:号)?(?:怎么改|在哪改|在哪里改|能改|可以改)?$`,
  ),
  // "我电话换了", "电话号码写错了", "手机号不对", "我的手机号换新的了"
  new RegExp(`^${MINE}${PHONE}(?:号)?(?:写错|留错|填错|弄错|错|不对|换|变|改|换新的|停机|不用)了?$`),
  new RegExp(`^${MINE}${PHONE}(?:号)?(?:怎么改|在哪改|在哪里改|能改|可以改|能不能改|要改|想改)$`),
]

const MY_DATA = [
  // "我要看我的信息", "查一下我的资料", "导出我的个人信息", "我的信息在哪看"
  new RegExp(
    `^(?:看|看看|看一看|查|查查|查看|查询|导出|下载|调出|调取|打印|拿)?(?:一下)?(?:我的|我|俺的)${DATA}(?:在哪看|在哪里看|怎么看|怎么查|怎么导出|有哪些|有什么|是什么|都有什么)?$`,
  ),
  // "把我的信息发给我", "我的资料导出来"
  new RegExp(`^把?(?:我的|我)${DATA}(?:导出来?|调出来|发给我|给我看看?|给我)$`),
  // "你们存了我什么信息", "你们都保存了我哪些资料", "你们有我哪些信息"
  /^你们(?:都)?(?:存|保存|记|记下|留|收集|有)(?:了|着)?(?:我|我的)(?:哪些|什么|多少)(?:个人)?(?:信息|资料|数据|东西)?$/,
]

const ERASE = [
  // "删掉我的信息", "清除我的个人资料", "注销我的账号"
  new RegExp(`^(?:删除|删掉|删了|删|清除|清空|销毁|注销)(?:掉)?(?:我的|我)(?:${DATA}|账号|账户)$`),
  // "把我的信息删了", "我的资料都删掉"
  new RegExp(`^把?(?:我的|我)${DATA}(?:都|全部|全都|全)?(?:删除|删掉|删了|删|清除|清空|销毁)(?:掉)?$`),
  /^(?:注销|注销掉)(?:我的)?(?:账号|账户)$/,
  // "确认删除" with nothing asked: she means to delete, and is shown what goes before she confirms.
  /^确认删除$/,
  // "不想让你们保存我的信息了"
  new RegExp(`^不(?:想|要|让|想让|要让)(?:你们)?(?:保存|存|留着|留|记着)(?:我的)?${DATA}$`),
]

/** "删除", "删掉", "删了" with nothing after it: deleting, but not said what. */
const BARE_DELETE = /^(?:删除|删掉|删去|删|清除|清空|删除掉)$/

/** Strips what is said around a request, over and over: "你好，请问我想改一下电话吧？" → "改电话" (and its like). */
function core(text: string): string {
  let t = compact(text).replace(/[\p{P}\p{S}]/gu, '')
  for (let before = ''; before !== t;) {
    before = t
    t = t.replace(LEAD, '').replace(TAIL, '')
  }
  return t
}

/**
 * Her own data asked for in her words: to see it (or a copy), to delete it, to change her phone, or "删除" alone (which
 * thing is asked); null for any other words.
 */
export function privacyInEverydayWords(text: string): EverydayPrivacyRequest | null {
  const full = compact(text)
  // A sentence that goes on is a message ("我想改一下电话，路灯还是坏的"): only short asks are read.
  if ([...full].length > 24) return null
  const t = core(text)
  if (!t) return null
  if (CHANGE_PHONE.some((re) => re.test(t))) return { kind: 'changePhone' }
  if (ERASE.some((re) => re.test(t))) return { kind: 'erase' }
  if (MY_DATA.some((re) => re.test(t))) return { kind: 'myData' }
  if (BARE_DELETE.test(t)) return { kind: 'deleteWhich' }
  return null
}

/**
 * Where a resident's own words are read for these requests: with nothing going on, at the privacy notice, and while
 * she is asked about words after a score. Not while she writes a message or says why an answer did not help: there
 * "我的电话换了" may be words of it, and only the fixed phrases ("我的信息", "删除我的信息") are taken as requests. Nor
 * from a deputy or staff member: "我电话换了" is then about the phone the station keeps for him, not a message's.
 */
export const everydayWordsHeard = (flow: Flow | null, person: Pick<Person, 'deputy' | 'staff'>) =>
  !person.deputy && !person.staff && (!flow || flow.name === 'comment' || flow.name === 'privacy')
