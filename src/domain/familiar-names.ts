/**
 * How neighbours name each other in a message: 老 or 小 and a surname ("老王家的旧家具", "找小张", "老李头"). A person
 * named, as "王大爷" is: the surname goes ("老某", "小某", "老某头"), the form stays, so the sentence still reads.
 *
 * Deliberately eager, as pii-mask is: where a word starts (the start, after a stop, or after a word that stands before a
 * person: 邻居, 楼下, 跟, 请, 告诉 …) a familiar name is taken whatever follows it ("请小张看一下", "老王媳妇", "物业小李姐",
 * "小陈医生"); inside running text, when what follows is a word that follows a name ("昨天老王说"). 老 and 小 start
 * many ordinary words, and many surnames are ordinary characters too: those words are listed (ORDINARY) and stay.
 */
import { SURNAMES } from './surnames.js'

const FAMILIAR = new RegExp(`([老小])([${SURNAMES}])(头?)`, 'g')
const HAN = /[\u4e00-\u9fa5]/
/** The last character of a word that stands before a person: 楼下老王, 邻居老王, 物业小张, 和小李, 联系老刘, 告诉小王. */
const BEFORE = new Set([
  ...'的和与跟同及或请找是给让对向问下上边壁门家里位个说叫了到有在把被帮等称喊区楼户院室们业工员洁修管居事友记任长机安哥姐弟妹伴系知诉烦谢告见某',
])
/** The first character of what usually follows a name: 老王家, 老王说, 小张也, 老李答应, 小王他们, 小张周六来. */
const AFTER = new Set([...'家的说和与跟及也又就都还在是把被给让对向找去来到要想不没答同帮已会一他她两老小反今明昨周早晚每刚先再上下'])
/**
 * Ordinary words that start with 老 or 小 and a surname's character, as residents write them: 小康家庭, 老胡同里,
 * 小于10米 and 不小于 (a comparison; "请小于看一下" names 小于), 墙上有个小孔, 花小钱, 一小段, 在小程序里, 小高层住宅,
 * 我家小孙女, 小石子, 小范围, 老毛病, 养老金, 小马扎, 小黄车, 老顾客, 原来的老单位 … Tried where a name would start.
 */
const ORDINARY = new RegExp(
  [
    '小康',
    '[老小]胡同',
    '小于(?=\\s*(?:[0-9０-９一二三四五六七八九十两半百千万几等或]|[上下]限))',
    '(?<=[不或])小于',
    '小孔',
    '小钱',
    '小段',
    '小程序',
    '小高层',
    '小孙[女子]',
    '小石[头子块板]',
    '小范围',
    '[老小]毛病',
    '(?<=养)老金',
    '小马[扎路]',
    '小黄车',
    '小龙虾',
    '小叶榕',
    '小牛电',
    '[老小]单[位元间]',
    '老顾客',
    '老黄历',
    '老安置',
  ].join('|'),
  'y',
)

/** The text with every familiar name's surname masked ("老某", "小某", "老某头"); ordinary words stay. */
export function familiarNamesMasked(text: string): string {
  let out = ''
  let done = 0
  for (const m of text.matchAll(FAMILIAR)) {
    const [, form, , head] = m
    const at = m.index
    const before = at === done && done > 0 ? '某' : text[at - 1]
    // 老李头: 头 belongs to the name only after 老 (小石头 is a pebble).
    const tail = head && form === '老' ? head : ''
    const end = at + form.length + 1 + tail.length
    const after = text[end]
    const wordStarts = !before || !HAN.test(before) || BEFORE.has(before)
    const nameEnds = !after || !HAN.test(after) || AFTER.has(after)
    ORDINARY.lastIndex = at
    if (!(wordStarts || nameEnds) || ORDINARY.test(text)) continue
    out += `${text.slice(done, at)}${form}某${tail}`
    done = end
  }
  return done ? out + text.slice(done) : text
}
