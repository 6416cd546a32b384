import { z } from 'zod'
import { singleLine } from '../../../domain/free-text.js'
import { staffCasesQuery } from './schemas.js'

/** The export takes exactly the list's filters and order, without paging: it is the whole filtered list. */
export const caseExportQuery = staffCasesQuery.omit({ cursor: true, limit: true })

export const deputyChoicesQuery = z.strictObject({ q: singleLine().max(20).optional() })
