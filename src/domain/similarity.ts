/**
 * How alike two residents' messages are, for the 相似留言 of a case (messages a clerk may merge): compared as
 * sets of character pairs (Chinese has no spaces), after setting aside punctuation and filler words, by the
 * Dice coefficient or, for a short message found whole in a long one, by containment (see alikeness).
 * Messages that name different places (南门 and 北门, 3号楼 and 5号楼) are never alike: a merge closes a
 * resident's message, so a duplicate missed costs less than another place's problem left unfixed.
 * Hot issues use cleanText only and count their own pairs (hot-issue-clusters.ts).
 */

/** A text as hot issues compare it: folded (NFKC), lower case, without punctuation, symbols, spaces and digits. */
export function cleanText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s\d]/gu, '')
}

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
 * a building (3号楼, 三栋, A座), an entrance (2单元) or a floor (3楼, 十二层). A number as written: 三号楼 and 3号楼
 * read as two places, a duplicate missed rather than another building's problem offered.
 */
const PLACE = /([东南西北前后正侧])(?:边|侧)?大?门|([0-9]+|[a-z]|[一二三四五六七八九十两]+)\s*(号楼|号院|栋|幢|座|单元|楼|层)/gu
const PLACE_KINDS: Record<string, string> = { 单元: 'entrance', 号院: 'yard', 楼: 'floor', 层: 'floor' }

/** The character pairs of what a message says (see FILLER, STOCK), with the places it names (see PLACE). */
export class ContentGrams extends Set<string> {
  /** Per kind of place (gate, yard, building, entrance, floor), the ones named: gate → {南}, building → {3}. */
  readonly places = new Map<string, Set<string>>()
}

/** What a message says, as 相似留言 compare it: its pairs, digits kept (3号楼 is not 5号楼), and its places. */
export function contentGrams(text: string): ContentGrams {
  const folded = text.normalize('NFKC').toLowerCase()
  const out = new ContentGrams()
  for (const m of folded.matchAll(PLACE)) {
    const kind = m[1] ? 'gate' : (PLACE_KINDS[m[3]] ?? 'building')
    const name = m[1] ?? m[2]
    const named = out.places.get(kind) ?? out.places.set(kind, new Set()).get(kind)!
    named.add(name)
  }
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
 * one kind (a gate, yard, building, entrance or floor: both name some, and not the same ones); else the Dice of their
 * content pairs or, when the shorter one (of enough pairs) is found whole in the other, that share.
 */
export function alikeness(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size || placesDiffer(a, b)) return 0
  const shared = sharedCount(a, b)
  const dice = (2 * shared) / (a.size + b.size)
  const shorter = Math.min(a.size, b.size)
  if (shorter < CONTAINED_MIN_PAIRS) return dice
  const contained = shared / shorter
  return contained >= (shorter < LONG_PAIRS ? 1 : CONTAINED_SHARE_LONG) ? Math.max(dice, contained) : dice
}

export function placesDiffer(a: Set<string>, b: Set<string>): boolean {
  if (!(a instanceof ContentGrams) || !(b instanceof ContentGrams)) return false
  for (const [kind, here] of a.places) {
    const there = b.places.get(kind)
    if (there && (there.size !== here.size || [...here].some((p) => !there.has(p)))) return true
  }
  return false
}

/**
 * Candidates at least `threshold` alike (alikeness), most alike first. `gramsOf` may be a kept copy
 * of contentGrams, so that a page comparing many messages with the same candidates reads each once.
 */
export function mostSimilar<T extends { id: string; text: string }>(
  text: string,
  candidates: T[],
  threshold: number,
  gramsOf: (text: string) => Set<string> = contentGrams,
): Array<{ item: T; score: number }> {
  const mine = gramsOf(text)
  return candidates
    .map((item) => ({ item, score: alikeness(mine, gramsOf(item.text)) }))
    .filter((x) => x.score >= threshold)
    .sort((x, y) => y.score - x.score || x.item.id.localeCompare(y.item.id))
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
