/**
 * A hot issue too big for the inbox's address (more than INBOX_IDS_MAX messages) opens the inbox by its place, topic
 * and days, which may list a few messages the issue does not hold. Its own messages are kept in this tab
 * (sessionStorage: a reload keeps them, another browser has none) under the issue's key, so that 一起催办 there acts
 * on the issue's messages, not on the list's.
 */
import { INBOX_IDS_MAX } from './format'

const keyOf = (issueKey: string) => `liaison.hotIssue.${issueKey}`

/** Before the inbox opens for an issue (inboxOf): its messages kept when its address cannot hold them. */
export function keepWhenTooBig(issue: { key: string; caseIds: string[] }): void {
  if (issue.caseIds.length > INBOX_IDS_MAX) keepIssueIds(issue.key, issue.caseIds)
}

export function keepIssueIds(issueKey: string, ids: string[]): void {
  try {
    sessionStorage.setItem(keyOf(issueKey), JSON.stringify(ids))
  } catch {
    // Storage full or refused: the inbox then says to act from 热点问题, where the card has them.
  }
}

/** The issue's messages kept in this tab, or null (opened from a link, or in another browser). */
export function keptIssueIds(issueKey: string): string[] | null {
  try {
    const ids = JSON.parse(sessionStorage.getItem(keyOf(issueKey)) ?? 'null') as unknown
    return Array.isArray(ids) && ids.every((id) => typeof id === 'string') ? ids : null
  } catch {
    return null
  }
}
