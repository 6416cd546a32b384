/**
 * Routes messages offline against a directory file, without a store:
 *
 *   npm run route -- <directory.json> <messages.jsonl> [--capacity N] [--tz Asia/Shanghai]
 *
 * Each line of the messages file is `{ "text", "regionId"?, "deputyCode"?, "stationCode"?, "at"? }`;
 * each prints one JSON decision with the resident's summary. Nobody has open cases here,
 * so load never decides. A bad line prints `{"line", "error"}` and the rest go on.
 */
import { readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { loadConfig } from '../config.js'
import { checkDirectoryFile } from '../domain/directory-import.js'
import { residentSummary } from '../domain/routing-explain.js'
import { buildRoutingIndex, route } from '../domain/routing.js'
import type { RoutingInput, RoutingOptions } from '../domain/routing-types.js'
import { isTimeZone } from '../domain/local-days.js'
import { compileTopicModel } from '../domain/topic-model.js'
import { corpusCounts } from '../services/topics/topic-corpus.js'

const USAGE = 'usage: npm run route -- <directory.json> <messages.jsonl> [--capacity N] [--tz Asia/Shanghai]\n'
const EMPTY = { regions: [], stations: [], units: [], deputies: [], staff: [] }

class UsageError extends Error {}

function parseArgs(args: string[]) {
  const files: string[] = []
  const defaults = settings()
  let capacity = defaults.capacity
  let timeZone = defaults.timeZone
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === '--capacity') capacity = Number(args[++i])
    else if (arg === '--tz') timeZone = args[++i] ?? ''
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`)
    else files.push(arg)
  }
  if (files.length !== 2) throw new UsageError('expected a directory file and a messages file')
  if (!Number.isInteger(capacity) || capacity < 1) throw new UsageError('--capacity must be a whole number ≥ 1')
  if (!isTimeZone(timeZone)) throw new UsageError(`--tz: unknown time zone "${timeZone}"`)
  return { directoryFile: files[0], messagesFile: files[1], capacity, timeZone }
}

/** Topics, keywords, time zone and capacity come from the configuration (config/, env), flags override. */
function settings() {
  const config = loadConfig()
  return { topics: config.business.topics, keywords: config.business.topicKeywords, timeZone: config.business.timeZone, capacity: config.cases.deputyCapacity }
}

function readText(path: string): string {
  if (!statSync(path, { throwIfNoEntry: false })?.isFile()) throw new UsageError(`${path}: no such file`)
  return readFileSync(path, 'utf8')
}

const optionalString = (line: Record<string, unknown>, key: string): string | null => {
  const value = line[key]
  if (value === undefined || value === null) return null
  if (typeof value !== 'string') throw new Error(`"${key}" must be a string`)
  return value
}

/** One jsonl line → routing input; throws with a message fit for the output. */
function parseLine(raw: string, now: Date): RoutingInput {
  const line: unknown = JSON.parse(raw)
  if (typeof line !== 'object' || line === null || Array.isArray(line)) throw new Error('expected a JSON object')
  const record = line as Record<string, unknown>
  if (typeof record.text !== 'string') throw new Error('"text" must be a string')
  const at = optionalString(record, 'at')
  const when = at === null ? now : new Date(at)
  if (Number.isNaN(when.getTime())) throw new Error(`"at" is not a date: ${at}`)
  return {
    text: record.text,
    regionId: optionalString(record, 'regionId'),
    deputyCode: optionalString(record, 'deputyCode'),
    stationCode: optionalString(record, 'stationCode'),
    at: when,
  }
}

function main(args: string[]): number {
  if (args.includes('--help')) {
    process.stdout.write(USAGE)
    return 0
  }
  const cwd = process.env.INIT_CWD ?? process.cwd()
  const { directoryFile, messagesFile, capacity, timeZone } = parseArgs(args)
  const directoryPath = resolve(cwd, directoryFile)
  const messages = readText(resolve(cwd, messagesFile))
  let input: unknown
  try {
    input = JSON.parse(readText(directoryPath))
  } catch (err) {
    if (err instanceof UsageError) throw err
    process.stderr.write(`route: ${directoryPath}: not valid JSON (${(err as Error).message})\n`)
    return 1
  }

  const { topics, keywords } = settings()
  const check = checkDirectoryFile(input, EMPTY, topics)
  if (!check.ok) {
    process.stderr.write(`目录文件有 ${check.problems.length} 处问题，无法分派\n`)
    for (const p of check.problems) process.stderr.write(`  ${p.path}: ${p.message}\n`)
    return 1
  }
  const { regions, stations, deputies } = check.file
  const index = buildRoutingIndex({ regions, stations, deputies })
  // The corpus's model, as the service classifies a place with no office corrections yet.
  const options: RoutingOptions = {
    timeZone,
    deputyCapacity: capacity,
    topics,
    topicKeywords: keywords,
    classifyTopic: compileTopicModel(corpusCounts(topics), null, keywords),
  }

  const now = new Date()
  const out: string[] = []
  messages.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return
    try {
      const message = parseLine(raw, now)
      const decision = route(message, index, {}, options)
      out.push(JSON.stringify({ ...decision, summary: residentSummary(decision, index, message.regionId) }))
    } catch (err) {
      out.push(JSON.stringify({ line: i + 1, error: (err as Error).message }))
    }
  })
  if (out.length) process.stdout.write(`${out.join('\n')}\n`)
  return 0
}

try {
  process.exitCode = main(process.argv.slice(2))
} catch (err) {
  if (!(err instanceof UsageError)) throw err
  process.stderr.write(`route: ${err.message}\n${USAGE}`)
  process.exitCode = 2
}
