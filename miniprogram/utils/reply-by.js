/**
 * Who answers her message and by when, in one sentence: on her message's page while it waits, and on the page
 * right after she sends it ("张伟代表会在 12月14日前（含当日） 答复您"), in the same words, from the same fields
 * the server gives both (handledBy, replyByText).
 */
function handlerName(handledBy) {
  const h = handledBy || {}
  return h.deputy ? h.deputy + '代表' : h.station || h.office || '工作人员'
}

/** '' when the date is not known (a copy kept by an older version of the page). */
function replyBySentence(handledBy, replyByText) {
  return replyByText ? handlerName(handledBy) + '会在 ' + replyByText + ' 答复您' : ''
}

module.exports = { handlerName, replyBySentence }
