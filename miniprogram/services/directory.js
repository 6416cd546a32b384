/** Places, stations and deputies' cards: public, no login needed. */
const enc = encodeURIComponent
const open = { auth: false }

function directoryService(request) {
  return {
    deputyCard: (code) => request('GET', '/api/mp/deputies/' + enc(code), undefined, open),
    stationCard: (code) => request('GET', '/api/mp/stations/' + enc(code), undefined, open),
    /** The region tree (district → street → community) in one answer. */
    regions: () => request('GET', '/api/mp/regions', undefined, open),
    stationsFor: (regionId) => request('GET', '/api/mp/stations?regionId=' + enc(regionId), undefined, open),
  }
}

module.exports = { directoryService }
