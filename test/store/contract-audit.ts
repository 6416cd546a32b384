import { expect } from 'chai'
import type { AuditName } from '../../src/domain/audit-names.js'
import type { Store } from '../../src/store/ports.js'
import { campaignRecord, readingItem } from './contract-campaigns.js'
import { sampleDirectory } from './sample-directory.js'
import { meetingRecord } from './contract-meetings.js'
import { suggestionRecord } from './contract-suggestions.js'
import { caseEvent, caseRecord } from './records.js'

/** The contract of the names the 操作记录 page reads for a page of entries, for every adapter. */
export function auditNamesContract(store: () => Store) {
  describe('audit log: the names a page of entries needs', () => {
    it('reads each kind by its ids: a staff member with role, a deputy, a place, a ticket, titles; nothing for what is gone', async () => {
      await store().directory.upsertAll(sampleDirectory())
      const record = caseRecord()
      const c = await store().cases.submit({ record, ticketDate: '2026-11-22', events: [caseEvent(record.id, 'submitted')], outbox: [] })
      const m = await store().meetings.create(meetingRecord({ title: '代表接待日' }))
      const campaign = await store().campaigns.create(campaignRecord({ title: '学习贯彻代表法' }))
      const item = readingItem(campaign.id, { title: '代表法全文' })
      await store().campaigns.addItem(item)
      await store().suggestions.create(suggestionRecord({ id: 'sg-7', status: 'submitted', number: '2026-0007' }), [])
      await store().suggestions.create(suggestionRecord({ id: 'sg-8' }), []) // a draft: no number yet

      const found = await store().audit.names([
        { kind: 'staff', id: 'sf01' },
        { kind: 'staff', id: 'sf01' },
        { kind: 'staff', id: 'sf-gone' },
        { kind: 'deputy', id: 'dp0001' },
        { kind: 'station', id: 'st001' },
        { kind: 'unit', id: 'u01' },
        { kind: 'region', id: 'd01' },
        { kind: 'case', id: c.id },
        { kind: 'meeting', id: m.id },
        { kind: 'campaign', id: campaign.id },
        { kind: 'reading_item', id: item.id },
        { kind: 'survey', id: 'sv-gone' },
        { kind: 'suggestion', id: 'sg-7' },
        { kind: 'suggestion', id: 'sg-8' },
      ])
      const said = (n: AuditName) => `${n.kind}:${n.id}=${n.name}${n.role ? `/${n.role}` : ''}`
      expect(found.map(said)).to.have.members([
        'staff:sf01=李娜/station_staff',
        'deputy:dp0001=张伟',
        'station:st001=轻工街道代表联络站',
        'unit:u01=市住房和城乡建设局',
        'region:d01=青川区',
        `case:${c.id}=20261122-0001`,
        `meeting:${m.id}=代表接待日`,
        `campaign:${campaign.id}=学习贯彻代表法`,
        `reading_item:${item.id}=代表法全文`,
        'suggestion:sg-7=2026-0007',
      ])
      expect(await store().audit.names([]), 'nothing asked, nothing read').to.deep.equal([])
    })
  })
}
