import type { Clock } from '../../clock.js'
import type { CaseSubmitter } from '../cases/case-submission.js'
import type { Uploads } from '../cases/uploads.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import { SuggestionBook, type SuggestionStore } from './suggestion-book.js'
import { SuggestionConversion } from './suggestion-conversion.js'
import { SuggestionDeadlines } from './suggestion-deadlines.js'
import { SuggestionDrafts } from './suggestion-drafts.js'
import { SuggestionOffice } from './suggestion-office.js'
import { SuggestionUnits } from './suggestion-units.js'

/** The 代表建议 services, sharing one SuggestionBook. */
export function createSuggestionServices(deps: {
  store: SuggestionStore
  directory: DirectoryCache
  clock: Clock
  timeZone: string
  uploads: Uploads
  submitter: Pick<CaseSubmitter, 'submit'>
}) {
  const book = new SuggestionBook(deps)
  return {
    suggestionDrafts: new SuggestionDrafts(book, deps.uploads),
    suggestionOffice: new SuggestionOffice(book, new SuggestionConversion(book, deps.submitter)),
    suggestionUnits: new SuggestionUnits(book),
    suggestionDeadlines: new SuggestionDeadlines(book),
    /** What presenting a suggestion needs now: today's local date and signed links to its attachments. */
    suggestionView: () => ({ today: book.today(), link: (url: string) => deps.uploads.signedLink(url, deps.clock.now()) }),
  }
}
