import type { Clock } from '../../clock.js'
import type { CaseSubmitter } from '../cases/case-submission.js'
import type { Uploads } from '../cases/uploads.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import { SuggestionBook, type SuggestionStore } from './suggestion-book.js'
import { SuggestionConversion } from './suggestion-conversion.js'
import { SuggestionDeadlines } from './suggestion-deadlines.js'
import { SuggestionCosigning } from './suggestion-cosigning.js'
import type { CosignRules } from '../../domain/suggestion-cosign.js'
import { SuggestionDrafts } from './suggestion-drafts.js'
import type { SuggestionAudit } from './suggestion-audit.js'
import { SuggestionAssignment } from './suggestion-assignment.js'
import { SuggestionOffice } from './suggestion-office.js'
import { SuggestionPressing } from './suggestion-pressing.js'
import { SuggestionPromises } from './suggestion-promises.js'
import { SuggestionUnits } from './suggestion-units.js'
import { officeName } from '../../domain/office-name.js'
import type { SuggestionRecord } from '../../domain/suggestion.js'

/** The 代表建议 services, sharing one SuggestionBook. */
export function createSuggestionServices(deps: {
  store: SuggestionStore
  directory: DirectoryCache
  clock: Clock
  timeZone: string
  uploads: Uploads
  submitter: Pick<CaseSubmitter, 'submit'>
  /** The office's decisions go to the 操作记录. */
  audit: SuggestionAudit
  /** config suggestions: how many co-signers a suggestion needs before it is submitted. */
  rules: CosignRules
}) {
  const book = new SuggestionBook(deps)
  const drafts = new SuggestionDrafts(book, deps.uploads, deps.rules)
  return {
    suggestionDrafts: drafts,
    suggestionCosigning: new SuggestionCosigning(book, drafts, deps.rules),
    suggestionOffice: new SuggestionOffice(book, new SuggestionConversion(book, deps.submitter), deps.audit),
    /** 交办 and the units' requests (more time, another lead unit). */
    suggestionAssignment: new SuggestionAssignment(book, deps.audit),
    /** 催办 and 督办 of the units still owing an answer. */
    suggestionPressing: new SuggestionPressing(book, deps.audit),
    suggestionUnits: new SuggestionUnits(book),
    suggestionDeadlines: new SuggestionDeadlines(book),
    /** Promises (正在解决或列入计划) past their day without the report: the office and the lead unit told once. */
    suggestionPromises: new SuggestionPromises(book),
    /** What presenting a suggestion needs now: today's local date, signed links to its attachments, and its office's name. */
    suggestionView: async () => {
      const prepared = await deps.directory.prepared()
      return {
        today: book.today(),
        link: (url: string) => deps.uploads.signedLink(url, deps.clock.now()),
        office: (s: Pick<SuggestionRecord, 'districtId'>) => officeName(s.districtId ?? 'city', prepared),
        now: deps.clock.now(),
        minCoSigners: deps.rules.minCoSigners,
      }
    },
  }
}
