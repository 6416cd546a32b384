/**
 * A suggestion as both adapters keep it: the whole record as JSON (times as ISO text) beside
 * the few fields they filter on. One codec, so the adapters cannot drift apart.
 */
import { dueBy } from '../domain/suggestion-due.js'
import type { SuggestionRecord } from '../domain/suggestion.js'
import { unitIdsOf } from '../domain/suggestion.js'
import { decodeCursorMatching, encodeCursor } from './cursor.js'

export const encodeSuggestion = (s: SuggestionRecord): string => JSON.stringify(s)

const date = (v: unknown) => new Date(v as string)
const dateOrNull = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string))

export function decodeSuggestion(json: string): SuggestionRecord {
  const s = JSON.parse(json)
  return {
    ...s,
    coSigners: s.coSigners.map((c: { at: string }) => ({ ...c, at: date(c.at) })),
    // Records kept before deputies were asked by name have no invitees.
    invitees: (s.invitees ?? []).map((i: { at: string; declinedAt: string | null }) => ({ ...i, at: date(i.at), declinedAt: dateOrNull(i.declinedAt) })),
    cosignUntil: dateOrNull(s.cosignUntil),
    review: s.review ? { ...s.review, at: date(s.review.at) } : null,
    assignment: s.assignment ? { ...s.assignment, assignedAt: date(s.assignment.assignedAt) } : null,
    answers: s.answers.map((a: { at: string }) => ({ ...a, at: date(a.at) })),
    ratings: s.ratings.map((r: { at: string }) => ({ ...r, at: date(r.at) })),
    requests: s.requests.map((r: { at: string; decidedAt: string | null }) => ({ ...r, at: date(r.at), decidedAt: dateOrNull(r.decidedAt) })),
    timeline: s.timeline.map((e: { at: string }) => ({ ...e, at: date(e.at) })),
    createdAt: date(s.createdAt),
    updatedAt: date(s.updatedAt),
  }
}

/** The fields both adapters index and filter on, derived from the record. */
export function suggestionKeys(s: SuggestionRecord) {
  return {
    number: s.number,
    year: s.year,
    status: s.status,
    deputyId: s.deputy.id,
    coSignerIds: s.coSigners.map((c) => c.deputyId),
    districtId: s.districtId,
    unitIds: unitIdsOf(s),
    keySupervision: s.assignment?.keySupervision ?? false,
    deadline: s.assignment?.deadline ?? null,
    dueBy: dueBy(s),
    cosignUntil: s.cosignUntil,
    published: s.published,
    searchText: `${s.number ?? ''} ${s.title} ${s.body}`,
    createdAt: s.createdAt,
  }
}

/**
 * The overdue list's cursor (SuggestionRepo.overdue), the same in both adapters and as the console has paged it:
 * "<dueBy>|<id>" of the last item.
 */
export const dueCursor = (s: SuggestionRecord) => encodeCursor(`${dueBy(s)}|${s.id}`)
const DUE_CURSOR = /^\d{4}-\d{2}-\d{2}\|sg-/

/** A dueCursor read back: null on the first page; a cursor not issued so is the usual 400. */
export function decodeDueCursor(cursor: string | null | undefined): { day: string; id: string } | null {
  const key = decodeCursorMatching(cursor, DUE_CURSOR)
  return key === null ? null : { day: key.slice(0, 10), id: key.slice(11) }
}
