/**
 * What a resident says is wrong with the thing she names (complaint-objects.ts): broken, dirty, too dear, plastered
 * with adverts … Two neighbours writing about one lift rarely share many characters (an elderly resident's long, polite
 * account of the lift "坏了快两个礼拜" and a neighbour's "电梯停运，物业不管"), yet both name the lift and both say it does
 * not work. Neighbours also write about one lift for other reasons (adverts in it, its fee): those name the lift and
 * another fault, and are another matter. Kept as bits, as the things are.
 *
 * Hand-written from what residents write; a kind's words say that one fault and no other. Words that build or renovate
 * (装修, 修建, 修剪) are not repairs: a 修 is read as a repair only outside them.
 */

const FAULT_WORDS: ReadonlyArray<readonly [kind: string, words: RegExp]> = [
  [
    'broken',
    /坏|故障|停运|停用|停摆|失灵|罢工|不亮|不转|卡住|困人|关人|(?:不能|没法|无法|不好)(?:用|使用|坐|乘|运行|开|关)|用不了|坐不了|不运行|(?<![装翻])修(?![剪建饰路]|一[座条])/u,
  ],
  ['leak', /漏水|漏雨|渗水|渗漏|滴水/u],
  ['blocked', /堵|不通|排不出|下不去|(?:池|桶|箱|井)[^，。！？,.!?]{0,2}满|溢|冒出来|漫/u],
  ['dirty', /脏|臭|异味|气味|卫生|清理|清扫|打扫|乱扔|乱倒|堆放|没人扫|横流/u],
  ['loud', /噪音|噪声|吵|扰民|声音(?:很|太|特别)?大/u],
  ['fee', /收费|费用|乱收|多收|涨价|[交缴]费|价格|押金|退钱|太贵/u],
  ['adverts', /广告|传单/u],
  ['occupied', /占用|占道|乱停|乱放|挡住|堵住|霸占|私占/u],
  ['dangerous', /危险|隐患|摔|塌|松动|掉下|倒了|歪了|裸露/u],
  ['missing', /太少|不够|缺少|没有设置|没有安装|没地方|少了/u],
  ['wanted_new', /加装|安装|增设|新建|新修|修建|建一|修一[座条]/u],
]

/** The faults a text names, as bits (0: none this list knows). */
export function faultsNamed(text: string): number {
  const folded = text.normalize('NFKC')
  let bits = 0
  for (let k = 0; k < FAULT_WORDS.length; k++) if (FAULT_WORDS[k][1].test(folded)) bits |= 1 << k
  return bits
}

/** Both say what is wrong, and one fault in common: both say the lift does not work. Either saying none: nobody can tell. */
export function sameFault(a: number, b: number): boolean {
  return (a & b) !== 0
}

/** The kinds named, by their code names (for tests and logs). */
export function faultKinds(bits: number): string[] {
  return FAULT_WORDS.filter((_, k) => bits & (1 << k)).map(([kind]) => kind)
}
