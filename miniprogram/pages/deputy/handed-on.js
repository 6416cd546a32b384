const { request } = require('../../utils/request')
const { deputyService } = require('../../services/deputy')
const when = require('../../utils/when')
const { pagedList } = require('../../utils/page-load')

/** A page of ten: big cards, a short scroll, then 看更早的留言. */
const PAGE_SIZE = 10

function row(h) {
  return {
    id: h.id,
    ticket: h.ticket,
    excerpt: h.excerpt,
    // "您转给了王芳代表（11月17日）", "您交回了轻工街道代表联络站（11月17日）"
    where: h.whereText + '（' + when.day(h.handedAt) + '）',
    state: '现在：' + h.stateText,
    meta: [h.topic, when.day(h.createdAt) + '收到'].filter(Boolean).join(' · '),
  }
}

/**
 * 我转出的留言: the messages the deputy handed on himself (to a colleague, back to the station), newest first, to look
 * up what became of them: where he handed each and who has it now, as far as he may know. Read only: another has it now.
 */
Page(
  Object.assign(
    pagedList((page, cursor) => page.deputies.handedOnCases(cursor, PAGE_SIZE), row),
    {
      data: { loading: true, loadError: '', errorStatus: 0, items: [], nextCursor: null, more: false },

      onLoad() {
        this.deputies = deputyService(request)
        return this.load(null)
      },
    },
  ),
)
