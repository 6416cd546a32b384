/**
 * The training corpus kept in the repository (corpus/topics.jsonl): one message a
 * line, `{ id, topic, split: "train" | "heldout", text }`, written for this project (see
 * corpus/README.md). Read once per process and shared: it never changes at run time.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { countTopics, flattenCounts, prepareCounts, pruneRare, type FlatCounts, type PreparedCounts, type TopicExample } from '../../domain/topic-model.js'

export const CORPUS_FILE = join(import.meta.dirname, '..', '..', '..', 'corpus', 'topics.jsonl')

const line = z.object({ id: z.string(), topic: z.string().min(1), split: z.enum(['train', 'heldout']), text: z.string().min(1) })
export type CorpusMessage = z.infer<typeof line>

export function readCorpus(file = CORPUS_FILE): CorpusMessage[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = line.safeParse(JSON.parse(l))
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message}`)
      return parsed.data
    })
}

/** n-grams seen in fewer messages than this are left out of the model (noise, and most of the table). */
export const MIN_GRAM_COUNT = 2
/** …and those without this share in one topic (place names, greetings: see pruneRare). Chosen with npm run topics:eval. */
export const MIN_GRAM_SHARE = 0.4

/** Counts of the examples, prepared for compiling; what the eval and the running service share. */
export function trainCounts(examples: readonly TopicExample[], topics: readonly string[]): PreparedCounts {
  return prepareCounts(pruneRare(countTopics(examples, topics), MIN_GRAM_COUNT, MIN_GRAM_SHARE))
}

const cache = new Map<string, PreparedCounts>()

/**
 * The whole corpus (both splits) counted for these topics, once per process. Counting
 * takes seconds on a busy machine, so the counts are also kept in a file beside the
 * system's temporary files, named by a hash of the corpus and the settings: a changed
 * corpus is counted again, a second process (tests, a restart) reads the file.
 */
export function corpusCounts(topics: readonly string[], file = CORPUS_FILE, cacheDir = join(tmpdir(), 'liaison-topic-counts')): PreparedCounts {
  const raw = readFileSync(file)
  const key = createHash('sha256')
    .update(raw)
    .update(JSON.stringify([topics, MIN_GRAM_COUNT, MIN_GRAM_SHARE, CACHE_VERSION]))
    .digest('hex')
    .slice(0, 32)
  let counts = cache.get(key)
  if (!counts)
    cache.set(
      key,
      (counts = prepareCounts(
        cachedCounts(join(cacheDir, `${key}.json`), topics, () =>
          flattenCounts(pruneRare(countTopics(readCorpus(file), topics), MIN_GRAM_COUNT, MIN_GRAM_SHARE)),
        ),
      )),
    )
  return counts
}

// 2: the counts in one flat list (FlatCounts), read without making an array per n-gram.
const CACHE_VERSION = 2

/** The counts as the cache file holds them: JSON of plain lists (typed arrays would be written as objects). */
export function countsFileText(counts: FlatCounts): string {
  const { topics, docs, total, grams } = counts
  return JSON.stringify({ topics, docs: Array.from(docs), total: Array.from(total), grams, counts: Array.from(counts.counts) })
}

/**
 * Whether a cache file's JSON has the shape of the counts: the directory is shared with every
 * local user, and a file of another shape would stop the start-up in the model's compiler.
 */
export function isFlatCounts(value: unknown, topics: readonly string[]): value is FlatCounts {
  const v = value as Partial<Record<keyof FlatCounts, unknown>> | null
  const numbers = (a: unknown, length: number) => Array.isArray(a) && a.length === length && a.every((n) => typeof n === 'number' && Number.isFinite(n))
  return (
    typeof v === 'object' &&
    v !== null &&
    Array.isArray(v.topics) &&
    v.topics.length === topics.length &&
    v.topics.every((t, i) => t === topics[i]) &&
    numbers(v.docs, topics.length) &&
    numbers(v.total, topics.length) &&
    Array.isArray(v.grams) &&
    v.grams.every((g) => typeof g === 'string') &&
    numbers(v.counts, v.grams.length * topics.length)
  )
}

export function cachedCounts(path: string, topics: readonly string[], count: () => FlatCounts): FlatCounts {
  try {
    const kept: unknown = JSON.parse(readFileSync(path, 'utf8'))
    if (!isFlatCounts(kept, topics)) throw new Error(`${path}: not the counts`)
    return kept
  } catch {
    const counts = count()
    try {
      mkdirSync(join(path, '..'), { recursive: true })
      // Written aside and renamed, so that a process reading it never sees half a file.
      const aside = `${path}.${process.pid}.tmp`
      writeFileSync(aside, countsFileText(counts))
      renameSync(aside, path)
    } catch {
      // A read-only disk only costs the next process the counting.
    }
    return counts
  }
}
