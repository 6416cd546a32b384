import type { Store } from '../../store/ports.js'
import type { SuggestionTally } from '../records/deputy-records.js'

/**
 * What a deputy's 履职档案 counts of 代表建议 in a year: those they led and those they
 * co-signed, once submitted (a draft or one still gathering co-signers is not yet made).
 */
export class SuggestionTallies implements SuggestionTally {
  constructor(private readonly store: Pick<Store, 'suggestions'>) {}

  async forDeputy(deputyId: string, year: number) {
    const submitted = (await this.store.suggestions.all({ deputyId, year })).filter((s) => s.status !== 'draft' && s.status !== 'cosigning')
    return {
      made: submitted.filter((s) => s.deputy.id === deputyId).length,
      coSigned: submitted.filter((s) => s.deputy.id !== deputyId && s.coSigners.some((c) => c.deputyId === deputyId)).length,
    }
  }
}
