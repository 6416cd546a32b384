/**
 * The thing a resident's message says is broken or wrong (电梯, 路灯, 楼道灯, 下水道 …), so that two messages are
 * held for one problem only when they are about the same thing. Residents of one community share many words
 * (光明社区3号楼…坏了…老人…), and a measure of shared characters alone once put a broken lift into the street-light
 * issue of 热点问题 (review 33). Each message's things are a small set of kinds, kept as bits of a number so that
 * hot issues can compare a province's month of messages without allocating.
 *
 * Hand-written from what residents write about a community's everyday problems; a kind's words are those a resident
 * uses for that one thing and for nothing else (水管 is the water supply, 下水管 the drains).
 */

/** The kinds of thing, each with the words that name it. At most 31 kinds: they are the bits of a 32-bit number. */
const OBJECT_WORDS: ReadonlyArray<readonly [kind: string, words: RegExp]> = [
  // A lift to be built is another matter than one that is broken: 加装电梯 is paperwork and money, not repairs.
  ['lift', /(?<!加装|安装|增设|新装)电梯|升降梯/u],
  ['lift_install', /(?:加装|安装|增设|新装)电梯/u],
  ['street_light', /路灯|街灯|(?:马路|路边|路旁|道路)[^，。！？,.!?]{0,2}灯/u],
  ['stair_light', /(?:楼道|楼梯|走廊|过道)[^，。！？,.!?]{0,3}灯|声控灯|感应灯/u],
  ['traffic_light', /红绿灯|信号灯|交通灯/u],
  ['drain', /下水|排水|污水|化粪池|窨井|返水|反水|积水|马桶堵/u],
  ['manhole', /井盖/u],
  ['water_supply', /自来水|停水|断水|水压|(?<![下排污])水管|水表|水龙头|水质|供水/u],
  ['leak', /漏水|漏雨|渗水|渗漏/u],
  ['heating', /暖气|供暖|供热|地暖/u],
  ['gas', /燃气|天然气|煤气/u],
  ['power', /停电|断电|电线|电路|电表|电箱|跳闸|供电|电压/u],
  ['charging', /充电/u],
  ['garbage', /垃圾|清运|废品/u],
  ['noise', /噪音|噪声|太吵|吵闹|吵得|扰民|广场舞/u],
  ['parking', /停车|车位|乱停|(?<!公交)车停|车库/u],
  ['road', /路面|坑洼|人行道|修路/u],
  ['trees', /树木|大树|树枝|树叶|修剪|绿化|草坪|砍树/u],
  ['fitness', /健身/u],
  ['entrance_guard', /门禁|道闸/u],
  ['cctv', /监控|摄像头/u],
  ['animals', /狗|犬|宠物|猫/u],
  ['illegal_building', /违建|违章|私搭|乱搭|乱建/u],
  ['facade', /外墙|墙皮|墙面|瓷砖/u],
  ['fire_safety', /消防/u],
  ['delivery', /快递|外卖/u],
  ['fumes', /油烟|烧烤/u],
  ['pests', /老鼠|蟑螂|蚊子|白蚁/u],
  ['bus', /公交|站牌|公共汽车/u],
]

/** The things a text names, as bits (0: it names none this list knows). */
export function objectsNamed(text: string): number {
  const folded = text.normalize('NFKC')
  let bits = 0
  for (let k = 0; k < OBJECT_WORDS.length; k++) if (OBJECT_WORDS[k][1].test(folded)) bits |= 1 << k
  return bits
}

/** Two messages that each name a thing, and not one in common: not the same problem, however alike their words. */
export function objectsDisagree(a: number, b: number): boolean {
  return a !== 0 && b !== 0 && (a & b) === 0
}

/** Both name a thing, and one in common: what 同一个问题 may be said of. Where either names none, nobody can tell. */
export function sameObject(a: number, b: number): boolean {
  return (a & b) !== 0
}

/** The kinds named, by their code names (for tests and logs; people read the messages' own words). */
export function objectKinds(bits: number): string[] {
  return OBJECT_WORDS.filter((_, k) => bits & (1 << k)).map(([kind]) => kind)
}
