import type { HandedOnItem, NamedPlace } from '../../services/cases/deputy-hand-ons.js'
import { handedOnNowText } from '../../domain/case-refusals.js'
import { deputyLine } from '../../domain/deputy-gist.js'

// 已转出 as the deputy reads it: read-only lines, every field named. Her words masked as on his workbench (deputyLine);
// no status, answer or rating (handedOnNowText): the message is another's to handle now, and reading it is case_not_his.

/** Where he handed it, in his words: "您转给了王芳代表", "您交回了轻工街道代表联络站". */
function whereText(to: NamedPlace): string {
  if (to.deputy) return `您转给了${to.deputy}代表`
  return `您交回了${to.station ?? to.office ?? '联络站'}`
}

/** One line of 已转出: which message, where he handed it and when, who has it now as far as he may know. */
export const presentHandedOnItem = (h: HandedOnItem) => ({
  id: h.case.id,
  ticket: h.case.ticket,
  topic: h.case.topic,
  excerpt: deputyLine(h.case.text, 40),
  createdAt: h.case.createdAt.toISOString(),
  handedAt: h.step.at.toISOString(),
  whereText: whereText(h.to),
  stateText: handedOnNowText(h.case, h.handedOnTo, h.office),
})
