/**
 * How well topics are learned: trains on the corpus's train split, classifies the
 * held-out split, and prints the accuracy, a confusion matrix and, for comparison, the
 * accuracy of the keyword dictionaries alone.
 *
 *   npm run topics:eval [-- --json]
 */
import { loadConfig } from '../config.js'
import { evaluateTopics } from '../services/topics/topic-eval.js'

const config = loadConfig()
const report = evaluateTopics(config.business.topics, config.business.topicKeywords)
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(report, null, 2))
} else {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`
  console.log(`corpus: ${report.train} messages to train on, ${report.heldOut} held out; trained in ${report.trainMs} ms`)
  console.log(`held-out accuracy: learned model ${pct(report.accuracy)}, keywords alone ${pct(report.keywordAccuracy)}`)
  console.log('\nconfusion matrix (rows: labelled topic, columns: predicted, in the order of the rows)')
  const width = 5
  console.log(' '.repeat(10) + report.topics.map((_, i) => String(i + 1).padStart(width)).join('') + '  recall')
  report.topics.forEach((topic, i) => {
    const row = report.confusion[i]
    const total = row.reduce((a, b) => a + b, 0)
    console.log(
      `${String(i + 1).padStart(2)} ${topic.padEnd(6, '　')}` +
        row.map((n) => String(n || '.').padStart(width)).join('') +
        `  ${total ? pct(row[i] / total) : '-'}`,
    )
  })
}
