/**
 * How alike two residents' messages are, for the 相似留言 of a case (messages a clerk may merge): compared as
 * sets of character pairs (Chinese has no spaces), after setting aside punctuation and filler words, by the
 * Dice coefficient or, for a short message found whole in a long one, by containment (see alikeness).
 * Messages that name different places (南门 and 北门, 3号楼 and 5号楼, 12路 and 15路) are never alike: a merge closes a
 * resident's message, so a duplicate missed costs less than another place's problem left unfixed. Nor are messages
 * about different things (电梯 and 路灯, complaint-objects.ts), however many words of their community they share.
 * Hot issues use issueText only and count their own pairs (hot-issue-clusters.ts).
 *
 * Words alone miss a long account of a short message's matter: an elderly resident's polite, rambling letter about the
 * lift shares a quarter of its pairs with her neighbour's "5号楼电梯停运，物业不管" (review 37). So a candidate is also
 * offered when one message's matter is found in the other's (sameComplaint): the same things, a fault in common, and
 * the places of one named by the other too.
 */
import { faultsNamed, sameFault } from './complaint-faults.js'
import { objectsDisagree, objectsNamed } from './complaint-objects.js'

/** A text folded (NFKC), in lower case, without punctuation, symbols, spaces and digits. */
export function cleanText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s\d]/gu, '')
}

/**
 * A text as hot issues compare it (cleanText), without the words that say only where: a community's name
 * (光明社区, 建设路社区, 阳光花园), and a building, entrance, floor, yard or gate (3号楼, 2单元, 南门). The messages of one
 * issue come from one community already, so its name and its buildings are in many of them whatever is wrong there:
 * left in, 光明社区3号楼的电梯 shares five pairs with 光明社区3号楼前的路灯. A bus route stays (公交12路 says the thing too).
 */
export function issueText(text: string): string {
  return cleanText(
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(COMMUNITY_NAME, '')
      .replace(COMMUNITY_WORD, '')
      .replace(PLACE, (written: string, side?: string, building?: string) => (side || building ? '' : written)),
  )
}

/**
 * A community's name as residents write it before 社区, 小区, 花园, 家园 or 新村: two or three characters none of
 * which is a word of a sentence (了, 的, 在, 我, 们, 坏 …), so that 电梯坏了社区不管 keeps its 电梯坏了 and loses only 社区
 * (COMMUNITY_WORD), and 我们光明社区 loses 光明社区 only.
 */
const NOT_IN_A_NAME = '的了在是有我你他她们这那个不没很太也又都还就被把给对和与跟说想要会能坏修堵漏吵臭脏乱整每'
const COMMUNITY_NAME = new RegExp(`[^\\P{Script=Han}${NOT_IN_A_NAME}]{2,3}(?:社区|小区|花园|家园|新村)`, 'gu')
const COMMUNITY_WORD = /社区|小区/gu

/**
 * Words a resident adds when she says the same thing again in her own way (我们小区门口的路灯坏了快一个月了
 * against 小区门口路灯坏了一个月): pronouns, particles and softening adverbs. They say nothing of the
 * problem, yet each one breaks two character pairs, so they are set aside before comparing. An adverb
 * that starts a common word (快递, 还款, 就业, 都市) stays, so the word is not cut in two.
 */
const FILLER = /我们|你们|他们|咱们|已经|[的了啊吧呢吗呀嘛哦很也又]|快(?![递件])|还(?![款钱])|就(?![业医诊])|都(?!市)/gu

/**
 * What any complaint may say, whatever is wrong (反映了很多次都没有人管, 希望尽快解决): found in every
 * long account, so a short message of these words alone would be "contained" in each of them.
 */
const STOCK = /反映|[很好]?[多几]次|没有?人[管理修问]|没有?人处理|希望|尽快|解决|谢谢|麻烦|帮忙|[有相]关部门/gu

/**
 * A place inside a community that tells two problems apart: a gate by its side (南门, 东大门, 后门), a yard (88号院),
 * a building (3号楼, 三栋, A座), an entrance (2单元), a floor (3楼, 十二层), or a bus route (12路, 12路公交, 公交12路:
 * two lines' stops are two places). A number in Chinese numerals is the same number in digits (三号楼 is 3号楼, 十二单元
 * 12单元): a resident may write either. A Chinese numeral before 路 is a route only beside a word for the bus (一路上
 * says "all along the way", 建设二路 is a street); digits before 路口, 路灯, 路面, 路段 are no route.
 */
const CN_NUMERAL = '[一二三四五六七八九十两百零〇]+'
const PLACE = new RegExp(
  `([东南西北前后正侧])(?:边|侧)?大?门` +
    `|([0-9]+|[a-z]|${CN_NUMERAL})\\s*(号楼|号院|栋|幢|座|单元|楼|层)` +
    `|公交车?\\s*([a-z]?[0-9]+|${CN_NUMERAL})\\s*路` +
    `|([a-z]?[0-9]+)\\s*路(?![口灯面段边])` +
    `|(${CN_NUMERAL})\\s*路(?=\\s*(?:公交|公共汽车|汽车|巴士|车))`,
  'gu',
)
const PLACE_KINDS: Record<string, string> = { 单元: 'entrance', 号院: 'yard', 楼: 'floor', 层: 'floor' }

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** A place's number as digits, to compare by: 十二 → 12, 一百零八 → 108, 二〇 → 20 (read digit by digit), 03 → 3, a → a. */
function placeNumber(written: string): string {
  if (/^[一二三四五六七八九十两百零〇]+$/u.test(written)) {
    if (!/[十百]/u.test(written))
      return [...written]
        .map((c) => CN_DIGITS[c])
        .join('')
        .replace(/^0+(?=\d)/, '')
    let total = 0
    let digit = 0
    for (const c of written) {
      if (c === '百' || c === '十') {
        total += (digit || 1) * (c === '百' ? 100 : 10)
        digit = 0
      } else digit = CN_DIGITS[c]
    }
    return String(total + digit)
  }
  return written.replace(/^0+(?=\d)/, '')
}

/** The character pairs of what a message says (see FILLER, STOCK), with the places it names (see PLACE). */
class ContentGrams extends Set<string> {
  /** The things it names as broken or wrong (complaint-objects.ts), as bits. */
  objects = 0
  /** What it says is wrong with them (complaint-faults.ts), as bits. */
  faults = 0
  /** The streets it names by name (建设路, 幸福街: STREET), as written. */
  readonly streets = new Set<string>()
  /**
   * Per kind of place (gate, yard, building, entrance, floor, bus), the ones named, each with its words as the message
   * writes them: gate → {南 → 南门}, building → {3 → 三号楼}.
   */
  readonly places = new Map<string, Map<string, string>>()
}
/**
 * Only contentGrams makes one (the class is exported as a type, not as a value): a plain Set of pairs names no places,
 * so the functions comparing places take this type, and refuse anything else at run time too (differing).
 */
export type { ContentGrams }

/** What a message says, as 相似留言 compare it: its pairs, numbers kept (3号楼 is not 5号楼, 三号楼 is 3号楼), and its places. */
export function contentGrams(text: string): ContentGrams {
  const out = new ContentGrams()
  out.objects = objectsNamed(text)
  out.faults = faultsNamed(text)
  // A community named for its street (建设路社区) names no street: neighbours write it or leave it out.
  for (const street of text.normalize('NFKC').replace(COMMUNITY_NAME, '').matchAll(STREET)) out.streets.add(street[0])
  // Each place's number as digits in the pairs too, so that 三号楼 and 3号楼 read alike in words as well.
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(PLACE, (written: string, side?: string, building?: string, unit?: string, busAfter?: string, busDigits?: string, busNumeral?: string) => {
      const number = building ?? busAfter ?? busDigits ?? busNumeral
      const kind = side ? 'gate' : building ? (PLACE_KINDS[unit!] ?? 'building') : 'bus'
      const name = side ?? placeNumber(number!)
      const named = out.places.get(kind) ?? out.places.set(kind, new Map()).get(kind)!
      if (!named.has(name))
        named.set(
          name,
          written.replace(/\s+/gu, '').replace(/[a-z]/g, (c) => c.toUpperCase()),
        )
      return side ? written : written.replace(number!, name)
    })
  addPairs(
    out,
    folded
      .replace(/[\p{P}\p{S}\s]/gu, '')
      .replace(STOCK, '')
      .replace(FILLER, ''),
  )
  return out
}

/**
 * A short message whose content is found whole in a longer one ("门口路灯坏了一个月" inside a resident's
 * long account of the same lamp) is the same complaint, however much more the other says: Dice, which
 * divides by both lengths, sinks with every sentence added. Only a message with at least this many
 * pairs is judged so: a few common words (小区门口) are found in anything. Below LONG_PAIRS every pair
 * must be found: in a few words, the one pair left out is usually the place (北门 in a 南门 account).
 */
const CONTAINED_MIN_PAIRS = 5
const LONG_PAIRS = 10
const CONTAINED_SHARE_LONG = 0.8

/**
 * How alike two messages are, 0–1, as the 相似留言 of a case see it: 0 when they name different places of
 * one kind (a gate, yard, building, entrance, floor or bus route: both name some, and not the same ones), or different
 * things (both name a thing, none the same: 电梯 and 路灯); else the Dice of their content pairs or, when the shorter
 * one (of enough pairs) is found whole in the other, that share.
 */
export function alikeness(a: ContentGrams, b: ContentGrams): number {
  if (!a.size || !b.size || placesDiffer(a, b) || objectsDisagree(a.objects, b.objects)) return 0
  const shared = sharedCount(a, b)
  const dice = (2 * shared) / (a.size + b.size)
  const shorter = Math.min(a.size, b.size)
  if (shorter < CONTAINED_MIN_PAIRS) return dice
  const contained = shared / shorter
  return contained >= (shorter < LONG_PAIRS ? 1 : CONTAINED_SHARE_LONG) ? Math.max(dice, contained) : dice
}

/**
 * Whether two messages name different places of one kind: both name a gate (or yard, building, entrance, floor, bus
 * route), and not the same ones. Only on what contentGrams made (see ContentGrams); anything else is refused aloud.
 */
export function placesDiffer(a: ContentGrams, b: ContentGrams): boolean {
  return differing(a, b, true) !== null
}

/**
 * The places two messages name differently, as each writes them (here: a's, there: b's; kinds in a's order), or null
 * when none differ: for the words of a refused merge (这条说的是北门，那条说的是南门).
 */
export function placesApart(a: ContentGrams, b: ContentGrams): { here: string[]; there: string[] } | null {
  return differing(a, b, false)
}

/** placesApart, or at the first kind that differs an empty answer (placesDiffer asks only whether). */
function differing(a: ContentGrams, b: ContentGrams, first: boolean): { here: string[]; there: string[] } | null {
  if (!(a instanceof ContentGrams) || !(b instanceof ContentGrams)) throw new TypeError('places are compared only on what contentGrams made')
  let apart: { here: string[]; there: string[] } | null = null
  for (const [kind, here] of a.places) {
    const there = b.places.get(kind)
    if (!there || (there.size === here.size && [...here.keys()].every((p) => there.has(p)))) continue
    if (first) return { here: [], there: [] }
    apart ??= { here: [], there: [] }
    apart.here.push(...here.values())
    apart.there.push(...there.values())
  }
  return apart
}

/**
 * Candidates at least `threshold` alike (alikeness), or about the same complaint (sameComplaint), most alike
 * first. `gramsOf` may be a kept copy of contentGrams, so that a page comparing many messages with the same
 * candidates reads each once.
 */
export function mostSimilar<T extends { id: string; text: string }>(
  text: string,
  candidates: T[],
  threshold: number,
  gramsOf: (text: string) => ContentGrams = contentGrams,
): Array<{ item: T; score: number }> {
  const mine = gramsOf(text)
  return candidates
    .map((item) => {
      const theirs = gramsOf(item.text)
      const score = alikeness(mine, theirs)
      return { item, score, kept: score >= threshold || sameComplaint(mine, theirs) }
    })
    .filter((x) => x.kept)
    .map(({ item, score }) => ({ item, score }))
    .sort((x, y) => y.score - x.score || x.item.id.localeCompare(y.item.id))
}

/**
 * A street named by its name before 路, 街, 巷 or 大道 (建设路, 幸福街, 中山北路): two characters, neither one of a
 * sentence's small words, and not a word that only says "road" (马路, 道路, 走路, 修路, 一路上, 这条路, 十字路口).
 * Neighbours of one community write about its different streets' lamps and drains.
 */
const NOT_BEFORE_ROAD = '马道走修一上公铁出半小大这那条段去回带让问网线电水思来进前后拐绕迷堵封字弯山区门'
/** Words that lead to a road, not name it ("污水流到路上", "从建设路过来" keeps 建设路). */
const NOT_IN_A_STREET = '过从到往沿流漫'
const STREET = new RegExp(
  `[^\\P{Script=Han}${NOT_IN_A_NAME}${NOT_IN_A_STREET}][^\\P{Script=Han}${NOT_IN_A_NAME}${NOT_IN_A_STREET}${NOT_BEFORE_ROAD}][东西南北中]?(?:大道|大街|路(?![灯面])|街|巷)`,
  'gu',
)

/**
 * Whether two messages make the same complaint though their words differ, the longer perhaps an account holding the
 * shorter's matter ("5号楼电梯停运，物业不管" in an elderly resident's letter about her lift, written with other words):
 * both name the same things (电梯, and nothing else on one side only: "电梯和楼道灯都坏了" is more than "楼道灯坏了",
 * and merging it there would leave the lift undone), say a fault in common (坏、停运 against 贴满广告 or 收费太高:
 * another matter about the same lift), and every place the shorter names is named by the longer too (5号楼 against
 * 5号楼 and 六楼 is alike; 北门 against 大门, or 3号楼 against 5号楼, is not), streets by name as well. Only ever
 * asked of one community's messages of the last weeks (CaseQueries.similarFinder).
 */
export function sameComplaint(a: ContentGrams, b: ContentGrams): boolean {
  if (!a.objects || a.objects !== b.objects || !sameFault(a.faults, b.faults)) return false
  const found = (short: ContentGrams, long: ContentGrams) => placesWithin(short, long) && within(short.streets, long.streets)
  if (a.size === b.size) return found(a, b) || found(b, a)
  return a.size < b.size ? found(a, b) : found(b, a)
}

/** Every place `a` names (of every kind) is one `b` names too. */
function placesWithin(a: ContentGrams, b: ContentGrams): boolean {
  for (const [kind, here] of a.places) {
    const there = b.places.get(kind)
    if (!there || ![...here.keys()].every((p) => there.has(p))) return false
  }
  return true
}

function within(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return [...a].every((x) => b.has(x))
}

function addPairs(out: Set<string>, cleaned: string): void {
  const chars = [...cleaned]
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1])
  if (chars.length === 1) out.add(chars[0])
}

function sharedCount(a: Set<string>, b: Set<string>): number {
  let shared = 0
  for (const g of a) if (b.has(g)) shared++
  return shared
}
