/** 办理选登: answers the office published with the residents' agreement; anyone may read them, no login. */
const open = { auth: false }
// Ten at a time: long answers in large print make a short page already.
const PAGE_SIZE = 10

function publicService(request) {
  return {
    /** One page, newest first; topic '' for every topic; cursor from the page before. */
    cases: (topic, cursor) => {
      const query = { limit: PAGE_SIZE }
      if (topic) query.topic = topic
      if (cursor) query.cursor = cursor
      return request('GET', '/api/public/cases', query, open)
    },
  }
}

module.exports = { publicService }
