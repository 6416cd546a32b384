import { readFileSync } from 'node:fs'
import { DEFAULT_TODAY, TOPICS } from '../src/demo/demo-city.js'
import { fullSizeDirectory } from '../src/demo/full-size.js'
import { mulberry32, type Random } from '../src/demo/names.js'
import { buildRoutingIndex, route } from '../src/domain/routing.js'
import type { RoutingDirectory, RoutingInput, RoutingOptions } from '../src/domain/routing-types.js'
import { compileTopicModel } from '../src/domain/topic-model.js'
import { corpusCounts } from '../src/services/topics/topic-corpus.js'
import { median, row, type Row } from './measure.js'

const MESSAGES = 20_000
const RUNS = 5

const TEXTS = [
  '我们小区门口的路灯坏了一个多月，晚上出门很不方便，希望尽快修好',
  '楼下垃圾桶满了好几天没人清运，臭味很大，夏天还招苍蝇',
  '隔壁工地晚上十一点还在施工，噪音吵得孩子睡不着觉',
  '孩子明年上小学，想问一下我们小区划到哪个学校，学位够不够',
  '我妈的医保卡在外地看病不能报销怎么办',
  '小区里停车位太少，晚上回来根本没地方停车，路边还贴罚单',
  '我们是老旧小区，六楼老人上下楼困难，希望能加装电梯',
  '物业公司收了物业费却不管事，业委会也成立不起来',
  '村里的土地流转款还没发，村民有意见',
  '楼道里有人用电动车飞线充电，太危险了',
  '被人骗了三万块钱，派出所说立案很难',
  '谢谢代表们的辛苦付出，希望社区越来越好',
  '景区门票太贵，还有强制购物的情况，外地游客意见很大',
  '开了个小店，办营业执照跑了好几趟，能不能一网通办',
]

/**
 * Routing one message against the full-size directory (270 stations, 9,000 deputies),
 * over 20,000 varied messages (places at every level, unknown places, codes, loads near
 * capacity), against the same loop doing only what any routing must: the region lookup
 * and the topic classification.
 */
export async function benchRouting(size: { deputies: number; stations: number } = { deputies: 9000, stations: 270 }): Promise<Row[]> {
  const directory = fullSizeDirectory(size)
  const index = buildRoutingIndex(directory as RoutingDirectory)
  const keywords = JSON.parse(readFileSync(new URL('../config/topic-keywords.json', import.meta.url), 'utf8')).keywords
  // The learned model, as the running service routes with it (the corpus's model; an office's only overlays a few n-grams).
  const classify = compileTopicModel(corpusCounts(TOPICS), null, keywords)
  const options: RoutingOptions = { timeZone: 'Asia/Shanghai', deputyCapacity: 30, topics: TOPICS, topicKeywords: keywords, classifyTopic: classify }
  const rand = mulberry32(2026)
  const inputs = Array.from({ length: MESSAGES }, () => message(rand, directory as RoutingDirectory))
  const loads = Object.fromEntries(directory.deputies!.map((d) => [d.id, Math.floor(rand() * 34)]))

  const baseline = () => {
    let found = 0
    for (const input of inputs) found += Number(index.regions.has(input.regionId ?? '')) + classify(input.text).matched.length
    return found
  }
  const routing = () => {
    let assigned = 0
    for (const input of inputs) assigned += Number(route(input, index, loads, options).deputyId !== null)
    return assigned
  }
  baseline()
  routing() // warm up: compile, JIT, formatter cache

  const perMessage = (fn: () => number) =>
    median(RUNS, async () => {
      const started = process.hrtime.bigint()
      fn()
      return Number(process.hrtime.bigint() - started) / 1e6 / MESSAGES
    })
  const baselineMs = await perMessage(baseline)
  const ms = await perMessage(routing)
  return [
    row({
      name: `route 1 message (${size.deputies.toLocaleString('en')} deputies), average`,
      value: ms,
      unit: 'ms',
      baseline: { name: 'region lookup + classifyTopic', value: baselineMs },
      target: { below: 1 },
    }),
  ]
}

function message(rand: Random, directory: RoutingDirectory): RoutingInput {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]
  const roll = rand()
  const day = 1 + Math.floor(rand() * 28)
  const at = new Date(Date.parse(`${DEFAULT_TODAY}T09:00:00+08:00`) + day * 86_400_000)
  const input: RoutingInput = { text: pick(TEXTS), regionId: pick(directory.regions).id, at }
  if (roll < 0.05)
    input.regionId = `x${Math.floor(rand() * 1e6)}` // unknown place
  else if (roll < 0.1) input.regionId = null
  else if (roll < 0.15) input.deputyCode = pick(directory.deputies).code.toLowerCase()
  else if (roll < 0.18) input.stationCode = pick(directory.stations).code
  else if (roll < 0.2) input.deputyCode = 'DP99999' // unknown code
  return input
}
