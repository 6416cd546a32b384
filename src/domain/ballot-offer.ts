import type { LivelihoodCycle, LivelihoodProject } from './livelihood.js'
import { surveyQuestion, type Question, type SurveyRecord } from './survey.js'

/**
 * What the deputies are asked in the year's 民生实事 ballot (LivelihoodCycles.startBallot): every
 * candidate as the office wrote it, and the one question listing them.
 */
export interface BallotOffer {
  description: string
  questions: Question[]
}

export function ballotOffer(cycle: LivelihoodCycle, candidates: LivelihoodProject[], units: ReadonlyMap<string, string>): BallotOffer {
  return {
    // What the office wrote of each candidate, so a deputy weighs more than a title and a cost.
    description: [
      `请从 ${candidates.length} 个候选项目中选出 ${cycle.projectCount} 个作为本年度民生实事项目。`,
      ...candidates.map((p, i) => candidateLine(p, i, units.get(p.unitId))),
    ].join('\n'),
    questions: [
      surveyQuestion({
        id: 'projects',
        type: 'multiple',
        title: '请选择您赞成的项目',
        required: true,
        options: candidates.map((p) => ({ id: p.id, label: `${p.title}（约 ${p.costWan} 万元）` })),
        minChoices: 1,
        maxChoices: Math.min(cycle.projectCount, candidates.length),
      }),
    ],
  }
}

/** How a ballot already made differs from what would be asked now, in the office's words; empty when it asks the same. */
export function offerChanges(made: SurveyRecord, offer: BallotOffer): string[] {
  const before = new Map((made.questions[0]?.options ?? []).map((o) => [o.id, o.label]))
  const now = offer.questions[0]!.options
  // Each candidate's line without its number: one added at the end leaves the others' as they were.
  const unnumbered = (description: string) => description.split('\n').map((line) => line.replace(/^\d+\. /, ''))
  const lines = unnumbered(offer.description)
  const madeLines = new Set(unnumbered(made.description))
  const changes = [
    ...now.filter((o) => !before.has(o.id)).map((o) => `新增了「${plainTitle(o.label)}」`),
    ...[...before].filter(([id]) => !now.some((o) => o.id === id)).map(([, label]) => `去掉了「${plainTitle(label)}」`),
    // A candidate corrected: its title or cost (its option), or its content, place or unit (its line).
    ...now
      .filter((o, i) => before.has(o.id) && (before.get(o.id) !== o.label || !madeLines.has(lines[i + 1]!)))
      .map((o) => `「${plainTitle(o.label)}」的内容改了`),
  ]
  if (changes.length) return changes
  const same = made.description === offer.description && JSON.stringify(made.questions) === JSON.stringify(offer.questions)
  return same ? [] : ['候选项目的说明改了']
}

/** A candidate's title as its ballot option names it, without the cost. */
export const plainTitle = (label: string) => label.replace(/（约 .* 万元）$/, '')

/** One candidate as the deputies read it before voting: what, where, who carries it out, the cost. */
function candidateLine(p: LivelihoodProject, i: number, unitName: string | undefined): string {
  return `${i + 1}. ${p.title}：${p.description}（地点：${p.place}；承办单位：${unitName ?? '待定'}；估算投资约 ${p.costWan} 万元）`
}
