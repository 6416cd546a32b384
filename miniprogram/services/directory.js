/** Deputy and station cards, as the landing page shows them after a scan. */
function directoryService(request) {
  return {
    deputyCard: function (code) {
      return request('GET', '/api/mp/deputies/' + encodeURIComponent(code))
    },
    stationCard: function (code) {
      return request('GET', '/api/mp/stations/' + encodeURIComponent(code))
    },
  }
}

module.exports = { directoryService }
