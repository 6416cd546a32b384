import { z } from 'zod'
import { singleLine } from '../../../domain/free-text.js'
import { caseIdList, datesInOrder, staffCasesQuery } from './schemas.js'

/** The export takes exactly the list's filters and order, without paging: it is the whole filtered list. */
export const caseExportQuery = staffCasesQuery.omit({ cursor: true, limit: true, whereabouts: true }).superRefine(datesInOrder)

/** `together`: the other messages selected to be assigned at once (批量分派), as `ids` of the list names them. */
export const deputyChoicesQuery = z.strictObject({ q: singleLine().max(20).optional(), together: caseIdList.optional() })

/** The 合并 dialog's search: what the inbox's search box takes (a number such as 0001, a ticket, or words). */
export const mergeChoicesQuery = z.strictObject({ q: staffCasesQuery.shape.q })
