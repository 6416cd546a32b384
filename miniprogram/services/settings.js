/**
 * What the backend's config says the mini-program must respect (subscribe templates, photo
 * limit, when a message may be reopened); fetched once per launch.
 */
let cached = null

function settingsService(request) {
  return {
    get: () => {
      if (!cached)
        cached = request('GET', '/api/mp/settings', undefined, { auth: false }).catch((err) => {
          cached = null
          throw err
        })
      return cached
    },
  }
}

module.exports = { settingsService }
