/**
 * Results of a survey with 100,000 responses under 300 ms: they read the running tallies,
 * never the responses. Responses go in through the repo (group commit batches them), and
 * the same read on a 100-response survey is the baseline: the ratio should stay near 1.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { surveyQuestion, type Question, type SurveyRecord, type SurveyResponse } from '../src/domain/survey.js'
import { surveyResults, tallyIncrements } from '../src/domain/survey-tally.js'
import { createSqliteStore } from '../src/store/sqlite/index.js'
import type { Store } from '../src/store/ports.js'
import { median, row, time, type Row } from './measure.js'

const QUESTIONS: Question[] = [
  surveyQuestion({
    id: 'q1',
    type: 'single',
    title: '是否支持',
    options: [
      { id: 'yes', label: '是' },
      { id: 'no', label: '否' },
    ],
  }),
  surveyQuestion({ id: 'q2', type: 'multiple', title: '设施', options: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, label: id })), maxChoices: 3 }),
  surveyQuestion({ id: 'q3', type: 'rating', title: '满意度', scale: 10 }),
  surveyQuestion({ id: 'q4', type: 'number', title: '次数', min: 0, max: 100 }),
]

async function filled(store: Store, id: string, responses: number): Promise<SurveyRecord> {
  const now = new Date()
  const s = await store.surveys.create({
    id,
    shortCode: id.toUpperCase().padEnd(8, 'X').slice(0, 8),
    kind: 'survey',
    title: id,
    description: '',
    questions: QUESTIONS,
    articles: [],
    ballot: null,
    anonymous: false,
    opensAt: now,
    closesAt: new Date(now.getTime() + 86_400_000),
    responseCap: null,
    responseCount: 0,
    districtIds: [],
    createdBy: 'bench',
    createdAt: now,
    updatedAt: now,
    draft: false,
    audienceDeputyIds: null,
  })
  for (let start = 0; start < responses; start += 1000) {
    await Promise.all(
      Array.from({ length: Math.min(1000, responses - start) }, (_, k) => {
        const i = start + k
        const response: SurveyResponse = {
          id: `${id}-r${i}`,
          surveyId: s.id,
          respondentKey: `k${i}`,
          mpUserId: `u${i}`,
          deputyId: null,
          stationId: `st${i % 270}`,
          districtId: `d${i % 9}`,
          via: null,
          answers: { q1: i % 3 ? 'yes' : 'no', q2: ['a', 'c'].slice(0, 1 + (i % 2)), q3: 1 + (i % 10), q4: i % 50 },
          comments: [],
          createdAt: now,
        }
        return store.surveys.respond({ response, increments: tallyIncrements(s, response), texts: [], opinions: [] })
      }),
    )
  }
  return s
}

export async function benchSurveys(responses = 100_000): Promise<{ rows: Row[]; lines: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-surveys-'))
  const store = createSqliteStore(join(dir, 'surveys.db'))
  try {
    const fill = await time(() => filled(store, 'svbig', responses))
    const small = await filled(store, 'svsmall', 100)
    const read = (s: SurveyRecord) => median(5, async () => (await time(async () => surveyResults(s, await store.surveys.tallies(s.id, '')))).ms)
    const big = fill.value
    const [ms, baselineMs] = [await read(big), await read(small)]
    const check = surveyResults(big, await store.surveys.tallies(big.id, ''))
    if (check.responses !== responses) throw new Error(`expected ${responses} responses counted, got ${check.responses}`)
    return {
      rows: [
        row({
          name: `survey results over ${responses.toLocaleString('en')} responses`,
          value: ms,
          unit: 'ms',
          baseline: { name: 'same survey with 100 responses', value: baselineMs },
          target: { below: 300 },
        }),
      ],
      lines: [
        `surveys: ${responses.toLocaleString('en')} responses stored in ${Math.round(fill.ms)} ms (${Math.round(responses / (fill.ms / 1000))}/s, group commit)`,
      ],
    }
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
