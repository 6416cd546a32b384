/** The held-out evaluation of the learned topic model against the keyword dictionaries (npm run topics:eval, and its test). */
import { compileTopicModel } from '../../domain/topic-model.js'
import { compileTopicClassifier } from '../../domain/topics.js'
import { readCorpus, trainCounts } from './topic-corpus.js'

export interface TopicEvaluation {
  topics: string[]
  train: number
  heldOut: number
  trainMs: number
  accuracy: number
  keywordAccuracy: number
  /** confusion[labelled][predicted], in the order of `topics`. */
  confusion: number[][]
}

export function evaluateTopics(topics: readonly string[], keywords: Readonly<Record<string, readonly string[]>>, file?: string): TopicEvaluation {
  const corpus = readCorpus(file)
  const train = corpus.filter((m) => m.split === 'train')
  const heldOut = corpus.filter((m) => m.split === 'heldout')
  const started = performance.now()
  const model = compileTopicModel(trainCounts(train, topics), null, keywords)
  const trainMs = Math.round(performance.now() - started)
  const byKeywords = compileTopicClassifier(keywords, topics)
  const index = new Map(topics.map((t, i) => [t, i]))
  const confusion = topics.map(() => new Array<number>(topics.length).fill(0))
  let right = 0
  let keywordRight = 0
  for (const m of heldOut) {
    const predicted = model(m.text).topic
    if (predicted === m.topic) right++
    if (byKeywords(m.text).topic === m.topic) keywordRight++
    const row = index.get(m.topic)
    const col = index.get(predicted)
    if (row !== undefined && col !== undefined) confusion[row][col]++
  }
  return {
    topics: [...topics],
    train: train.length,
    heldOut: heldOut.length,
    trainMs,
    accuracy: right / heldOut.length,
    keywordAccuracy: keywordRight / heldOut.length,
    confusion,
  }
}
