const { request } = require('../../utils/request')
const { deputyService } = require('../../services/deputy')
const when = require('../../utils/when')
const { pagedList } = require('../../utils/page-load')

/** A page of ten: big cards, a short scroll, then 看更早的留言. */
const PAGE_SIZE = 10

/** Where a message the deputy has handled stands, in words (never by colour alone). */
function stateWords(c) {
  if (c.status === 'replied') return '已答复，等群众评价'
  if (c.status === 'withdrawn') return '群众已撤回，不用再办理'
  if (c.status === 'rejected') return '不予受理，不用再办理'
  if (c.merged) return '已和相同问题的留言合并办理'
  if (c.rating) return '已办结，群众评价 ' + c.rating + ' 分'
  return '已办结，群众没有评价'
}

function row(c) {
  return {
    id: c.id,
    ticket: c.ticket,
    excerpt: c.excerpt,
    state: stateWords(c),
    // "环境保护 · 11月23日收到 · 11月25日答复"
    meta: [c.topic, when.day(c.createdAt) + '收到', c.repliedAt ? when.day(c.repliedAt) + '答复' : ''].filter(Boolean).join(' · '),
    url: '/pages/deputy/case?caseId=' + c.id,
  }
}

/** 我办过的留言: the messages the deputy answered, that are closed, withdrawn or refused, newest first, more on demand. */
Page(
  Object.assign(
    pagedList((page, cursor) => page.deputies.handledCases(cursor, PAGE_SIZE), row),
    {
      data: { loading: true, loadError: '', errorStatus: 0, items: [], nextCursor: null, more: false },

      onLoad() {
        this.deputies = deputyService(request)
        return this.load(null)
      },

      open(e) {
        wx.navigateTo({ url: e.currentTarget.dataset.url })
      },
    },
  ),
)
