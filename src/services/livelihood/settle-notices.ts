import type { BallotOutcome } from '../../domain/survey-tally.js'
import { ballotResult, ballotResultCardLine, ballotResultNotice } from '../../domain/ballot-result.js'
import type { LivelihoodProject, LivelihoodProposal } from '../../domain/livelihood.js'
import { byProposer } from '../../domain/livelihood-proposers.js'
import type { SurveyRecord } from '../../domain/survey.js'
import type { OutboxMessage } from '../../store/ports.js'
import { outboxMessage } from '../delivery/outbox-message.js'

/**
 * What settling a ballot tells (LivelihoodCycles.settleBallot): each proposer what became of hers, and each deputy who
 * voted the result, in one message with his own proposals' news when he proposed too. Written with the settlement.
 */
export function settleNotices({
  cycleId: id,
  survey,
  outcome,
  projects,
  proposals,
  voters,
  yearName,
  now,
}: {
  cycleId: string
  survey: SurveyRecord
  outcome: BallotOutcome
  projects: LivelihoodProject[]
  proposals: LivelihoodProposal[]
  voters: string[]
  yearName: string
  now: Date
}): OutboxMessage[] {
  const votedToo = new Set(voters)
  // What each deputy who voted proposed, said in their one result message instead of a message of its own.
  const ownNews = new Map<string, { proposalIds: string[]; words: string[] }>()
  const outbox: OutboxMessage[] = []
  for (const project of projects) {
    // One message per proposer and project, naming what she wrote: two of hers merged into one candidate are one piece of news.
    // In the order the office listed them in the candidate, as the message at the merge named them.
    const its = proposals.filter((x) => x.projectId === project.id).sort((a, b) => rank(project, a.id) - rank(project, b.id))
    for (const { to, mine } of byProposer(its)) {
      const words = settledWords(project, mine, its.length > 1, yearName)
      const proposalIds = mine.map((p) => p.id)
      if (to.kind === 'deputy' && votedToo.has(to.id)) {
        const news = ownNews.get(to.id) ?? { proposalIds: [], words: [] }
        news.proposalIds.push(...proposalIds)
        news.words.push(words)
        ownNews.set(to.id, news)
        continue
      }
      outbox.push(
        outboxMessage({
          to,
          kind: 'livelihood.proposal',
          payload: { text: words, cycleId: id, proposalId: proposalIds[0], ...(proposalIds.length > 1 ? { proposalIds } : {}) },
          // Keyed by her first proposal in it, as the one message per proposal was: a settle retried writes it once.
          dedupeKey: `livelihood.voted:${proposalIds[0]}`,
          at: now,
        }),
      )
    }
  }
  // The deputies who voted hear the result they voted on, once each; one who also proposed a candidate hears
  // in the same message what became of it (two messages about one ballot, minutes apart, read as a mistake).
  const result = ballotResult(outcome, survey.ballot!, new Map(projects.map((p) => [p.id, p.status])))
  const text = ballotResultNotice(survey.title, result)
  for (const deputyId of voters) {
    const news = ownNews.get(deputyId)
    outbox.push(
      outboxMessage({
        to: { kind: 'deputy', id: deputyId },
        kind: 'ballot.result',
        payload: {
          text: news ? `${text}${news.words.join('')}` : text,
          cardText: ballotResultCardLine(result),
          title: survey.title,
          surveyId: survey.id,
          cycleId: id,
          ...(news ? { proposalIds: news.proposalIds } : {}),
        },
        dedupeKey: `ballot.result:${survey.id}:${deputyId}`,
        at: now,
      }),
    )
  }
  return outbox
}

/** Where a proposal stands in its candidate's list (one the list does not name, last). */
const rank = (project: LivelihoodProject, proposalId: string) => {
  const i = project.proposalIds.indexOf(proposalId)
  return i < 0 ? Number.MAX_SAFE_INTEGER : i
}

/**
 * What a proposer is told when the ballot is settled, naming the proposals she wrote (the candidate's title is the
 * office's words once proposals were merged): chosen, passed without a place, or not passed.
 */
function settledWords(project: LivelihoodProject, mine: Array<Pick<LivelihoodProposal, 'title'>>, merged: boolean, yearName: string): string {
  const titles = [...new Set(mine.map((p) => p.title))]
  const hers = titles.map((t) => `「${t}」`).join('')
  // Her own title kept as the candidate's: no need to say where it went; else under which name it was voted on.
  const went = !merged && titles[0] === project.title ? '' : `已${merged ? '并入' : '列为'}候选项目「${project.title}」，`
  if (project.status === 'chosen') return `您提出的民生实事项目建议${hers}${went}经代表票决通过，列入${yearName}，我们会定期公布进展。`
  if (project.status === 'over_places') return `您提出的民生实事项目建议${hers}${went}在代表票决中得票过半，但年度项目名额已满，这次没有列入，感谢您的参与。`
  return `您提出的民生实事项目建议${hers}${went}在代表票决中未获通过，感谢您的参与。`
}
